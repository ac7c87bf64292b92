/// One page of ``ArticleStore/articlePage(_:)``.
public struct ArticlePage: Sendable, Equatable {
    public var articles: [ArticleSummary]
    /// Pass back as ``ArticleQuery/cursor`` for the next page; nil on the last one.
    public var nextCursor: PageCursor?
}

/// An article as lists show it: what it is, where from, when, and its topics.
public struct ArticleSummary: Sendable, Equatable, Codable {
    /// A topic the article was classified into.
    public struct Topic: Sendable, Equatable, Codable {
        public var id: String
        public var label: String
        public var score: Double
    }

    public var id: String
    public var title: String
    public var source: String
    public var url: String
    public var dateline: String?
    /// ISO 8601 (UTC, milliseconds), as the article gave it; nil when it had none.
    public var publishedAt: String?
    /// ISO 8601 (UTC, milliseconds): when this consumer stored it.
    public var storedAt: String
    /// Highest score first.
    public var topics: [Topic]
    /// With a text query: how well it matched (higher is better; bm25, title weighted ×10).
    public var score: Double?
    /// With a text query: a passage with the matched words between U+0002 and U+0003
    /// (``ArticleSummary/markedSnippet(open:close:escape:)`` turns them into markup).
    public var snippet: String?

    /// The marker before a matched word in ``snippet``.
    public static let matchStart: Character = "\u{2}"
    /// The marker after a matched word in ``snippet``.
    public static let matchEnd: Character = "\u{3}"

    /// ``snippet`` with its markers replaced by `open` and `close`, and the
    /// text between them passed through `escape` (HTML escaping, for instance).
    public func markedSnippet(open: String, close: String, escape: (String) -> String = { $0 }) -> String? {
        guard let snippet else { return nil }
        var result = ""
        var plain = ""
        for character in snippet {
            switch character {
            case Self.matchStart, Self.matchEnd:
                result += escape(plain) + (character == Self.matchStart ? open : close)
                plain = ""
            default:
                plain.append(character)
            }
        }
        return result + escape(plain)
    }
}
