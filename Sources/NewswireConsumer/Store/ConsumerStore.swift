public import NewsModels
public import Foundation
public import SwiftProtobuf

/// What the consumer needs of its store, whichever it is: the embedded SQLite
/// file (``ArticleStore``) or a PostgreSQL database shared by many consumers
/// (``PostgresArticleStore``). Chosen once at start from `--db`
/// (``ConsumerStoreLocation``); the write path, replay, the streams, `/status`
/// and the client commands see only this.
public protocol ConsumerStore: Sendable {
    /// Where the store is, as logs and `/status` show it (never with a password).
    var location: String { get }

    /// Whether other consumers write to the same store. Then topic messages are
    /// published from the store's stream, in sequence order, by every consumer
    /// (``StoredStreamFollower``), not from this consumer's own writes.
    var isShared: Bool { get }

    /// Whether the store answers now: false while a database server is
    /// unreachable (`/readyz` says not ready meanwhile).
    var isAvailable: Bool { get }

    /// The id of the consumer writing through this store (in the topic messages it stores).
    func consumerID() async throws -> String

    /// Stores articles with their topics and stream rows in one transaction,
    /// one result per article in order; an id stored before (by any consumer)
    /// or earlier in `articles` is a duplicate and writes nothing.
    func store(_ articles: [ClassifiedArticle], consumerID: String, at date: Date) async throws -> [StoreResult]

    /// Whether `error`, thrown by ``store(_:consumerID:at:)``, is the event's own
    /// fault (its data), as opposed to the database's (unreachable, full, locked):
    /// only the first kind may ever send an event to the dead letters.
    func isCausedByEvent(_ error: any Error) -> Bool

    /// Sets an event aside with the reason it could not be stored.
    func deadLetter(_ article: ClassifiedArticle, reason: String, attempts: Int, at date: Date) async throws
    /// The dead letters, oldest failure first.
    func deadLetters(limit: Int) async throws -> [DeadLetter]
    /// How many dead letters wait for an operator.
    func deadLetterCount() async throws -> Int
    /// The event of a dead letter, as received; nil if there is none.
    func deadLetterEvent(_ articleID: String) async throws -> ArticleEvent?

    /// The newest stream sequence (0 when nothing was published).
    func headSequence() async throws -> UInt64
    /// Stored topic messages after `afterSequence` (or classified at or after
    /// `since`), for `topics` (all when empty), oldest first.
    func storedTopicMessages(
        afterSequence: UInt64, since: Google_Protobuf_Timestamp?, topics: [String], limit: Int, consumerID: String
    ) async throws -> [StoredTopicMessage]

    /// Article counts per topic, and the total (`newswire stats`, `/status`).
    func topicCounts() async throws -> (total: Int, perTopic: [(topic: String, count: Int)])
    /// Articles matching `filter`, oldest first (`newswire query`).
    func articles(_ filter: ArticleFilter) async throws -> [StoredArticle]

    /// Wakes when other consumers may have added stream rows (PostgreSQL's
    /// `NOTIFY`); a store nobody else writes to ends it at once.
    func streamNotices() -> AsyncStream<Void>

    /// The HTTP read API's queries (pages, search, detail, volume); nil where
    /// this store does not offer them yet, which the API answers with 501.
    var browsing: (any ArticleBrowsing)? { get }

    /// Called once nothing writes any more: SQLite checkpoints its WAL,
    /// PostgreSQL closes its connections.
    func close() async throws
}

/// The HTTP read API's queries (``ArticleAPI``, ``WebPages``).
public protocol ArticleBrowsing: Sendable {
    func articlePage(_ query: ArticleQuery) async throws -> ArticlePage
    func articleDetail(id: String) async throws -> ArticleDetail?
    func articleCounts() async throws -> (total: Int, perTopic: [String: Int])
    func topicVolume(prefixLength: Int, topics: [String], since: Date?, until: Date?) async throws -> [(topic: String, bucket: String, articles: Int)]
}
