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
    /// event bytes, accepted-at (seconds since 1970). An id already pending or
    /// delivered is left alone (a duplicate); a parked (`rejected`) one is
    /// taken again as new, at the end of the queue, so a scraper can resend an
    /// article once the cause is fixed. Public so the pipeline benchmark's raw
    /// storage path runs the very statement ingest runs.
    public static let insertSQL = """
        INSERT INTO outbox (article_id, source, url, title, event, state, accepted_at)
        VALUES (?, ?, ?, ?, ?, 'pending', ?)
        ON CONFLICT(article_id) DO UPDATE SET
            seq = (SELECT MAX(seq) + 1 FROM outbox), event = excluded.event, state = 'pending',
            attempts = 0, last_error = NULL, accepted_at = excluded.accepted_at
        WHERE outbox.state = 'rejected'
        """

    /// Marks one pending article delivered and drops its event bytes:
    /// arguments delivered-at (seconds since 1970), article id. Public for the
    /// same reason as ``insertSQL``.
    public static let markDeliveredSQL =
        "UPDATE outbox SET state = 'delivered', event = NULL, delivered_at = ? WHERE article_id = ? AND state = 'pending'"

    /// ``markDeliveredSQL`` by the row's integer key: arguments delivered-at,
    /// `seq`. What delivery runs: a rowid lookup, where the article id would
    /// cost a search of its (random-keyed, ever-growing) index per ack.
    public static let markDeliveredBySeqSQL =
        "UPDATE outbox SET state = 'delivered', event = NULL, delivered_at = ? WHERE seq = ? AND state = 'pending'"

    /// Stores a new article as pending. An article id seen before is a duplicate
    /// and changes nothing.
    public func insert(articleID: String, source: String, url: String, title: String, event: [UInt8], acceptedAt: Date = Date()) async throws -> OutboxInsertResult {
        try await insert([OutboxEntry(articleID: articleID, source: source, url: url, title: title, event: event)], acceptedAt: acceptedAt)[0]
    }

    /// Stores new articles as pending, all in one transaction (one commit for
    /// the lot is what makes ingest fast). Returns one result per entry, in
    /// order; an id seen before, or earlier in `entries`, is a duplicate.
    public func insert(_ entries: [OutboxEntry], acceptedAt: Date = Date()) async throws -> [OutboxInsertResult] {
        try await store(entries, acceptedAt: acceptedAt).map { $0 == nil ? .duplicate : .accepted }
    }

    /// Stores new articles as pending, all in one transaction, like
    /// ``insert(_:acceptedAt:)``. Returns, per entry, the `seq` of its row
    /// (the delivery order), or nil for a duplicate.
    public func store(_ entries: [OutboxEntry], acceptedAt: Date = Date()) async throws -> [Int64?] {
        guard !entries.isEmpty else { return [] }
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.insertSQL)
            let acceptedAt = acceptedAt.timeIntervalSince1970
            return try entries.map { entry in
                let lastRowID = db.lastInsertedRowID
                // `execute` binds the blob without another copy (a fetch would copy it).
                try statement.execute(arguments: [entry.articleID, entry.source, entry.url, entry.title, Data(entry.event), acceptedAt])
                guard db.changesCount == 1 else { return nil }
                // A new row has a new rowid, the highest yet. A parked row taken
                // again is an UPSERT's UPDATE, which leaves the last rowid alone:
                // its new seq is looked up (rare).
                if db.lastInsertedRowID != lastRowID { return db.lastInsertedRowID }
                return try Int64.fetchOne(db, sql: "SELECT seq FROM outbox WHERE article_id = ?", arguments: [entry.articleID])
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

    /// Marks pending articles delivered and drops their event bytes. Returns
    /// how many rows changed: an id already delivered or parked counts none,
    /// so each event is counted once however often it was acked.
    @discardableResult
    public func markDelivered(_ articleIDs: [String], at date: Date = Date()) async throws -> Int {
        guard !articleIDs.isEmpty else { return 0 }
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.markDeliveredSQL)
            var changed = 0
            for id in articleIDs {
                try statement.execute(arguments: [date.timeIntervalSince1970, id])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Marks pending rows delivered by `seq` and drops their event bytes, in one
    /// transaction. Returns how many rows changed, as ``markDelivered(_:at:)``.
    @discardableResult
    public func markDelivered(seqs: [Int64], at date: Date = Date()) async throws -> Int {
        guard !seqs.isEmpty else { return 0 }
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.markDeliveredBySeqSQL)
            let deliveredAt = date.timeIntervalSince1970
            var changed = 0
            for seq in seqs {
                try statement.execute(arguments: [deliveredAt, seq])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Parks pending articles in the `rejected` state, each with its reason in
    /// `last_error`; their event bytes stay for an operator. Returns how many rows changed.
    @discardableResult
    public func markRejected(_ entries: [(articleID: String, reason: String)]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE outbox SET state = 'rejected', last_error = ? WHERE article_id = ? AND state = 'pending'")
            var changed = 0
            for entry in entries {
                try statement.execute(arguments: [entry.reason, entry.articleID])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Parks one pending article in the `rejected` state with the reason.
    @discardableResult
    public func markRejected(_ articleID: String, reason: String) async throws -> Int {
        try await markRejected([(articleID, reason)])
    }

    /// The parked (`rejected`) articles, oldest first.
    public func rejected(limit: Int = 1000) async throws -> [RejectedEvent] {
        try await writer.read { db in try Self.fetchRejected(db, limit: limit) }
    }

    /// The parked articles of the outbox file at `path`, opened read-only (a
    /// running producer may hold it): what `newswire dead-letters --outbox` lists.
    public static func rejected(inFileAt path: String, limit: Int = 1000) throws -> [RejectedEvent] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in try fetchRejected(db, limit: limit) }
    }

    private static func fetchRejected(_ db: Database, limit: Int) throws -> [RejectedEvent] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT article_id, source, url, title, attempts, accepted_at, last_error, length(event) AS event_bytes
                FROM outbox WHERE state = 'rejected' ORDER BY seq LIMIT ?
                """,
            arguments: [limit]
        ).map { row in
            RejectedEvent(
                articleID: row["article_id"], source: row["source"], url: row["url"], title: row["title"],
                reason: row["last_error"] ?? "", attempts: row["attempts"],
                acceptedAt: Date(timeIntervalSince1970: row["accepted_at"]), eventBytes: row["event_bytes"] ?? 0)
        }
    }

    /// The delivery attempts recorded for an article (deliveries after the first); nil when the id is unknown.
    public func attempts(of articleID: String) async throws -> Int? {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT attempts FROM outbox WHERE article_id = ?", arguments: [articleID])
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
