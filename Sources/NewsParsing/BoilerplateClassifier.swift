/// Scores text lines as site chrome or article prose with ``BoilerplateRules``.
///
/// Works on tokens already computed for the lines: counts words, stopwords and
/// navigation words, looks for call-to-action phrases, self-repeating labels
/// ("Next Score View the next score"), menu separators and lines repeated in
/// the document, and credits prose signals (terminal punctuation, quotation
/// marks, a verb of saying, stopword-dense sentences).
struct BoilerplateClassifier {
    /// What was measured on one line.
    struct Features {
        var words = 0
        var stopwords = 0
        var navigationWords = 0
        var callToAction = false
        var selfRepeating = false
        var duplicate = false
        var separators = 0
        var endsTerminal = false
        var endsColon = false
        var hasQuotation = false
        var hasSpeechVerb = false
        var truncationMarker = false
        /// A heading of the sections after an article ("Related stories", "Kommentare (3)").
        var sectionMarker = false

        var stopwordShare: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

        /// The chrome score: positive for chrome signals, negative for prose signals.
        var score: Int {
            typealias R = BoilerplateRules
            if words == 0 { return separators > 0 ? R.chromeThreshold : 0 }
            if words >= R.proseWordCount && stopwordShare >= R.proseStopwordShare { return -10 }
            var score = 0
            if callToAction { score += R.callToActionWeight }
            if words <= R.shortLineWords && !endsTerminal { score += R.shortUnpunctuatedWeight }
            if words >= 3 && words < R.proseWordCount && stopwordShare < R.lowStopwordShare { score += R.lowStopwordWeight }
            if Double(navigationWords) >= Double(words) * R.navigationShare { score += R.navigationWeight }
            if selfRepeating { score += R.selfRepeatWeight }
            if duplicate && words <= R.labelLineWords { score += R.duplicateWeight }
            if endsColon && words <= R.labelLineWords { score += R.colonLabelWeight }
            if separators >= 2 { score += R.separatorWeight }
            if endsTerminal { score += R.terminalPunctuationWeight }
            if hasSpeechVerb { score += R.speechWeight }
            if hasQuotation { score += R.quotationWeight }
            if words >= 12 && stopwordShare >= 0.3 { score += R.sentenceLikeWeight }
            return score
        }

        var isChrome: Bool { score >= BoilerplateRules.chromeThreshold }
    }

    /// Call-to-action phrases by the hash of their first word; the rest as word hashes.
    static let callToActionIndex: WordTable<[[UInt64]]> = phraseIndex(BoilerplateRules.callToActionPhrases)
    static let truncationIndex: WordTable<[[UInt64]]> = phraseIndex(BoilerplateRules.truncationMarkers)
    static let sectionMarkerIndex: WordTable<[[UInt64]]> = phraseIndex(BoilerplateRules.sectionMarkers)
    /// A section heading has at most this many words.
    static let maximumSectionMarkerWords = 5

    static func phraseIndex(_ phrases: [String]) -> WordTable<[[UInt64]]> {
        WordTable(
            phrases.map { phrase -> (String, [[UInt64]]) in
                let words = phrase.split(separator: " ").map { WordHash.hash(String($0)) }
                return (String(phrase.split(separator: " ")[0]), [Array(words.dropFirst())])
            }, combine: +)
    }

    /// Whether the tokens in `range` contain one of the indexed phrases.
    static func containsPhrase(_ index: WordTable<[[UInt64]]>, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        for i in range {
            guard let rests = index[tokens[i].hash] else { continue }
            for rest in rests where i + rest.count < range.upperBound || rest.isEmpty {
                var matched = true
                for (offset, hash) in rest.enumerated() where i + 1 + offset >= range.upperBound || tokens[i + 1 + offset].hash != hash {
                    matched = false
                    break
                }
                if matched { return true }
            }
        }
        return false
    }

    /// Features of a line: `bytes` are its UTF-8 bytes, `tokens[range]` its words.
    static func features(
        _ p: UnsafeBufferPointer<UInt8>, line: Range<Int>, tokens: [Token], range: Range<Int>
    ) -> Features {
        var f = Features()
        f.words = range.count
        // Counted with selects, not branches: stopwords and other words alternate unpredictably.
        var stopwords = 0
        var navigationWords = 0
        for i in range {
            let t = tokens[i]
            stopwords &+= t.stopMask != 0 ? 1 : 0
            navigationWords &+= t.isA(Lexicon.navigation) ? 1 : 0
            if t.isA(Lexicon.speechVerb) && t.has(.lowercased) { f.hasSpeechVerb = true }
        }
        f.stopwords = stopwords
        f.navigationWords = navigationWords
        let short = range.count <= BoilerplateRules.labelLineWords
        if range.count < BoilerplateRules.proseWordCount {
            f.callToAction = containsPhrase(callToActionIndex, tokens, range)
        }
        if short {
            f.truncationMarker = containsPhrase(truncationIndex, tokens, range)
            f.selfRepeating = selfRepeats(tokens, range)
        }
        // Punctuation at the end and separators anywhere.
        var k = line.lowerBound
        while k < line.upperBound {
            k = ByteSearch.firstNonASCII(orByte: 0x7C, in: p, from: k, to: line.upperBound)
            if k == line.upperBound { break }
            let b = p[k]
            if b == 0x7C {
                f.separators += 1
            } else if b >= 0x80 {
                let (v, length) = UTF8Scan.scalar(p, k)
                if v == 0x201C || v == 0x201E || v == 0xAB || v == 0xBB { f.hasQuotation = true }
                if v != 0xBB && BoilerplateRules.separatorScalars.contains(v) { f.separators += 1 }
                k += length
                continue
            }
            k += 1
        }
        // Straight quotes are kept as the page wrote them: they mark a quotation too.
        if !f.hasQuotation, ByteSearch.find(0x22, in: p, from: line.lowerBound, to: line.upperBound) != nil {
            f.hasQuotation = true
        }
        f.endsTerminal = endsWithTerminal(p, line)
        // A heading, not a sentence: "Comments (3)", not "Officials declined to comment."
        if range.count <= maximumSectionMarkerWords && !f.endsTerminal {
            f.sectionMarker = containsPhrase(sectionMarkerIndex, tokens, range)
        }
        f.endsColon = line.count > 0 && p[line.upperBound - 1] == 0x3A
        return f
    }

    /// Whether a line ends a sentence: . ! ? … possibly followed by closing quotes or a parenthesis.
    static func endsWithTerminal(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound {
            let b = p[end - 1]
            if b == 0x29 || b == 0x22 || b == 0x27 || b == 0x20 {  // ) " ' space
                end -= 1
                continue
            }
            if b >= 0x80 {
                var start = end - 1
                while start > line.lowerBound, p[start] & 0xC0 == 0x80 { start -= 1 }
                let v = UTF8Scan.scalar(p, start).value
                if v == 0x201D || v == 0x201C || v == 0x2019 || v == 0xBB || v == 0xAB {
                    end = start
                    continue
                }
                return v == 0x2026 ? false : UTF8Scan.isTerminal(v)
            }
            return b == 0x2E || b == 0x21 || b == 0x3F
        }
        return false
    }

    /// A label that says the same thing twice: a repeated word pair, or a repeated word in a tiny line.
    static func selfRepeats(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        let count = range.count
        if count >= 2 && count <= 3 {
            for a in range {
                for b in (a + 1)..<range.upperBound where tokens[a].hash == tokens[b].hash && tokens[a].stopMask == 0 { return true }
            }
        }
        guard count >= 4 else { return false }
        for a in range.lowerBound..<(range.upperBound - 1) {
            var b = a + 2
            while b + 1 < range.upperBound {
                if tokens[a].hash == tokens[b].hash && tokens[a + 1].hash == tokens[b + 1].hash { return true }
                b += 1
            }
        }
        return false
    }
}
