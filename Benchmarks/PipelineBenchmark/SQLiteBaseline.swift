import Foundation
import GRDB
import Logging
import NewswireProducer
import NewswireStorage
import NewswireTesting

/// The store's bound: the rows the consumer really wrote (a sample of its
/// `articles`, `article_topics` and `stream` rows, given fresh keys of the same
/// shape as the producer's ids: 32 hex digits of a SHA-256, so the id indexes
/// take their inserts at random places just as the consumer's do), inserted
/// into a new file with the consumer's own schema and durability settings
/// (WAL, `synchronous=NORMAL`, foreign keys on) and checkpoint strategy (a
/// ``WALCheckpointer`` on its own connection, as both services run) in
/// transactions of `batch` articles through prepared statements: what storing
/// costs with nothing else to do (no classification, no lookups, no messaging).
enum SQLiteBaseline {
    /// One stored article: its row and the rows that hang off it, each in column order.
    struct ArticleRows: Sendable {
        var article: [DatabaseValue]
        var topics: [[DatabaseValue]]
        var stream: [[DatabaseValue]]
    }

    /// A sample of a consumer database, with what it takes to write it again.
    struct Sample: Sendable {
        /// CREATE statements of the tables and indexes, in creation order.
        var schema: [String]
        var articleColumns: [String]
        var topicColumns: [String]
        var streamColumns: [String]
        var articles: [ArticleRows]

        /// Mean bytes of one article's rows (all three tables), as SQLite measures values.
        var meanBytesPerArticle: Double {
            func bytes(_ values: [DatabaseValue]) -> Int {
                values.reduce(0) { total, value in
                    switch value.storage {
                    case .string(let text): total + text.utf8.count
                    case .blob(let data): total + data.count
                    case .null: total
                    default: total + 8
                    }
                }
            }
            let total = articles.reduce(0) { $0 + bytes($1.article) + $1.topics.reduce(0) { $0 + bytes($1) } + $1.stream.reduce(0) { $0 + bytes($1) } }
            return Double(total) / Double(max(1, articles.count))
        }
    }

    struct Result: Sendable {
        var articles: Int
        var seconds: Double
        var cpuSeconds: Double
        var meanBytesPerArticle: Double
        var throughput: Double { Double(articles) / seconds }
    }

    /// Reads up to `count` stored articles with their topic and stream rows.
    static func sample(databasePath: String, count: Int) throws -> Sample {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: databasePath, configuration: configuration)
        return try queue.read { db in
            // The tables and their indexes, not the search index: its view and triggers
            // call a function of the consumer's own (`newswire_article_body`), and the
            // consumer writes its rows itself. So this line is the consumer's schema
            // without full-text search; the fixed yardstick is the figure to beat.
            let schema = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT IN ('grdb_migrations', 'consumer_info')
                  AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
                  AND type IN ('table', 'index') AND name <> 'articles_fts'
                ORDER BY rowid
                """)
            let articleRows = try Row.fetchAll(db, sql: "SELECT * FROM articles ORDER BY rowid LIMIT ?", arguments: [count])
            guard let first = articleRows.first else { throw BenchmarkFailure("no stored article to sample in \(databasePath)") }
            var topicColumns: [String] = []
            var streamColumns: [String] = []
            var articles: [ArticleRows] = []
            for row in articleRows {
                let number: Int64 = row["number"]
                let topics = try Row.fetchAll(db, sql: "SELECT * FROM article_topics WHERE article_number = ?", arguments: [number])
                let stream = try Row.fetchAll(db, sql: "SELECT * FROM stream WHERE article_number = ? ORDER BY sequence", arguments: [number])
                if let row = topics.first { topicColumns = Array(row.columnNames) }
                if let row = stream.first { streamColumns = Array(row.columnNames) }
                articles.append(ArticleRows(
                    article: Array(row.databaseValues), topics: topics.map { Array($0.databaseValues) },
                    stream: stream.map { Array($0.databaseValues) }))
            }
            return Sample(
                schema: schema, articleColumns: Array(first.columnNames), topicColumns: topicColumns,
                streamColumns: streamColumns, articles: articles)
        }
    }

    /// Creates a database at `path` with the sample's schema and the
    /// consumer's settings (WAL, `synchronous=NORMAL`, foreign keys on, the
    /// writer's fallback checkpoint of ``WALCheckpointer``).
    static func createStore(_ sample: Sample, path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try WALCheckpointer.configureWriter(db)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)  // WAL, as the consumer's
        try pool.write { db in
            for statement in sample.schema { try db.execute(sql: statement) }
        }
        return pool
    }

    /// Keys as the producer makes them (``ArticleIdentity``): 32 hex digits of a
    /// SHA-256, so the id indexes take their inserts at random places. Make them
    /// before the clock starts. Sequential keys would only ever append to the three
    /// indexes on article ids, which measured 2.4 times faster over 150,000 articles.
    static func keys(_ count: Int, source: String) -> [DatabaseValue] {
        (0..<count).map { index in ArticleIdentity.id(source: source, contentHash: String(index)).databaseValue }
    }

    /// Inserts `articles` articles, cycling through the sample with fresh keys, into a new database in `directory`.
    static func measure(_ sample: Sample, articles: Int, batch: Int, directory: URL) throws -> Result {
        let path = directory.appendingPathComponent("sqlite-baseline.db").path
        let pool = try createStore(sample, path: path)
        let checkpointer = WALCheckpointer(path: path, role: "baseline", logger: Logger(label: "sqlite-baseline"))
        let checkpointing = Task { try await checkpointer.run() }
        defer { checkpointing.cancel() }

        let keys = keys(articles, source: "sqlite-baseline")
        let cpuBefore = MonotonicClock.processCPUSeconds()
        let start = MonotonicClock.now()
        try pool.writeWithoutTransaction { db in
            let rows = try ConsumerRows(sample, db: db)
            var next = 0
            while next < articles {
                try db.inTransaction {
                    for index in next..<min(articles, next + batch) {
                        try rows.insert(sample.articles[index % sample.articles.count], id: keys[index])
                    }
                    return .commit
                }
                next += batch
            }
        }
        let seconds = MonotonicClock.seconds(from: start, to: MonotonicClock.now())
        let cpuSeconds = MonotonicClock.processCPUSeconds() - cpuBefore
        let stored = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0 }
        guard stored == articles else { throw BenchmarkFailure("raw SQLite: \(stored) articles in \(path), expected \(articles)") }
        return Result(articles: articles, seconds: seconds, cpuSeconds: cpuSeconds, meanBytesPerArticle: sample.meanBytesPerArticle)
    }

    /// Writes sampled articles' rows again under new keys through prepared
    /// statements on one connection, numbering stream rows as the consumer does
    /// (a global sequence and one per topic). Lives inside one database access.
    final class ConsumerRows {
        private let insertArticle: Statement
        private let insertTopic: Statement?
        private let insertStream: Statement?
        private let articleID: Int
        private let articleNumber: Int
        private let topicArticle: Int
        private let streamSequence: Int
        private let streamTopic: Int
        private let streamTopicSequence: Int
        private let streamArticle: Int
        private var sequence: Int64 = 0
        private var number: Int64 = 0
        private var topicSequences: [DatabaseValue: Int64] = [:]

        init(_ sample: Sample, db: Database) throws {
            func insert(_ table: String, _ columns: [String]) -> String {
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
            }
            func column(_ name: String, in columns: [String]) throws -> Int {
                guard let index = columns.firstIndex(of: name) else { throw BenchmarkFailure("column \(name) missing from the sampled rows (\(columns))") }
                return index
            }
            articleID = try column("id", in: sample.articleColumns)
            articleNumber = try column("number", in: sample.articleColumns)
            let hasTopics = !sample.topicColumns.isEmpty
            topicArticle = hasTopics ? try column("article_number", in: sample.topicColumns) : 0
            let hasStream = !sample.streamColumns.isEmpty
            streamSequence = hasStream ? try column("sequence", in: sample.streamColumns) : 0
            streamTopic = hasStream ? try column("topic_id", in: sample.streamColumns) : 0
            streamTopicSequence = hasStream ? try column("topic_sequence", in: sample.streamColumns) : 0
            streamArticle = hasStream ? try column("article_number", in: sample.streamColumns) : 0
            insertArticle = try db.makeStatement(sql: insert("articles", sample.articleColumns))
            insertTopic = hasTopics ? try db.makeStatement(sql: insert("article_topics", sample.topicColumns)) : nil
            insertStream = hasStream ? try db.makeStatement(sql: insert("stream", sample.streamColumns)) : nil
        }

        /// Inserts one article's rows with `id` in place of their own article id.
        func insert(_ rows: ArticleRows, id: DatabaseValue) throws {
            var article = rows.article
            number += 1
            article[articleID] = id
            article[articleNumber] = number.databaseValue
            try insertArticle.execute(arguments: StatementArguments(article))
            for var topic in rows.topics {
                topic[topicArticle] = number.databaseValue
                try insertTopic?.execute(arguments: StatementArguments(topic))
            }
            for var row in rows.stream {
                sequence += 1
                let topicSequence = topicSequences[row[streamTopic], default: 0] + 1
                topicSequences[row[streamTopic]] = topicSequence
                row[streamSequence] = sequence.databaseValue
                row[streamTopicSequence] = topicSequence.databaseValue
                row[streamArticle] = number.databaseValue
                try insertStream?.execute(arguments: StatementArguments(row))
            }
        }
    }
}
