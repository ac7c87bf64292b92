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
public struct TopicClassifier: Sendable {
    /// Identifies the matching and scoring rules; stored with results so
    /// they can be recomputed when it changes. Bump when scores change.
    public static let version = "keyword-ac-1"
    /// Multiplier for matches in the title.
    public static let titleBoost = 1.5
    /// Factor applied to each further occurrence of the same phrase or condition.
    public static let repeatDamping = 0.5
    /// `k` in the score formula.
    public static let scoreScale = 1.0

    public let taxonomy: Taxonomy
    let compiled: CompiledTaxonomy

    /// Compiles `taxonomy` into matching tables (the default taxonomy's are built once and shared).
    public init(taxonomy: Taxonomy = .default) {
        self.taxonomy = taxonomy
        self.compiled = taxonomy == Taxonomy.default ? Self.defaultCompiled : CompiledTaxonomy(taxonomy)
    }

    private static let defaultCompiled = CompiledTaxonomy(Taxonomy.default)

    /// Assigned topics only (score ≥ topic threshold), highest score first.
    public func classify(title: String, paragraphs: [String]) -> [TopicAssignment] {
        assignments(title: title, paragraphs: paragraphs, assignedOnly: true)
    }

    /// Every topic with any evidence, assigned or not (for `--explain`),
    /// highest score first.
    public func score(title: String, paragraphs: [String]) -> [TopicAssignment] {
        assignments(title: title, paragraphs: paragraphs, assignedOnly: false)
    }
}
