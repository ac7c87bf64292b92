/// A topic's score for one article, whether it was assigned, and why.
public struct TopicAssignment: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    /// 0...1; see ``TopicClassifier`` for the formula.
    public var score: Double
    /// The topic's threshold; `assigned == (score >= threshold)`.
    public var threshold: Double
    public var assigned: Bool
    /// Every match that contributed, in reading order (title first).
    public var evidence: [Evidence]

    public init(id: String, label: String, score: Double, threshold: Double, assigned: Bool, evidence: [Evidence]) {
        self.id = id
        self.label = label
        self.score = score
        self.threshold = threshold
        self.assigned = assigned
        self.evidence = evidence
    }
}
