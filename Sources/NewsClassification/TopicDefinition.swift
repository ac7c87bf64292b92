/// One topic of a ``Taxonomy``: what it means and the evidence that signals it.
public struct TopicDefinition: Sendable, Equatable {
    /// Stable identifier stored with classified articles (`^[a-z0-9][a-z0-9-]{0,63}$`).
    public var id: String
    /// Short human-readable name.
    public var label: String
    /// What belongs in the topic and what does not, for the people tuning it.
    public var description: String
    /// Minimum score (0...1] for the topic to be assigned.
    public var threshold: Double
    public var phrases: [WeightedPhrase]
    public var conditions: [ProximityCondition]
    /// What the topic is about (Syria, Snowden, …), per language: counted
    /// anywhere in the article, so a pronoun-heavy article still shows its subject.
    public var subject: LanguageTerms
    /// Descriptions that stand for the subject ("the rebels", "the former
    /// contractor"), per language: counted as subject mentions only in an
    /// article that names the subject itself, since alone they may mean
    /// someone else (another country's rebels, another contractor).
    public var refers: LanguageTerms
    /// What happens to the subject (talks, extradition, supplies, …), per
    /// language: counted at article level and near the subject.
    public var action: LanguageTerms
    /// Extra words or word pairs whose counts are features (chosen by
    /// `newswire taxonomy fit` from the labelled examples).
    public var terms: [String]
    /// The fitted decision for articles in the taxonomy's first language
    /// (all features); nil keeps the phrase-sum score of ``TopicClassifier``.
    public var model: TopicModel?
    /// The fitted decision for articles in the taxonomy's other languages:
    /// only the language-neutral subject and action features.
    public var crosslingualModel: TopicModel?

    /// The threshold used when a topic does not give one.
    public static let defaultThreshold = 0.5

    public init(
        id: String,
        label: String,
        description: String = "",
        threshold: Double = TopicDefinition.defaultThreshold,
        phrases: [WeightedPhrase],
        conditions: [ProximityCondition] = [],
        subject: LanguageTerms = LanguageTerms(),
        refers: LanguageTerms = LanguageTerms(),
        action: LanguageTerms = LanguageTerms(),
        terms: [String] = [],
        model: TopicModel? = nil,
        crosslingualModel: TopicModel? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.threshold = threshold
        self.phrases = phrases
        self.conditions = conditions
        self.subject = subject
        self.refers = refers
        self.action = action
        self.terms = terms
        self.model = model
        self.crosslingualModel = crosslingualModel
    }
}
