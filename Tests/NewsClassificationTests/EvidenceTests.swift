import Foundation
import NewsClassification
import NewswireTesting
import Testing

@Suite("Evidence offsets")
struct EvidenceTests {
    /// The built-in taxonomy's hand-written rules, decided by phrase sums (the fitted decision has its own tests).
    let classifier = TopicClassifier(taxonomy: Taxonomy.default.unfitted)

    /// The UTF-8 bytes `start..<end` of `text`, decoded.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String? {
        let bytes = Array(text.utf8)
        guard start >= 0, start < end, end <= bytes.count else { return nil }
        return String(validating: bytes[start..<end], as: UTF8.self)
    }

    /// The UTF-8 offset range of the first occurrence of `needle` in `text`.
    static func byteRange(of needle: String, in text: String) -> Range<Int>? {
        guard let range = text.range(of: needle) else { return nil }
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return start..<(start + needle.utf8.count)
    }

    @Test("Every evidence item's matched text is exactly its UTF-8 slice")
    func matchedEqualsSlice() throws {
        var checked = 0
        for (article, _) in try FixtureArticle.allLabelled() {
            for topic in classifier.score(title: article.title, paragraphs: article.paragraphs) {
                for evidence in topic.evidence {
                    let text = evidence.paragraph == -1 ? article.title : article.paragraphs[evidence.paragraph]
                    #expect((-1..<article.paragraphs.count).contains(evidence.paragraph))
                    #expect(Self.slice(text, evidence.start, evidence.end) == evidence.matched,
                            "\(article.name) \(topic.id) \(evidence.phrase)")
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
    }

    @Test("A phrase in the title lands at its title offsets with the title boost")
    func titlePhrase() throws {
        let article = try FixtureArticle(path: Fixtures.firstSeed)
        let topic = try #require(classifier.score(title: article.title, paragraphs: article.paragraphs)
            .first { $0.id == "syria-talks" })
        let evidence = try #require(topic.evidence.first { $0.phrase == "syria talks" })
        #expect(evidence.paragraph == -1)
        #expect(evidence.matched == "Syria Talks")
        #expect(evidence.start..<evidence.end == Self.byteRange(of: "Syria Talks", in: article.title))
        #expect(evidence.weight == 0.8 * TopicClassifier.titleBoost)
    }

    @Test("A phrase after curly quotes lands at the right byte offsets")
    func paragraphPhraseAfterNonASCII() throws {
        let article = try FixtureArticle(path: Fixtures.firstSeed)
        let index = try #require(article.paragraphs.firstIndex { $0.hasPrefix("Mr. Kerry first sought the Kremlin’s") })
        let topic = try #require(classifier.score(title: article.title, paragraphs: article.paragraphs)
            .first { $0.id == "syria-talks" })
        let evidence = try #require(topic.evidence.first { $0.phrase == "syrian peace conference" && $0.paragraph == index })
        #expect(evidence.matched == "Syrian peace conference")
        #expect(evidence.start..<evidence.end == Self.byteRange(of: "Syrian peace conference", in: article.paragraphs[index]))
    }

    @Test("Offsets count UTF-8 bytes, and a possessive is not part of the match")
    func unicodeOffsets() throws {
        let taxonomy = try Taxonomy(yaml: """
            name: t
            version: "1"
            topics:
              - id: assad
                label: Assad
                phrases:
                  - { text: président assad, weight: 1 }
            """)
        let paragraph = "«Déjà vu» — Le Président Assad’s forces advanced."
        let result = TopicClassifier(taxonomy: taxonomy).classify(title: "", paragraphs: ["x", paragraph])
        let evidence = try #require(result.first?.evidence.first)
        #expect(evidence.paragraph == 1)
        #expect(evidence.matched == "Président Assad")
        #expect(evidence.start..<evidence.end == Self.byteRange(of: "Président Assad", in: paragraph))
    }

    @Test("Evidence weights add up to the score's sum (when no evidence was capped)")
    func evidenceExplainsScore() throws {
        for (article, _) in try FixtureArticle.allLabelled() {
            for topic in classifier.score(title: article.title, paragraphs: article.paragraphs) {
                guard topic.evidenceTotal == topic.evidence.count else {
                    #expect(topic.evidence.count == TopicClassifier.maximumEvidence)
                    continue
                }
                let sum = topic.evidence.reduce(0) { $0 + $1.weight }
                let expected = sum > 0 ? 1 - exp(-sum / TopicClassifier.scoreScale) : 0
                #expect(abs(topic.score - expected) < 1e-12)
                #expect(topic.assigned == (topic.score >= topic.threshold))
            }
        }
    }
}
