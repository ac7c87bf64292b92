public import GRDB
internal import Foundation
internal import NewswireStorage

/// The consumer's SQLite database: articles with their parsed fields, their
/// topics with score and evidence, and the topic-stream history for replay.
///
/// Schema (see also README.md, "The database"):
/// - `articles`: one row per article id, never two (redeliveries are recognised
///   by the unique `id`). `number` (the rowid, in storing order) is the key the
///   other tables refer to, so an article makes one insert at a random place
///   (into the index on `id`, a hash) and every other insert appends. The text
///   (paragraphs, quotes) is kept once, in `event`, the ArticleEvent as
///   received: replay sends those bytes, the read API and the search index
///   take the text from them.
/// - `article_topics`: the topics assigned to an article, with score, threshold,
///   evidence (JSON) and the classifier and taxonomy versions.
/// - `stream`: one row per topic message published: `sequence` (per consumer,
///   across topics) and `topic_sequence` (per topic).
/// - `consumer_info`: this consumer's id.
/// - `dead_letters`: events that could not be stored after the allowed number
///   of delivery attempts, with the reason; gone once requeued and stored.
///
/// WAL mode, `synchronous=NORMAL`, foreign keys on. An article, its topics and
/// its stream rows are written in one transaction, before the ack is sent.
public struct ArticleStore: Sendable {
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path` and migrates it.
    public static func open(path: String, readOnly: Bool = false) throws -> ArticleStore {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in db.add(function: articleBodyFunction) }
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try WALCheckpointer.configureWriter(db)
            }
        }
        if readOnly {
            return try ArticleStore(writer: DatabaseQueue(path: path, configuration: configuration), migrate: false)
        }
        return try ArticleStore(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// `writer`'s connections must have ``articleBodyFunction`` (``open(path:readOnly:)`` adds it).
    init(writer: any DatabaseWriter, migrate: Bool = true) throws {
        self.writer = writer
        if migrate { try Self.migrator.migrate(writer) }
    }

    /// Every migration, oldest first. Never change one that has shipped: add another.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, topics, stream") { db in
            try db.create(table: "articles") { table in
                table.primaryKey("id", .text)
                table.column("source", .text).notNull().indexed()
                table.column("url", .text).notNull()
                table.column("title", .text).notNull()
                table.column("subtitle", .text)
                table.column("dateline", .text)
                table.column("byline", .text)
                table.column("published_at", .datetime)
                table.column("fetched_at", .datetime)
                table.column("accepted_at", .datetime)
                table.column("stored_at", .datetime).notNull().indexed()
                table.column("language", .text).notNull()
                table.column("word_count", .integer).notNull()
                table.column("truncated", .boolean).notNull()
                table.column("content_hash", .text).notNull()
                table.column("paragraphs", .jsonText).notNull()
                table.column("quotes", .jsonText).notNull()
                table.column("people", .jsonText).notNull()
                table.column("organizations", .jsonText).notNull()
                table.column("places", .jsonText).notNull()
                table.column("metadata", .jsonText).notNull()
                table.column("parser_version", .text).notNull()
                table.column("delivery_attempts", .integer).notNull()
                // The ArticleEvent as received (protobuf), to rebuild topic messages on replay.
                table.column("event", .blob).notNull()
            }
            try db.create(table: "article_topics") { table in
                table.column("article_id", .text).notNull().references("articles", onDelete: .cascade)
                table.column("topic_id", .text).notNull().indexed()
                table.column("label", .text).notNull()
                table.column("score", .double).notNull()
                table.column("threshold", .double).notNull()
                table.column("evidence", .jsonText).notNull()
                table.column("classifier_version", .text).notNull()
                table.column("taxonomy_version", .text).notNull()
                table.primaryKey(["article_id", "topic_id"])
            }
            try db.create(table: "stream") { table in
                table.primaryKey("sequence", .integer)
                table.column("topic_id", .text).notNull()
                table.column("topic_sequence", .integer).notNull()
                table.column("article_id", .text).notNull().references("articles", onDelete: .cascade).indexed()
                table.column("classified_at", .datetime).notNull().indexed()
                table.uniqueKey(["topic_id", "topic_sequence"])
            }
            try db.create(table: "consumer_info") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO consumer_info (key, value) VALUES ('consumer_id', ?)", arguments: [UUID().uuidString.lowercased()])
        }
        migrator.registerMigration("v2: dead letters") { db in
            try db.create(table: "dead_letters") { table in
                table.primaryKey("article_id", .text)
                table.column("source", .text).notNull()
                table.column("title", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("attempts", .integer).notNull()
                table.column("first_failed_at", .datetime).notNull()
                table.column("last_failed_at", .datetime).notNull()
                // The ArticleEvent as received (protobuf), to requeue it.
                table.column("event", .blob).notNull()
            }
        }
        migrator.registerMigration("v3: classification status, evidence totals") { db in
            // NULL: classified; otherwise why not, e.g. "unclassified: language ru".
            try db.alter(table: "articles") { table in table.add(column: "classification_status", .text) }
            // How many evidence items the classifier found; `evidence` keeps the strongest few.
            try db.alter(table: "article_topics") { table in
                table.add(column: "evidence_total", .integer).notNull().defaults(to: 0)
            }
        }
        registerSearchMigration(&migrator)
        registerIntegerKeysMigration(&migrator)
        registerEventSearchMigration(&migrator)
        return migrator
    }

    /// This consumer's id, made once when the database was created.
    public func consumerID() throws -> String {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM consumer_info WHERE key = 'consumer_id'") ?? "unknown"
        }
    }
}
