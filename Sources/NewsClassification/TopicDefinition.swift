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

    /// The threshold used when a topic does not give one.
    public static let defaultThreshold = 0.5

    public init(
        id: String,
        label: String,
        description: String = "",
        threshold: Double = TopicDefinition.defaultThreshold,
        phrases: [WeightedPhrase],
        conditions: [ProximityCondition] = []
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.threshold = threshold
        self.phrases = phrases
        self.conditions = conditions
    }
}
