/// Assigns taxonomy topics to an article from the words in its title and
/// paragraphs, and explains every assignment with the matched text.
///
/// **Matching.** Text and phrases are normalized the same way: split into
/// words (letters, digits, marks; everything else separates), lowercased,
/// possessive `'s` dropped, and inflections folded by ``Stemmer``. All
/// phrases and condition terms of all topics form one Aho–Corasick automaton
/// over word ids, so one pass finds every occurrence and the cost barely
/// grows with the number of topics. A word the taxonomy never uses breaks
/// any phrase in progress. Overlapping phrases all count.
///
/// **Scoring.** Each phrase occurrence contributes
/// `w_i = weight × b × d^(i−1)` where `i` counts that phrase's occurrences in
/// reading order (title first), `b` = ``titleBoost`` (1.5) in the title and 1
/// elsewhere, and `d` = ``repeatDamping`` (0.5), so repeating a phrase adds at
/// most twice its weight. A ``ProximityCondition`` contributes the same way
/// for each anchor occurrence that has a context term within its window in
/// the same title/paragraph. Negative weights subtract. Then
///
///     score = 1 − exp(−max(0, Σ w_i) / k),   k = ``scoreScale`` (1.0)
///
/// which maps the sum into 0..<1: a sum of 0.69 scores 0.5, 1.0 scores 0.63,
/// 2.0 scores 0.86. A topic is assigned when `score ≥ threshold`. The
/// evidence weights of a ``TopicAssignment`` add up to `Σ w_i`.
///
/// **Fitted decision.** A topic with a ``TopicModel`` (written by
/// `newswire taxonomy fit`) is decided by it instead: the score is the
/// model's probability over ``TopicFeatures`` (undamped rule counts,
/// subject and action mentions at article, paragraph and sentence range,
/// selected words), and the phrases stay the evidence, each weighted by its
/// feature's weight. Articles in the taxonomy's first language use `model`;
/// those in its other languages use `crosslingual-model`; those in a language
/// it does not cover are not classified (``ClassificationOutcome/status``).
///
/// Evidence is capped at ``maximumEvidence`` items per topic (the strongest
/// by absolute weight); ``TopicAssignment/evidenceTotal`` counts them all.
public struct TopicClassifier: Sendable {
    /// Identifies the matching and scoring rules; stored with results so
    /// they can be recomputed when it changes. Bump when scores change.
    public static let version = "keyword-ac-lr-3"
    /// Multiplier for matches in the title.
    public static let titleBoost = 1.5
    /// Factor applied to each further occurrence of the same phrase or condition.
    public static let repeatDamping = 0.5
    /// `k` in the score formula.
    public static let scoreScale = 1.0
    /// Evidence items kept per topic.
    public static let maximumEvidence = 20

    public let taxonomy: Taxonomy
    let compiled: CompiledTaxonomy

    /// Compiles `taxonomy` into matching tables (the default taxonomy's are built once and shared).
    public init(taxonomy: Taxonomy = .default) {
        self.taxonomy = taxonomy
        self.compiled = taxonomy == Taxonomy.default ? Self.defaultCompiled : CompiledTaxonomy(taxonomy)
    }

    private static let defaultCompiled = CompiledTaxonomy(Taxonomy.default)

    /// Assigned topics only (score ≥ topic threshold), highest score first,
    /// for an article whose language is not known.
    public func classify(title: String, paragraphs: [String]) -> [TopicAssignment] {
        assignments(title: title, paragraphs: paragraphs, language: "und", assignedOnly: true)
    }

    /// Every topic with any evidence, assigned or not (for `--explain`),
    /// highest score first, with the decision's features.
    public func score(title: String, paragraphs: [String]) -> [TopicAssignment] {
        assignments(title: title, paragraphs: paragraphs, language: "und", assignedOnly: false)
    }

    /// Assigned topics of an article in `language` (as the parser detects
    /// it), or the `unclassified: language xx` status when the taxonomy does
    /// not cover that language.
    public func classify(title: String, paragraphs: [String], language: String) -> ClassificationOutcome {
        outcome(title: title, paragraphs: paragraphs, language: language, assignedOnly: true)
    }

    /// Like ``classify(title:paragraphs:language:)`` but with every topic
    /// that had evidence and the features that decided (for `--explain`).
    public func score(title: String, paragraphs: [String], language: String) -> ClassificationOutcome {
        outcome(title: title, paragraphs: paragraphs, language: language, assignedOnly: false)
    }

    /// Whether the taxonomy covers `language`.
    public func covers(language: String) -> Bool { taxonomy.covers(language: language) }

    private func outcome(title: String, paragraphs: [String], language: String, assignedOnly: Bool) -> ClassificationOutcome {
        guard covers(language: language) else {
            return ClassificationOutcome(
                language: language, status: ClassificationOutcome.unsupportedLanguage(language), topics: [])
        }
        return ClassificationOutcome(
            language: language, status: nil,
            topics: assignments(title: title, paragraphs: paragraphs, language: language, assignedOnly: assignedOnly))
    }

    /// Each topic's feature vector for an article (for fitting), laid out
    /// like ``featureNames(topic:)``.
    public func featureVectors(title: String, paragraphs: [String], language: String) -> [[Double]] {
        let hits = scanHits(title: title, paragraphs: paragraphs)
        let contributions = contributions(for: hits)
        let sparse = compiled.features(
            hits: hits, contributions: contributions, language: compiled.languageIndex(language),
            segmentCount: paragraphs.count + 1, wanted: [Bool](repeating: true, count: compiled.layouts.count))
        var dense = compiled.layouts.map { [Double](repeating: 0, count: $0.featureNames.count) }
        for (k, topic) in sparse.topics.enumerated() { dense[topic] = sparse.values[k] }
        return dense
    }

    /// The names of a topic's features, in the order of ``featureVectors(title:paragraphs:language:)``.
    public func featureNames(topic: Int) -> [String] { compiled.layouts[topic].featureNames }
}
