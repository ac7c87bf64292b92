/// The result of classifying one article: its topics, or why it was not classified.
public struct ClassificationOutcome: Sendable, Equatable, Codable {
    /// The article's language as given (ISO 639-1, or "und").
    public var language: String
    /// nil when classified; `unclassified: language xx` when the taxonomy
    /// does not cover the article's language (its topics are then empty).
    public var status: String?
    /// Assigned topics (or, from `score`, every topic with evidence), highest score first.
    public var topics: [TopicAssignment]

    public init(language: String, status: String?, topics: [TopicAssignment]) {
        self.language = language
        self.status = status
        self.topics = topics
    }

    /// The status for an article in a language the taxonomy does not cover.
    public static func unsupportedLanguage(_ language: String) -> String { "unclassified: language \(language)" }
}
