/// A whole stored article, as `GET /api/v1/articles/{id}` returns it.
public struct ArticleDetail: Sendable, Equatable, Codable {
    /// A quotation and who said it (empty when the parser found no speaker).
    public struct Quote: Sendable, Equatable, Codable {
        public var text: String
        public var speaker: String
    }

    /// Where a topic phrase matched: paragraph index (-1 is the title) and the
    /// UTF-8 byte range within it, with the phrase's weight.
    public struct Evidence: Sendable, Equatable, Codable {
        public var phrase: String
        public var matched: String
        public var paragraph: Int
        public var start: Int
        public var end: Int
        public var weight: Double
    }

    /// A topic with the classifier's verdict and the phrases behind it.
    public struct Topic: Sendable, Equatable, Codable {
        public var id: String
        public var label: String
        public var score: Double
        public var threshold: Double
        public var evidence: [Evidence]
        public var classifierVersion: String
        public var taxonomyVersion: String
    }

    public var id: String
    public var title: String
    public var subtitle: String?
    public var source: String
    public var url: String
    public var dateline: String?
    public var byline: String?
    public var language: String
    public var wordCount: Int
    public var truncated: Bool
    public var contentHash: String
    /// ISO 8601 (UTC, milliseconds); nil when unknown.
    public var publishedAt: String?
    public var fetchedAt: String?
    public var acceptedAt: String?
    public var storedAt: String
    public var paragraphs: [String]
    public var quotes: [Quote]
    public var people: [String]
    public var organizations: [String]
    public var places: [String]
    /// Highest score first.
    public var topics: [Topic]
}
