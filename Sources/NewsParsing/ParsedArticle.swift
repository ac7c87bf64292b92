public import Foundation

/// The structured form of one scraped article.
///
/// Its JSON encoding (plain `JSONEncoder`, keys are the property names) is what
/// `newswire parse --json` prints, so the property names are part of the interface.
public struct ParsedArticle: Sendable, Equatable, Codable {
    /// The headline.
    public var title: String
    /// The deck or standfirst under the headline, when there is one. A deck visible on an HTML
    /// page also opens `paragraphs` (it is article text, and the body is what is classified,
    /// searched and hashed); one taken from `<meta name="description">` does not.
    public var subtitle: String?
    /// The place of the dateline only ("BANDAR SERI BEGAWAN, Brunei", "MOSCOW").
    public var dateline: String?
    /// The author names without "By" ("Michael R. Gordon").
    public var byline: String?
    /// When the article was published, if the page or text says so.
    public var publishedAt: Date?
    /// Body paragraphs: chrome removed, text normalized, the dateline prefix stripped from the first one.
    public var paragraphs: [String]
    /// Direct quotations found in the body.
    public var quotes: [Quote]
    /// People mentioned, by canonical full name, in order of first mention.
    public var people: [String]
    /// Organizations mentioned, in order of first mention.
    public var organizations: [String]
    /// Places mentioned, in order of first mention.
    public var places: [String]
    /// ISO 639-1 code of the body's language, "und" when not confident.
    public var language: String
    /// Words in the body paragraphs.
    public var wordCount: Int
    /// Whether the body looks cut off (ends mid-sentence, with "…", or with "Continue reading").
    public var truncated: Bool
    /// Lowercase hex SHA-256 of the normalized body with quote styles folded; stable across whitespace and quote styles.
    public var contentHash: String
    /// The chrome and boilerplate lines that were dropped, so the result can be explained.
    public var removedLines: [String]

    public init(
        title: String,
        subtitle: String? = nil,
        dateline: String? = nil,
        byline: String? = nil,
        publishedAt: Date? = nil,
        paragraphs: [String],
        quotes: [Quote] = [],
        people: [String] = [],
        organizations: [String] = [],
        places: [String] = [],
        language: String = "und",
        wordCount: Int = 0,
        truncated: Bool = false,
        contentHash: String = "",
        removedLines: [String] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.dateline = dateline
        self.byline = byline
        self.publishedAt = publishedAt
        self.paragraphs = paragraphs
        self.quotes = quotes
        self.people = people
        self.organizations = organizations
        self.places = places
        self.language = language
        self.wordCount = wordCount
        self.truncated = truncated
        self.contentHash = contentHash
        self.removedLines = removedLines
    }
}
