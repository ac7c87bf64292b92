public import Foundation

/// What ``ArticleStore/articlePage(_:)`` lists: filters, an optional
/// full-text query, the order, and where the previous page ended.
public struct ArticleQuery: Sendable, Equatable {
    /// Newest first (stored time, then insertion order), or best match first.
    public enum Order: String, Sendable, Equatable, CaseIterable {
        case newest
        case relevance
    }

    public var topic: String?
    public var source: String?
    /// Stored at or after.
    public var since: Date?
    /// Stored before.
    public var until: Date?
    /// An FTS5 query over title and body (`kerry lavrov`, `"peace talks"`, `title:kerry`, `geneva OR vienna`).
    public var text: String?
    public var order: Order
    /// From the previous page's ``ArticlePage/nextCursor``.
    public var cursor: PageCursor?
    public var limit: Int

    /// Most articles one page holds.
    public static let maximumLimit = 100

    /// `order` defaults to relevance with a text query, else newest first.
    public init(
        topic: String? = nil, source: String? = nil, since: Date? = nil, until: Date? = nil, text: String? = nil,
        order: Order? = nil, cursor: PageCursor? = nil, limit: Int = 20
    ) {
        self.topic = topic
        self.source = source
        self.since = since
        self.until = until
        self.text = text
        self.order = order ?? (text == nil ? .newest : .relevance)
        self.cursor = cursor
        self.limit = limit
    }
}
