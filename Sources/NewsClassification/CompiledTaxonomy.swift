/// A taxonomy turned into matching tables: the word vocabulary, one
/// Aho–Corasick automaton holding every phrase and condition term of every
/// topic, and for each automaton pattern the phrases/conditions it feeds.
///
/// Per-phrase and per-condition data is kept in parallel arrays of plain
/// numbers, so scoring touches no reference-counted values; strings are only
/// read when evidence is built. Immutable after `init` and shared freely
/// between threads.
final class CompiledTaxonomy: Sendable {
    /// What a pattern occurrence means for scoring.
    struct Use: Sendable, BitwiseCopyable {
        /// 0 = phrase, 1 = condition anchor, 2 = condition context.
        var kind: UInt8
        /// Index into the phrase or condition arrays.
        var index: Int32
        /// For condition terms, the index of the term within anchor/context.
        var term: Int32

        static let phrase: UInt8 = 0, anchor: UInt8 = 1, context: UInt8 = 2
    }

    let topicIDs: [String]
    let topicLabels: [String]
    let topicThresholds: [Double]

    let vocabulary: Vocabulary
    let automaton: PhraseAutomaton
    /// Uses of pattern `p` are `uses[useStart[p]..<useStart[p + 1]]`.
    let useStart: [Int32]
    let uses: [Use]

    let phraseTopic: [Int32]
    let phraseWeight: [Double]
    let phraseText: [String]

    let conditionTopic: [Int32]
    let conditionWindow: [Int32]
    let conditionWeight: [Double]
    /// Evidence labels "anchor + context (within N words)", indexed
    /// `[condition][anchorTerm * contextCount + contextTerm]`.
    let conditionLabels: [[String]]
    let conditionContextCount: [Int32]

    /// Compiles `taxonomy`. Phrases and terms with no words, a word longer
    /// than ``Taxonomy/maximumWordBytes``, or a non-finite weight are skipped
    /// (the YAML loader rejects them; this only matters for taxonomies built in code).
    init(_ taxonomy: Taxonomy) {
        var wordIDs: [[UInt8]: Int32] = [:]
        var words: [[UInt8]] = []
        var patternIDs: [[Int32]: Int32] = [:]
        var patterns: [[Int32]] = []
        var patternUses: [[Use]] = []
        var phraseTopic: [Int32] = [], phraseWeight: [Double] = [], phraseText: [String] = []
        var conditionTopic: [Int32] = [], conditionWindow: [Int32] = [], conditionWeight: [Double] = []
        var conditionLabels: [[String]] = [], conditionContextCount: [Int32] = []

        func pattern(for text: String) -> Int32? {
            let normalized = TextNormalizer.normalizedWords(text)
            guard !normalized.isEmpty,
                  normalized.allSatisfy({ $0.count <= TextNormalizer.maximumWordBytes }) else { return nil }
            let ids = normalized.map { word -> Int32 in
                if let id = wordIDs[word] { return id }
                words.append(word)
                let id = Int32(words.count)
                wordIDs[word] = id
                return id
            }
            if let existing = patternIDs[ids] { return existing }
            let id = Int32(patterns.count)
            patterns.append(ids)
            patternUses.append([])
            patternIDs[ids] = id
            return id
        }

        for (topicIndex, topic) in taxonomy.topics.enumerated() {
            for phrase in topic.phrases where phrase.weight.isFinite {
                guard let id = pattern(for: phrase.text) else { continue }
                patternUses[Int(id)].append(Use(kind: Use.phrase, index: Int32(phraseTopic.count), term: 0))
                phraseTopic.append(Int32(topicIndex))
                phraseWeight.append(phrase.weight)
                phraseText.append(phrase.text)
            }
            for condition in topic.conditions
            where condition.weight.isFinite && condition.window >= 1 && !condition.anchor.isEmpty
                && !condition.context.isEmpty {
                let index = Int32(conditionTopic.count)
                let window = Int32(clamping: condition.window)
                for (kind, terms) in [(Use.anchor, condition.anchor), (Use.context, condition.context)] {
                    for (termIndex, term) in terms.enumerated() {
                        guard let id = pattern(for: term) else { continue }
                        // Terms that normalize alike are one term (the first spelling labels it).
                        guard !patternUses[Int(id)].contains(where: { $0.kind == kind && $0.index == index })
                        else { continue }
                        patternUses[Int(id)].append(Use(kind: kind, index: index, term: Int32(termIndex)))
                    }
                }
                conditionTopic.append(Int32(topicIndex))
                conditionWindow.append(window)
                conditionWeight.append(condition.weight)
                conditionContextCount.append(Int32(condition.context.count))
                conditionLabels.append(condition.anchor.flatMap { anchor in
                    condition.context.map { "\(anchor) + \($0) (within \(window) words)" }
                })
            }
        }

        var starts: [Int32] = [0]
        var flat: [Use] = []
        for list in patternUses {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }
        topicIDs = taxonomy.topics.map(\.id)
        topicLabels = taxonomy.topics.map(\.label)
        topicThresholds = taxonomy.topics.map(\.threshold)
        vocabulary = Vocabulary(words: words)
        automaton = PhraseAutomaton(patterns: patterns, wordCount: words.count)
        useStart = starts
        uses = flat
        self.phraseTopic = phraseTopic
        self.phraseWeight = phraseWeight
        self.phraseText = phraseText
        self.conditionTopic = conditionTopic
        self.conditionWindow = conditionWindow
        self.conditionWeight = conditionWeight
        self.conditionLabels = conditionLabels
        self.conditionContextCount = conditionContextCount
    }
}
