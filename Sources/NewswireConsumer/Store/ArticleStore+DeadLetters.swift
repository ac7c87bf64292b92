public import NewsModels
internal import GRDB
public import Foundation
internal import SwiftProtobuf

/// An event the consumer set aside because it could not be stored.
public struct DeadLetter: Sendable, Equatable, Codable {
    public var articleID: String
    public var source: String
    public var title: String
    public var reason: String
    public var attempts: Int
    public var firstFailedAt: Date
    public var lastFailedAt: Date
}

extension ArticleStore {
    /// Sets an event aside in `dead_letters` with the reason it could not be
    /// stored. Setting the same article aside again updates the reason, the
    /// attempt count and the time of the last failure.
    public func deadLetter(_ article: ClassifiedArticle, reason: String, attempts: Int, at date: Date = Date()) async throws {
        let event = article.event
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO dead_letters (article_id, source, title, reason, attempts, first_failed_at, last_failed_at, event)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(article_id) DO UPDATE SET
                        reason = excluded.reason, attempts = excluded.attempts, last_failed_at = excluded.last_failed_at
                    """,
                arguments: [event.articleID, event.source, event.article.title, reason, attempts, date, date, Data(article.eventBytes)])
        }
    }

    /// The dead letters, oldest failure first.
    public func deadLetters(limit: Int = 1000) throws -> [DeadLetter] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT article_id, source, title, reason, attempts, first_failed_at, last_failed_at
                    FROM dead_letters ORDER BY first_failed_at, article_id LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                DeadLetter(
                    articleID: row["article_id"], source: row["source"], title: row["title"], reason: row["reason"],
                    attempts: row["attempts"], firstFailedAt: row["first_failed_at"], lastFailedAt: row["last_failed_at"])
            }
        }
    }

    /// How many dead letters wait for an operator.
    public func deadLetterCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letters") ?? 0 }
    }

    /// The event of a dead letter, as received, to send again; nil if there is none.
    public func deadLetterEvent(_ articleID: String) throws -> ArticleEvent? {
        try writer.read { db in
            guard let bytes = try Data.fetchOne(db, sql: "SELECT event FROM dead_letters WHERE article_id = ?", arguments: [articleID]) else {
                return nil
            }
            return try ArticleEvent(serializedBytes: [UInt8](bytes))
        }
    }
}
