/// A topic's score for one article, whether it was assigned, and why.
public struct TopicAssignment: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    /// 0...1: the fitted model's probability, or for a topic without a
    /// model the phrase-sum score (see ``TopicClassifier``).
    public var score: Double
    /// The topic's threshold; `assigned == (score >= threshold)`.
    public var threshold: Double
    public var assigned: Bool
    /// The strongest matches (at most ``TopicClassifier/maximumEvidence``,
    /// by absolute weight), in reading order (title first).
    public var evidence: [Evidence]
    /// How many matches there were in all, kept or not.
    public var evidenceTotal: Int
    /// The features and weights that decided, for a topic with a fitted model.
    public var decision: Decision?

    public init(
        id: String, label: String, score: Double, threshold: Double, assigned: Bool, evidence: [Evidence],
        evidenceTotal: Int? = nil, decision: Decision? = nil
    ) {
        self.id = id
        self.label = label
        self.score = score
        self.threshold = threshold
        self.assigned = assigned
        self.evidence = evidence
        self.evidenceTotal = evidenceTotal ?? evidence.count
        self.decision = decision
    }

    /// A fitted model's inputs: `score = σ(bias + Σ value × weight)`.
    public struct Decision: Sendable, Equatable, Codable {
        /// `model` or `crosslingual-model`.
        public var model: String
        public var bias: Double
        /// Every feature with a non-zero value and weight, largest contribution first.
        public var features: [Feature]

        public struct Feature: Sendable, Equatable, Codable {
            public var name: String
            public var value: Double
            public var weight: Double
        }
    }
}
