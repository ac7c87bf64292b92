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
        /// 0 = phrase, 1 = condition anchor, 2 = condition context,
        /// 3 = subject term, 4 = action term, 5 = selected term,
        /// 6 = a description that refers to the subject.
        var kind: UInt8
        /// Index into the phrase, condition or term arrays; the topic for subject and action terms.
        var index: Int32
        /// For condition terms, the index of the term within anchor/context;
        /// for subject and action terms, the language index (-1: any language).
        var term: Int32

        static let phrase: UInt8 = 0, anchor: UInt8 = 1, context: UInt8 = 2
        static let subject: UInt8 = 3, action: UInt8 = 4, selected: UInt8 = 5, reference: UInt8 = 6
    }

    /// Where each topic's phrases, conditions and selected terms start in
    /// the flat arrays, and its feature layout and fitted models.
    struct TopicLayout: Sendable {
        var phraseStart: Int
        var conditionStart: Int
        var termStart: Int
        var phraseCount = 0
        var conditionCount = 0
        var featureNames: [String]
        /// Dense weights over `featureNames`, or nil without a model.
        var model: DenseModel?
        var crosslingualModel: DenseModel?
    }

    /// A ``TopicModel`` with its weights laid out like the topic's features.
    struct DenseModel: Sendable {
        var bias: Double
        var threshold: Double
        var weights: [Double]
    }

    /// Language codes indexed by the `term` of subject/action uses.
    let languages: [String]
    /// The taxonomy's languages (empty: any).
    let coveredLanguages: [String]
    let layouts: [TopicLayout]
    /// Per topic, whether it has a fitted model; and whether any has.
    let modelled: [Bool]
    let anyModel: Bool
    let termTopic: [Int32]
    let termText: [String]
    /// Subject and action term labels, for evidence, by pattern.
    let patternText: [String]

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
        var termTopic: [Int32] = [], termText: [String] = []
        var patternText: [String] = []
        var languages: [String] = []
        var layouts: [TopicLayout] = []

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
            patternText.append(text)
            patternUses.append([])
            patternIDs[ids] = id
            return id
        }

        for (topicIndex, topic) in taxonomy.topics.enumerated() {
            var layout = TopicLayout(
                phraseStart: phraseTopic.count, conditionStart: conditionTopic.count, termStart: termTopic.count,
                featureNames: TopicFeatures.fixedNames)
            for (kind, terms) in [(Use.subject, topic.subject), (Use.reference, topic.refers), (Use.action, topic.action)] {
                for (language, list) in terms.entries {
                    var languageIndex: Int32 = -1
                    if language != LanguageTerms.anyLanguage {
                        if let found = languages.firstIndex(of: language) {
                            languageIndex = Int32(found)
                        } else {
                            languages.append(language)
                            languageIndex = Int32(languages.count - 1)
                        }
                    }
                    for term in list {
                        guard let id = pattern(for: term) else { continue }
                        guard !patternUses[Int(id)].contains(where: {
                            $0.kind == kind && $0.index == Int32(topicIndex) && $0.term == languageIndex
                        }) else { continue }
                        patternUses[Int(id)].append(Use(kind: kind, index: Int32(topicIndex), term: languageIndex))
                    }
                }
            }
            for term in topic.terms {
                guard let id = pattern(for: term) else { continue }
                patternUses[Int(id)].append(Use(kind: Use.selected, index: Int32(termTopic.count), term: 0))
                termTopic.append(Int32(topicIndex))
                termText.append(term)
            }
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
            layout.phraseCount = phraseTopic.count - layout.phraseStart
            layout.conditionCount = conditionTopic.count - layout.conditionStart
            layout.featureNames += phraseText[layout.phraseStart...].map { TopicFeatures.phrasePrefix + $0 }
            layout.featureNames += (0..<(conditionTopic.count - layout.conditionStart)).map {
                TopicFeatures.conditionPrefix + String($0 + 1)
            }
            layout.featureNames += termText[layout.termStart...].map { TopicFeatures.termPrefix + $0 }
            layout.model = topic.model.map { Self.dense($0, names: layout.featureNames) }
            layout.crosslingualModel = topic.crosslingualModel.map { Self.dense($0, names: layout.featureNames) }
            layouts.append(layout)
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
        self.languages = languages
        self.coveredLanguages = taxonomy.languages
        self.layouts = layouts
        self.modelled = layouts.map { $0.model != nil }
        self.anyModel = self.modelled.contains(true)
        self.termTopic = termTopic
        self.termText = termText
        self.patternText = patternText
    }

    /// Lays a model's named weights out like the topic's features (names
    /// the topic does not have are ignored; the parser checks their form).
    private static func dense(_ model: TopicModel, names: [String]) -> DenseModel {
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        var weights = [Double](repeating: 0, count: names.count)
        for (feature, weight) in model.weights {
            if let position = index[feature] { weights[position] += weight }
        }
        return DenseModel(bias: model.bias, threshold: model.threshold, weights: weights)
    }
}
