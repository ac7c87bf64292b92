internal import GRDB
public import Foundation

/// One article waiting in the outbox.
public struct PendingEvent: Sendable, Equatable {
    public var seq: Int64
    public var articleID: String
    public var event: [UInt8]
    public var attempts: Int
}

/// What storing an article did.
public enum OutboxInsertResult: Sendable, Equatable {
    case accepted
    case duplicate
}

/// An article to store in the outbox.
public struct OutboxEntry: Sendable, Equatable {
    public var articleID: String
    public var source: String
    public var url: String
    public var title: String
    /// The serialized `ArticleEvent`.
    public var event: [UInt8]

    public init(articleID: String, source: String, url: String, title: String, event: [UInt8]) {
        self.articleID = articleID
        self.source = source
        self.url = url
        self.title = title
        self.event = event
    }
}

extension Outbox {
    /// Stores one pending article: arguments article id, source, url, title,
    /// event bytes, accepted-at (seconds since 1970); an id already present is
    /// left alone. Public so the pipeline benchmark's raw storage path runs the
    /// very statement ingest runs.
    public static let insertSQL = """
        INSERT INTO outbox (article_id, source, url, title, event, state, accepted_at)
        VALUES (?, ?, ?, ?, ?, 'pending', ?)
        ON CONFLICT(article_id) DO NOTHING
        """

    /// Marks one pending article delivered and drops its event bytes:
    /// arguments delivered-at (seconds since 1970), article id. Public for the
    /// same reason as ``insertSQL``.
    public static let markDeliveredSQL =
        "UPDATE outbox SET state = 'delivered', event = NULL, delivered_at = ? WHERE article_id = ? AND state = 'pending'"

    /// Stores a new article as pending. An article id seen before is a duplicate
    /// and changes nothing.
    public func insert(articleID: String, source: String, url: String, title: String, event: [UInt8], acceptedAt: Date = Date()) async throws -> OutboxInsertResult {
        try await insert([OutboxEntry(articleID: articleID, source: source, url: url, title: title, event: event)], acceptedAt: acceptedAt)[0]
    }

    /// Stores new articles as pending, all in one transaction (one commit for
    /// the lot is what makes ingest fast). Returns one result per entry, in
    /// order; an id seen before, or earlier in `entries`, is a duplicate.
    public func insert(_ entries: [OutboxEntry], acceptedAt: Date = Date()) async throws -> [OutboxInsertResult] {
        guard !entries.isEmpty else { return [] }
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.insertSQL)
            let acceptedAt = acceptedAt.timeIntervalSince1970
            return try entries.map { entry in
                try statement.execute(arguments: [entry.articleID, entry.source, entry.url, entry.title, Data(entry.event), acceptedAt])
                return db.changesCount == 1 ? .accepted : .duplicate
            }
        }
    }

    /// Pending articles after `seq`, oldest first.
    public func pending(after seq: Int64, limit: Int) async throws -> [PendingEvent] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT seq, article_id, event, attempts FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [seq, limit]
            ).map { row in
                PendingEvent(seq: row["seq"], articleID: row["article_id"], event: [UInt8](row["event"] as Data), attempts: row["attempts"])
            }
        }
    }

    /// Marks articles delivered and drops their event bytes.
    public func markDelivered(_ articleIDs: [String], at date: Date = Date()) async throws {
        guard !articleIDs.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.markDeliveredSQL)
            for id in articleIDs {
                try statement.execute(arguments: [date.timeIntervalSince1970, id])
            }
        }
    }

    /// Marks an article the consumer refused for good, with the reason.
    public func markRejected(_ articleID: String, reason: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'rejected', last_error = ? WHERE article_id = ? AND state = 'pending'",
                arguments: [reason, articleID])
        }
    }

    /// Counts a delivery attempt.
    public func recordAttempt(_ articleID: String) async throws {
        try await recordAttempts([articleID])
    }

    /// Counts a delivery attempt for each article, in one transaction.
    public func recordAttempts(_ articleIDs: [String]) async throws {
        guard !articleIDs.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE outbox SET attempts = attempts + 1 WHERE article_id = ?")
            for id in articleIDs { try statement.execute(arguments: [id]) }
        }
    }

    /// Articles still waiting for a consumer's ack.
    public func pendingCount() async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
        }
    }

    /// Counts by state, for status and tests.
    public func counts() async throws -> [String: Int] {
        try await writer.read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                result[row["state"]] = row["n"]
            }
            return result
        }
    }
}
