import Foundation

/// Finds the words and word pairs that mark a topic in labelled examples,
/// for ``TaxonomyFitter``: document frequencies among the topic's examples
/// against the rest, ranked by smoothed log odds, common function words left out.
enum TermCounter {
    /// A term must be this much likelier (log odds) among the topic's examples than the rest…
    static let minimumLogOdds = 0.5
    /// …and appear in at least this share of them (and at least three).
    static let minimumShare = 0.15
    /// Distinct unigrams and bigrams of an article: normalized key → first surface form.
    static func terms(title: String, paragraphs: [String]) -> [[[UInt8]]: String] {
        var result: [[[UInt8]]: String] = [:]
        for text in [title] + paragraphs {
            var previous: (word: [UInt8], surface: String)?
            let utf8 = Array(text.utf8)
            TextNormalizer.forEachWord(in: text) { buffer, length, range in
                let word = Array(UnsafeBufferPointer(start: buffer, count: length))
                let surface = String(decoding: utf8[range], as: UTF8.self).lowercased()
                guard isContentWord(word) else {
                    previous = nil
                    return
                }
                if result[[word]] == nil { result[[word]] = surface }
                if let previous {
                    let key = [previous.word, word]
                    if result[key] == nil { result[key] = previous.surface + " " + surface }
                }
                previous = (word, surface)
            }
        }
        return result
    }

    /// Letters only, at least three bytes, not a function word.
    static func isContentWord(_ word: [UInt8]) -> Bool {
        guard word.count >= 3, !word.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return !stopwords.contains(word)
    }

    static let stopwords: Set<[UInt8]> = Set("""
        the and for that with from this was were are has have had not but its his her their they them said say says \
        will would can could should been being who whom which what when where why how all any also than then there \
        into onto over under after before about against between during while one two new last year month week day \
        our out off more most other some such only own same very just our you your him she he we it its mr mrs ms \
        told tell news report reported according statement monday tuesday wednesday thursday friday saturday sunday \
        did does doing may might must shall upon via per these those each both few many much since until because
        """.split(whereSeparator: { $0.isWhitespace }).flatMap { TextNormalizer.normalizedWords(String($0)) })

    /// The `count` terms with the highest smoothed log odds of appearing in
    /// the topic's examples, among those in at least max(3, 15 %) of them.
    static func select(
        _ documents: [(labels: Set<String>, terms: [[[UInt8]]: String])], topic: String, count: Int,
        excluding: Set<[[UInt8]]>
    ) -> [String] {
        let positives = documents.filter { $0.labels.contains(topic) }.count
        let negatives = documents.count - positives
        guard positives > 0, count > 0 else { return [] }
        var positiveDF: [[[UInt8]]: Int] = [:], negativeDF: [[[UInt8]]: Int] = [:], surface: [[[UInt8]]: String] = [:]
        for document in documents {
            let isPositive = document.labels.contains(topic)
            for (key, text) in document.terms {
                if isPositive { positiveDF[key, default: 0] += 1 } else { negativeDF[key, default: 0] += 1 }
                if let existing = surface[key] { if text < existing { surface[key] = text } } else { surface[key] = text }
            }
        }
        let minimum = max(3, Int((Double(positives) * minimumShare).rounded(.up)))
        var ranked: [(score: Double, text: String, key: [[UInt8]])] = []
        for (key, df) in positiveDF where df >= minimum && !excluding.contains(key) {
            let p = (Double(df) + 0.5) / (Double(positives) + 1)
            let q = (Double(negativeDF[key, default: 0]) + 0.5) / (Double(negatives) + 1)
            let score = log(p / q)
            if score > TermCounter.minimumLogOdds { ranked.append((score, surface[key]!, key)) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.text < $1.text }
        // Keep surface forms that normalize back to their key (so the matcher finds them) and are distinct.
        var chosen: [String] = []
        var seen: Set<[[UInt8]]> = []
        for item in ranked where chosen.count < count {
            let words = TextNormalizer.normalizedWords(item.text)
            guard words == item.key, !seen.contains(words) else { continue }
            seen.insert(words)
            chosen.append(item.text)
        }
        return chosen
    }
}
