@testable import NewsClassification
import NewswireTesting
import Testing

@Suite("Normalization and inflection folding")
struct NormalizationTests {
    static func words(_ text: String) -> [String] {
        TextNormalizer.normalizedWords(text).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("Inflections fold to one stem", arguments: [
        ["talk", "talks", "talked", "talking", "Talks"],
        ["supply", "supplies", "supplied", "supplying"],
        ["weapon", "weapons"],
        ["extradite", "extradited", "extradition", "extraditing", "extradites", "extraditions"],
        ["negotiate", "negotiated", "negotiating", "negotiation", "negotiations"],
        ["conference", "conferences"],
        ["ship", "shipped", "shipping", "ships"],
        ["rebel", "rebels", "rebel’s", "rebels'"],
        ["arm", "armed", "arming"],
        ["tax", "taxes"],
    ])
    func folds(forms: [String]) {
        let stems = Set(forms.flatMap(Self.words))
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("Words that must stay apart do")
    func staysApart() {
        #expect(Self.words("arms") != Self.words("arm"), "arms (weapons) is not arm")
        #expect(Self.words("news") != Self.words("new"))
        #expect(Self.words("Damascus crisis process") == ["damascus", "crisis", "process"])
        #expect(Self.words("is as us") == ["is", "as", "us"])
    }

    @Test("Tokenization: case, punctuation, apostrophes and Unicode")
    func tokenization() {
        #expect(Self.words("Assad’s al-Assad don't U.S.") == ["assad", "al", "assad", "dont", "u", "s"])
        #expect(Self.words("“Geneva II,” he said—again…") == ["geneva", "ii", "he", "said", "again"])
        #expect(Self.words("ÉCOLE Ünïcode Straße Москва") == ["écol", "ünïcod", "straß", "москва"])
        #expect(Self.words("  ...  ") == [])
        #expect(Self.words("London 11, 2013") == ["london", "11", "2013"])
    }

    @Test("Word ranges are UTF-8 offsets and exclude a possessive")
    func ranges() {
        var ranges: [Range<Int>] = []
        TextNormalizer.forEachWord(in: "«Assad’s» army") { _, _, range in ranges.append(range) }
        #expect(ranges == [2..<7, 14..<18])  // « is 2 bytes, ’ 3, » 2
    }

    @Test("The fast and slow word paths agree around chunk and text boundaries")
    func fastAndSlowPathsAgree() {
        // Words of every length up to 20, placed at every offset, at the end
        // of the text and before apostrophes and non-ASCII, all lowercased alike.
        for length in 1...20 {
            let word = String(repeating: "Ab", count: length).prefix(length)
            for offset in 0..<10 {
                let padding = String(repeating: " ", count: offset)
                for suffix in ["", " x", "’s y", "'t", "é", ". Next"] {
                    let text = padding + word + suffix
                    var seen: [(String, Range<Int>)] = []
                    TextNormalizer.forEachWord(in: text) { buffer, _, range in
                        let bytes = Array(text.utf8)[range]
                        seen.append((String(decoding: bytes, as: UTF8.self), range))
                        _ = buffer
                    }
                    let first = seen.first
                    #expect(first?.1.lowerBound == offset, "\(text)")
                    let expectedEnd = suffix == "'t" || suffix == "é" ? nil : offset + length
                    if let expectedEnd { #expect(first?.1.upperBound == expectedEnd, "\(text)") }
                }
            }
        }
    }

    @Test("Looking up a surface form equals stemming and looking up the stem")
    func surfaceFormsMatchStemming() throws {
        let classifier = TopicClassifier()
        let vocabulary = classifier.compiled.vocabulary
        var words = Set<String>()
        for (article, _) in try FixtureArticle.allLabelled() {
            for text in [article.title] + article.paragraphs {
                for word in text.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                    words.insert(String(word))
                }
            }
        }
        // Inflections of every vocabulary stem too, including unusual ones.
        for phrase in Taxonomy.default.topics.flatMap({ $0.phrases.map(\.text) + $0.conditions.flatMap { $0.anchor + $0.context } }) {
            for word in phrase.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                for suffix in ["", "s", "es", "e", "ed", "ing", "ings", "ion", "ions", "ied", "ies"] { words.insert(word + suffix) }
            }
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: TextNormalizer.scratchCapacity)
        defer { buffer.deallocate() }
        var known = 0
        for word in words where word.utf8.count <= 15 {
            let bytes = Array(word.utf8)
            var k0: UInt64 = 0, k1: UInt64 = 0
            for (index, byte) in bytes.enumerated() {
                if index < 8 { k0 |= UInt64(byte) << (8 * UInt64(index)) } else { k1 |= UInt64(byte) << (8 * UInt64(index - 8)) }
            }
            buffer.update(repeating: 0, count: TextNormalizer.scratchCapacity)
            buffer.update(from: bytes, count: bytes.count)
            let plain = vocabulary.id(plain: k0, k1)
            #expect(plain == vocabulary.id(stemming: buffer, length: bytes.count), "\(word)")
            if plain != 0 { known += 1 }
        }
        #expect(known > 100)
    }
}
