import Foundation

extension TopicClassifier {
    /// One weighted piece of evidence before it is turned into strings.
    struct Contribution: BitwiseCopyable {
        var topic: Int32
        /// Phrase index, or condition index for condition evidence.
        var source: Int32
        /// -1 for phrases; for conditions, the index into its labels.
        var label: Int32
        var segment: Int32
        var start: Int
        var end: Int
        var weight: Double

        /// Reading order, then phrases before conditions, then by source.
        static func readingOrder(_ a: Contribution, _ b: Contribution) -> Bool {
            if a.segment != b.segment { return a.segment < b.segment }
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            if (a.label < 0) != (b.label < 0) { return a.label < 0 }
            if a.source != b.source { return a.source < b.source }
            return a.label < b.label
        }
    }

    /// Sort keys for pattern uses, packed so one integer sort groups them:
    /// phrase uses are `phrase << 31 | hit`; condition term uses set bit 62
    /// and are `condition << 32 | isContext << 31 | hit`. Sorted, phrases come
    /// first, each phrase's hits in reading order, then each condition's
    /// anchors and then its contexts, in reading order.
    private enum UseKey {
        static let conditionFlag: Int64 = 1 << 62
        static let hitMask: Int64 = (1 << 31) - 1
    }

    func scanHits(title: String, paragraphs: [String]) -> [PatternHit] {
        compiled.withScratch { scratch in
            var hits: [PatternHit] = []
            hits.reserveCapacity(32)
            compiled.scan(title, segment: -1, scratch: scratch, into: &hits)
            for (index, paragraph) in paragraphs.enumerated() {
                compiled.scan(paragraph, segment: Int32(truncatingIfNeeded: index), scratch: scratch, into: &hits)
            }
            return hits
        }
    }

    /// Whether `language` is decided by a topic's cross-lingual model rather than its main one.
    private func usesCrosslingualModel(_ language: String) -> Bool {
        guard let primary = compiled.coveredLanguages.first else { return false }
        return language != primary && language != "und" && !language.isEmpty
    }

    func assignments(title: String, paragraphs: [String], language: String, assignedOnly: Bool) -> [TopicAssignment] {
        let hits = scanHits(title: title, paragraphs: paragraphs)
        guard !hits.isEmpty else { return [] }
        var contributions = contributions(for: hits)
        var results: [TopicAssignment] = []

        let crosslingual = usesCrosslingualModel(language)
        let modelled = compiled.modelled
        if compiled.anyModel {
            let (touched, allValues, allItems) = compiled.features(
                hits: hits, contributions: contributions, language: compiled.languageIndex(language),
                segmentCount: paragraphs.count + 1, wanted: modelled)
            for (k, topic) in touched.enumerated() {
                let layout = compiled.layouts[topic]
                let useCrosslingual = crosslingual && layout.crosslingualModel != nil
                guard let model = useCrosslingual ? layout.crosslingualModel : layout.model else { continue }
                let vector = allValues[k]
                var logit = model.bias
                for index in vector.indices where vector[index] != 0 { logit += vector[index] * model.weights[index] }
                let score = 1 / (1 + exp(-logit))
                let assigned = score >= model.threshold
                let topicItems = allItems[k].filter { model.weights[Int($0.feature)] != 0 }
                guard assigned || (!assignedOnly && !topicItems.isEmpty) else { continue }
                let kept = Self.strongest(topicItems, weight: { model.weights[Int($0.feature)] }, reading: {
                    ($0.segment, $0.start, $0.end)
                })
                var decision: TopicAssignment.Decision?
                do {
                    var features: [TopicAssignment.Decision.Feature] = []
                    for index in vector.indices where vector[index] != 0 && model.weights[index] != 0 {
                        features.append(.init(name: layout.featureNames[index], value: vector[index], weight: model.weights[index]))
                    }
                    features.sort { abs($0.value * $0.weight) > abs($1.value * $1.weight) }
                    decision = .init(model: useCrosslingual ? "crosslingual-model" : "model", bias: model.bias, features: features)
                }
                results.append(TopicAssignment(
                    id: compiled.topicIDs[topic], label: compiled.topicLabels[topic], score: score,
                    threshold: model.threshold, assigned: assigned,
                    evidence: kept.map { evidence(for: $0, weight: model.weights[Int($0.feature)], title: title, paragraphs: paragraphs) },
                    evidenceTotal: topicItems.count, decision: decision))
            }
            contributions.removeAll { modelled[Int($0.topic)] }
        }

        if !contributions.isEmpty {
            // Group by topic (stable, so each group keeps its generation order).
            let firstTopic = contributions[0].topic
            if contributions.contains(where: { $0.topic != firstTopic }) {
                contributions.sort { $0.topic < $1.topic }
            }
            var groupStart = 0
            while groupStart < contributions.count {
                let topic = Int(contributions[groupStart].topic)
                var groupEnd = groupStart
                var sum = 0.0
                while groupEnd < contributions.count, Int(contributions[groupEnd].topic) == topic {
                    sum += contributions[groupEnd].weight
                    groupEnd += 1
                }
                let threshold = compiled.topicThresholds[topic]
                let score = Self.score(sum: sum)
                let assigned = score >= threshold
                if assigned || !assignedOnly {
                    let kept = Self.strongest(Array(contributions[groupStart..<groupEnd]), weight: \.weight, reading: {
                        ($0.segment, $0.start, $0.end)
                    })
                    results.append(TopicAssignment(
                        id: compiled.topicIDs[topic], label: compiled.topicLabels[topic], score: score,
                        threshold: threshold, assigned: assigned,
                        evidence: kept.map { evidence(for: $0, title: title, paragraphs: paragraphs) },
                        evidenceTotal: groupEnd - groupStart))
                }
                groupStart = groupEnd
            }
        }
        if results.count > 1 {
            results.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        }
        return results
    }

    /// The ``maximumEvidence`` items of largest absolute weight (ties: the
    /// earlier), returned in reading order.
    static func strongest<Item>(
        _ items: [Item], weight: (Item) -> Double, reading: (Item) -> (Int32, Int, Int)
    ) -> [Item] {
        var order = Array(items.indices)
        if items.count > maximumEvidence {
            order.sort { a, b in
                let wa = abs(weight(items[a])), wb = abs(weight(items[b]))
                return wa != wb ? wa > wb : a < b
            }
            order.removeSubrange(maximumEvidence...)
        }
        order.sort { a, b in
            let ra = reading(items[a]), rb = reading(items[b])
            return ra != rb ? ra < rb : a < b
        }
        return order.map { items[$0] }
    }

    /// `1 − exp(−max(0, sum) / k)`.
    static func score(sum: Double) -> Double {
        sum > 0 ? 1 - exp(-sum / scoreScale) : 0
    }

    /// Turns hits into weighted contributions: phrase occurrences and
    /// proximity-condition firings, each damped per phrase/condition in
    /// reading order (hits are in reading order: title first, then by position).
    func contributions(for hits: [PatternHit]) -> [Contribution] {
        var keys: [Int64] = []
        keys.reserveCapacity(hits.count * 2)
        compiled.useStart.withUnsafeBufferPointer { useStart in
            compiled.uses.withUnsafeBufferPointer { uses in
                for (hitIndex, hit) in hits.enumerated() {
                    let pattern = Int(hit.pattern)
                    for k in Int(useStart[pattern])..<Int(useStart[pattern + 1]) {
                        let use = uses[k]
                        if use.kind == CompiledTaxonomy.Use.phrase {
                            keys.append(Int64(use.index) << 31 | Int64(hitIndex))
                        } else if use.kind <= CompiledTaxonomy.Use.context {
                            keys.append(UseKey.conditionFlag | Int64(use.index) << 32
                                | Int64(use.kind - 1) << 31 | Int64(hitIndex))
                        }
                    }
                }
            }
        }
        keys.sort()

        var result: [Contribution] = []
        result.reserveCapacity(keys.count)
        var previous: Int64 = -1
        var damping = 1.0
        var index = 0
        while index < keys.count, keys[index] < UseKey.conditionFlag {
            let phrase = keys[index] >> 31
            damping = phrase == previous ? damping * Self.repeatDamping : 1
            previous = phrase
            let hit = hits[Int(keys[index] & UseKey.hitMask)]
            let boost = hit.segment < 0 ? Self.titleBoost : 1
            result.append(Contribution(
                topic: compiled.phraseTopic[Int(phrase)], source: Int32(phrase), label: -1, segment: hit.segment,
                start: hit.start, end: hit.end, weight: compiled.phraseWeight[Int(phrase)] * boost * damping))
            index += 1
        }
        if index < keys.count {
            appendConditionFirings(keys[index...], hits: hits, to: &result)
        }
        return result
    }

    /// Proximity conditions: each anchor occurrence pairs with the nearest
    /// unused, non-overlapping context occurrence in the same segment, if it
    /// is within the window.
    private func appendConditionFirings(_ keys: ArraySlice<Int64>, hits: [PatternHit], to result: inout [Contribution]) {
        var used: [Bool] = []
        var groupStart = keys.startIndex
        while groupStart < keys.endIndex {
            let condition = (keys[groupStart] ^ UseKey.conditionFlag) >> 32
            var split = groupStart
            while split < keys.endIndex, (keys[split] ^ UseKey.conditionFlag) >> 31 == condition << 1 { split += 1 }
            var groupEnd = split
            while groupEnd < keys.endIndex, (keys[groupEnd] ^ UseKey.conditionFlag) >> 32 == condition { groupEnd += 1 }
            defer { groupStart = groupEnd }
            guard split > groupStart, groupEnd > split else { continue }

            let index = Int(condition)
            let window = Int(compiled.conditionWindow[index])
            let contexts = keys[split..<groupEnd]
            used.removeAll(keepingCapacity: true)
            used.append(contentsOf: repeatElement(false, count: contexts.count))
            var damping = 1.0
            var fired = false
            for anchorKey in keys[groupStart..<split] {
                let anchor = hits[Int(anchorKey & UseKey.hitMask)]
                guard let found = nearestContext(to: anchor, in: contexts, hits: hits, window: window, used: used)
                else { continue }
                used[found - contexts.startIndex] = true
                let context = hits[Int(contexts[found] & UseKey.hitMask)]
                damping = fired ? damping * Self.repeatDamping : 1
                fired = true
                let boost = anchor.segment < 0 ? Self.titleBoost : 1
                let label = term(of: anchor, condition: index, kind: CompiledTaxonomy.Use.anchor)
                    * compiled.conditionContextCount[index]
                    + term(of: context, condition: index, kind: CompiledTaxonomy.Use.context)
                result.append(Contribution(
                    topic: compiled.conditionTopic[index], source: Int32(index), label: label,
                    segment: anchor.segment, start: min(anchor.start, context.start), end: max(anchor.end, context.end),
                    weight: compiled.conditionWeight[index] * boost * damping))
            }
        }
    }

    /// Which anchor or context term of `condition` the hit's pattern is.
    private func term(of hit: PatternHit, condition: Int, kind: UInt8) -> Int32 {
        let pattern = Int(hit.pattern)
        for k in Int(compiled.useStart[pattern])..<Int(compiled.useStart[pattern + 1]) {
            let use = compiled.uses[k]
            if use.kind == kind, Int(use.index) == condition { return use.term }
        }
        return 0
    }

    /// The position (in `contexts`) of the unused context hit closest in
    /// words to `anchor` (ties: the earlier one), or nil when none is within
    /// `window`. Contexts are in hit order, which sorts them by (segment,
    /// last word), so a binary search finds where the window starts and the
    /// scan stops where it ends: the work is bounded by the window, not by
    /// how often the terms occur.
    private func nearestContext(
        to anchor: PatternHit, in contexts: ArraySlice<Int64>, hits: [PatternHit], window: Int, used: [Bool]
    ) -> Int? {
        func hit(_ position: Int) -> PatternHit { hits[Int(contexts[position] & UseKey.hitMask)] }
        // A context before the anchor is within the window when its last word
        // index (endWord - 1) is at least anchor.firstWord - window.
        let lowest = (anchor.segment, Int(anchor.firstWord) - window + 1)
        var low = contexts.startIndex, high = contexts.endIndex
        while low < high {
            let mid = (low + high) / 2
            let c = hit(mid)
            if (c.segment, Int(c.endWord)) < lowest { low = mid + 1 } else { high = mid }
        }
        var best: (distance: Int, position: Int)?
        var position = low
        while position < contexts.endIndex {
            let c = hit(position)
            // A context starts at most `longestPattern` words before it ends.
            guard c.segment == anchor.segment,
                  Int(c.endWord) - compiled.automaton.longestPattern <= Int(anchor.endWord) + window else { break }
            defer { position += 1 }
            guard !used[position - contexts.startIndex] else { continue }
            let distance: Int
            if c.firstWord >= anchor.endWord {
                distance = Int(c.firstWord - anchor.endWord) + 1
            } else if anchor.firstWord >= c.endWord {
                distance = Int(anchor.firstWord - c.endWord) + 1
            } else {
                continue  // overlapping: the same words cannot be both anchor and context
            }
            if distance <= window, best == nil || distance < best!.distance {
                best = (distance, position)
            }
        }
        return best?.position
    }

    private func evidence(for contribution: Contribution, title: String, paragraphs: [String]) -> Evidence {
        let text = contribution.segment < 0 ? title : paragraphs[Int(contribution.segment)]
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: contribution.start)
        let upper = utf8.index(lower, offsetBy: contribution.end - contribution.start)
        let phrase = contribution.label < 0
            ? compiled.phraseText[Int(contribution.source)]
            : compiled.conditionLabels[Int(contribution.source)][Int(contribution.label)]
        return Evidence(
            phrase: phrase, matched: String(decoding: utf8[lower..<upper], as: UTF8.self),
            paragraph: Int(contribution.segment), start: contribution.start, end: contribution.end,
            weight: contribution.weight)
    }
}

extension TopicClassifier {
    fileprivate func evidence(for item: TopicFeatures.Item, weight: Double, title: String, paragraphs: [String]) -> Evidence {
        let text = item.segment < 0 ? title : paragraphs[Int(item.segment)]
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: item.start)
        let upper = utf8.index(lower, offsetBy: item.end - item.start)
        let phrase: String
        switch item.label {
        case -1: phrase = compiled.phraseText[Int(item.source)]
        case -2: phrase = "subject: " + compiled.patternText[Int(item.source)]
        case -3: phrase = "action: " + compiled.patternText[Int(item.source)]
        case -4: phrase = "term: " + compiled.patternText[Int(item.source)]
        default: phrase = compiled.conditionLabels[Int(item.source)][Int(item.label)]
        }
        return Evidence(
            phrase: phrase, matched: String(decoding: utf8[lower..<upper], as: UTF8.self),
            paragraph: Int(item.segment), start: item.start, end: item.end, weight: weight)
    }
}
