public import GRDB
internal import Foundation
internal import NewswireStorage

/// The producer's durable outbox: every accepted article, kept in SQLite until a
/// consumer acknowledges it.
///
/// An article is acknowledged to its scraper only after it is committed here, so
/// a producer killed at any moment loses nothing it acked: on restart, every row
/// still `pending` is sent again. Delivered rows keep their id (not their event
/// bytes) so the same article sent again is recognised as a duplicate.
///
/// The database runs in WAL mode with `synchronous=NORMAL`: a commit survives a
/// process crash (SIGKILL); use `synchronous=FULL` (``open(path:durableAgainstPowerLoss:)``)
/// to survive power loss as well, at a cost in throughput.
public struct Outbox: Sendable {
    /// The connection pool; owns the migrations below.
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the outbox at `path` and migrates it.
    public static func open(path: String, durableAgainstPowerLoss: Bool = false) throws -> Outbox {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durableAgainstPowerLoss ? "FULL" : "NORMAL")")
            try WALCheckpointer.configureWriter(db)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try Outbox(writer: pool)
    }

    /// Wraps an open database (an in-memory `DatabaseQueue` in tests) and migrates it.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: outbox") { db in
            try db.create(table: "outbox") { table in
                table.autoIncrementedPrimaryKey("seq")
                table.column("article_id", .text).notNull().unique()
                table.column("source", .text).notNull()
                table.column("url", .text).notNull()
                table.column("title", .text).notNull()
                // The serialized ArticleEvent; NULL once delivered.
                table.column("event", .blob)
                table.column("state", .text).notNull()  // pending | delivered | rejected
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("accepted_at", .double).notNull()
                table.column("delivered_at", .double)
                table.column("last_error", .text)
            }
            try db.execute(sql: "CREATE INDEX outbox_pending ON outbox(seq) WHERE state = 'pending'")
        }
        // `seq` stays the rowid, without AUTOINCREMENT: v1's AUTOINCREMENT wrote the
        // `sqlite_sequence` row on every insert, and rows are never deleted, so
        // max(seq) + 1 is already new and increasing. Same columns, same queries.
        migrator.registerMigration("v2: seq without AUTOINCREMENT") { db in
            try db.execute(sql: """
                CREATE TABLE outbox_v2 (
                    seq INTEGER PRIMARY KEY,
                    article_id TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    url TEXT NOT NULL,
                    title TEXT NOT NULL,
                    event BLOB,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    accepted_at DOUBLE NOT NULL,
                    delivered_at DOUBLE,
                    last_error TEXT
                );
                INSERT INTO outbox_v2 (seq, article_id, source, url, title, event, state, attempts, accepted_at, delivered_at, last_error)
                    SELECT seq, article_id, source, url, title, event, state, attempts, accepted_at, delivered_at, last_error FROM outbox ORDER BY seq;
                DROP TABLE outbox;
                ALTER TABLE outbox_v2 RENAME TO outbox;
                CREATE INDEX outbox_pending ON outbox(seq) WHERE state = 'pending';
                """)
        }
        return migrator
    }
}
