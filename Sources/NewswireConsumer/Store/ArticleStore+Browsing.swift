internal import GRDB
internal import Foundation
internal import NewsModels
internal import SwiftProtobuf

/// Reads for the HTTP API and `newswire search`: pages of articles (newest
/// first or by relevance), one whole article, and counts per topic. Every
/// value from a client is a bound parameter.
extension ArticleStore {
    /// One page of articles matching `query` (the HTTP API: waits without blocking a thread).
    public func articlePage(_ query: ArticleQuery) async throws -> ArticlePage {
        try Self.check(query)
        do {
            return try await writer.read { db in try Self.page(db, query) }
        } catch {
            throw Self.queryError(error, query)
        }
    }

    /// The same, blocking the calling thread (the command line).
    public func articlePageBlocking(_ query: ArticleQuery) throws -> ArticlePage {
        try Self.check(query)
        do {
            return try writer.read { db in try Self.page(db, query) }
        } catch {
            throw Self.queryError(error, query)
        }
    }

    private static func check(_ query: ArticleQuery) throws(ArticleQueryError) {
        guard (1...ArticleQuery.maximumLimit).contains(query.limit) else {
            throw ArticleQueryError(parameter: "limit", reason: "must be 1 to \(ArticleQuery.maximumLimit), got \(query.limit)")
        }
        if query.order == .relevance, query.text == nil {
            throw ArticleQueryError(parameter: "order", reason: "relevance needs a text query (q)")
        }
        switch (query.order, query.cursor) {
        case (.newest, .relevance?), (.relevance, .newest?):
            throw ArticleQueryError(parameter: "cursor", reason: "this cursor belongs to a listing in another order")
        default: break
        }
        if let text = query.text, text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArticleQueryError(parameter: "q", reason: "empty search")
        }
    }

    /// A plain SQL error from the search statement: the statement is fixed and
    /// tested, so it comes from the FTS5 query text (syntax, unknown column).
    private static func queryError(_ error: any Error, _ query: ArticleQuery) -> any Error {
        guard query.text != nil, let error = error as? DatabaseError, error.resultCode == .SQLITE_ERROR else { return error }
        let message = error.message ?? "\(error)"
        let hint = message.hasPrefix("no such column")
            ? " (the columns are title and body)"
            : " (FTS5 syntax: words, \"a phrase\", OR, NOT, prefix*, title:word; put an operator word such as AND in quotes)"
        return ArticleQueryError(parameter: "q", reason: "not a valid full-text query: \(message)\(hint)")
    }

    private static func page(_ db: Database, _ query: ArticleQuery) throws -> ArticlePage {
        let searching = query.text != nil
        if searching, try !db.tableExists("articles_fts") {
            throw MissingSearchIndex()
        }
        var sql = "SELECT a.rowid AS rid, a.id, a.title, a.source, a.url, a.dateline, a.published_at, a.stored_at"
        var arguments = StatementArguments()
        if searching {
            sql += """
                , snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet, bm25(articles_fts, 10.0, 1.0) AS rank
                FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid
                WHERE articles_fts MATCH ?
                """
            _ = arguments.append(contentsOf: [query.text])
        } else {
            sql += " FROM articles a WHERE 1"
        }
        if let topic = query.topic {
            sql += " AND a.number IN (SELECT article_number FROM article_topics WHERE topic_id = ?)"
            _ = arguments.append(contentsOf: [topic])
        }
        if let source = query.source {
            sql += " AND a.source = ?"
            _ = arguments.append(contentsOf: [source])
        }
        if let since = query.since {
            sql += " AND a.stored_at >= ?"
            _ = arguments.append(contentsOf: [StoredTime(since).text])
        }
        if let until = query.until {
            sql += " AND a.stored_at < ?"
            _ = arguments.append(contentsOf: [StoredTime(until).text])
        }
        var offset = 0
        var newestRowID: Int64 = 0
        switch query.order {
        case .newest:
            if case .newest(let storedAt, let rowID)? = query.cursor {
                sql += " AND (a.stored_at, a.rowid) < (?, ?)"
                _ = arguments.append(contentsOf: [storedAt, rowID])
            }
            sql += " ORDER BY a.stored_at DESC, a.rowid DESC LIMIT ?"
            _ = arguments.append(contentsOf: [query.limit + 1])
        case .relevance:
            if case .relevance(let start, let newest)? = query.cursor {
                offset = start
                newestRowID = newest
            } else {
                newestRowID = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM articles") ?? 0
            }
            sql += " AND a.rowid <= ? ORDER BY rank, a.rowid DESC LIMIT ? OFFSET ?"
            _ = arguments.append(contentsOf: [newestRowID, query.limit + 1, offset])
        }
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        let topicStatement = try db.cachedStatement(
            sql: "SELECT topic_id, label, score FROM article_topics WHERE article_number = ? ORDER BY score DESC, topic_id")
        let kept = rows.prefix(query.limit)
        let articles = try kept.map { row in
            let id: String = row["id"]
            let topics = try Row.fetchAll(topicStatement, arguments: [row["rid"] as Int64]).map {
                ArticleSummary.Topic(id: $0["topic_id"], label: $0["label"], score: $0["score"])
            }
            return ArticleSummary(
                id: id, title: row["title"], source: row["source"], url: row["url"], dateline: row["dateline"],
                publishedAt: StoredTime.iso8601(column: row["published_at"]),
                storedAt: StoredTime.iso8601(column: row["stored_at"]) ?? (row["stored_at"] as String? ?? ""),
                topics: topics,
                score: searching ? -(row["rank"] as Double) : nil,
                snippet: searching ? (row["snippet"] as String?).map(Self.readableSnippet) : nil)
        }
        var next: PageCursor?
        if rows.count > query.limit, let last = kept.last {
            switch query.order {
            case .newest: next = .newest(storedAt: last["stored_at"], rowID: last["rid"])
            case .relevance: next = .relevance(offset: offset + query.limit, newestRowID: newestRowID)
            }
        }
        return ArticlePage(articles: articles, nextCursor: next)
    }

    /// A snippet as FTS5 cuts it from the body column (the paragraphs joined
    /// by line feeds), on one line: a space between paragraphs.
    static func readableSnippet(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\n", with: " ")
    }

    /// The whole article `id`, with its topics and their evidence; nil when no such article is stored.
    public func articleDetail(id: String) async throws -> ArticleDetail? {
        try await writer.read { db -> ArticleDetail? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]) else { return nil }
            let topics = try Row.fetchAll(db, sql: """
                SELECT topic_id, label, score, threshold, evidence, classifier_version, taxonomy_version
                FROM article_topics WHERE article_number = ? ORDER BY score DESC, topic_id
                """, arguments: [row["number"] as Int64]).map { topic in
                ArticleDetail.Topic(
                    id: topic["topic_id"], label: topic["label"], score: topic["score"], threshold: topic["threshold"],
                    evidence: try Self.decode([ArticleDetail.Evidence].self, topic["evidence"], column: "article_topics.evidence", id: id),
                    classifierVersion: topic["classifier_version"], taxonomyVersion: topic["taxonomy_version"])
            }
            // The text is stored once, in the event.
            let event: ArticleEvent
            do {
                event = try ArticleEvent(serializedBytes: [UInt8](row["event"] as Data))
            } catch {
                throw StoredJSONError(column: "articles.event", articleID: id, underlying: "\(error)")
            }
            return ArticleDetail(
                id: row["id"], title: row["title"], subtitle: row["subtitle"], source: row["source"], url: row["url"],
                dateline: row["dateline"], byline: row["byline"], language: row["language"], wordCount: row["word_count"],
                truncated: row["truncated"], contentHash: row["content_hash"],
                publishedAt: StoredTime.iso8601(column: row["published_at"]),
                fetchedAt: StoredTime.iso8601(column: row["fetched_at"]),
                acceptedAt: StoredTime.iso8601(column: row["accepted_at"]),
                storedAt: StoredTime.iso8601(column: row["stored_at"]) ?? "",
                paragraphs: event.article.paragraphs,
                quotes: event.article.quotes.map { ArticleDetail.Quote(text: $0.text, speaker: $0.speaker) },
                people: try Self.decode([String].self, row["people"], column: "articles.people", id: id),
                organizations: try Self.decode([String].self, row["organizations"], column: "articles.organizations", id: id),
                places: try Self.decode([String].self, row["places"], column: "articles.places", id: id),
                topics: topics)
        }
    }

    /// Stored articles per topic id (topics with none are absent), and the total.
    public func articleCounts() async throws -> (total: Int, perTopic: [String: Int]) {
        try await writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0
            var perTopic: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT topic_id, COUNT(*) AS n FROM article_topics GROUP BY topic_id") {
                perTopic[row["topic_id"]] = row["n"]
            }
            return (total, perTopic)
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String?, column: String, id: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data((text ?? "").utf8))
        } catch {
            throw StoredJSONError(column: column, articleID: id, underlying: "\(error)")
        }
    }
}
