/// One article with the topics a person gave it, for fitting and evaluating a taxonomy.
public struct LabelledExample: Sendable, Equatable {
    /// Names the example in reports (usually its file path).
    public var id: String
    public var title: String
    public var paragraphs: [String]
    /// As the parser detected it (ISO 639-1, or "und").
    public var language: String
    /// Topic ids; empty for none.
    public var labels: Set<String>
    /// Whether the labeller marked it a hard negative (shares words or actors with a topic but is not about it).
    public var hardNegative: Bool

    public init(
        id: String, title: String, paragraphs: [String], language: String, labels: Set<String>, hardNegative: Bool = false
    ) {
        self.id = id
        self.title = title
        self.paragraphs = paragraphs
        self.language = language
        self.labels = labels
        self.hardNegative = hardNegative
    }
}
