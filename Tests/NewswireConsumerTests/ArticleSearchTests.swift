import Foundation
import GRDB
import NewsModels
import NewswireConsumer
import NewswireTesting
import Testing

/// The store's reads for the HTTP API and `newswire search`: cursor pages,
/// full-text search with ranking and snippets, and the FTS migration.
@Suite("Article store: pages and full-text search")
struct ArticleSearchTests {
    static func event(_ id: String, title: String, paragraphs: [String], source: String = "wire") -> ArticleEvent {
        SampleArticles.event(id, title: title, paragraphs: paragraphs, source: source)
    }

    static func classification(_ topic: String, score: Double) -> Classification {
        SampleArticles.classification(topic, score: score)
    }

    /// Stores `count` articles numbered from `first`, one transaction each, a millisecond apart.
    static func storeNumbered(_ store: ArticleStore, _ range: Range<Int>, start: Date) async throws {
        for index in range {
            let event = event(String(format: "id%04d", index), title: "Dispatch \(index)", paragraphs: ["Body of dispatch \(index)."])
            let topics = index.isMultiple(of: 2) ? [classification("even", score: 0.9)] : []
            _ = try await store.store(event, classifications: topics, consumerID: "c", at: start.addingTimeInterval(Double(index) / 1000))
        }
    }

    @Test("newest-first pages: no article repeated or skipped while more are stored between pages")
    func stablePagesUnderInserts() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        try await Self.storeNumbered(store, 0..<25, start: start)

        var seen: [String] = []
        var cursor: PageCursor?
        var inserted = 25
        repeat {
            let page = try await store.articlePage(ArticleQuery(cursor: cursor, limit: 7))
            seen += page.articles.map(\.id)
            cursor = page.nextCursor
            // Newer articles arrive between pages; they sort before the cursor and must not show up later.
            try await Self.storeNumbered(store, inserted..<(inserted + 3), start: start)
            inserted += 3
        } while cursor != nil
        #expect(seen == (0..<25).reversed().map { String(format: "id%04d", $0) })

        // The same articles in one transaction (one stored_at for all) still page in insertion order.
        let batch = try (0..<5).map { index in
            try ClassifiedArticle(event: Self.event("batch\(index)", title: "Batch \(index)", paragraphs: ["x"]), classifications: [])
        }
        _ = try await store.store(batch, consumerID: "c", at: start.addingTimeInterval(10))
        let first = try await store.articlePage(ArticleQuery(limit: 2))
        let second = try await store.articlePage(ArticleQuery(cursor: first.nextCursor, limit: 2))
        let third = try await store.articlePage(ArticleQuery(cursor: second.nextCursor, limit: 1))
        #expect((first.articles + second.articles + third.articles).map(\.id) == ["batch4", "batch3", "batch2", "batch1", "batch0"])
    }

    @Test("filters by topic, source and stored time; topics come with labels and scores")
    func filters() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        try await Self.storeNumbered(store, 0..<10, start: start)
        let even = try await store.articlePage(ArticleQuery(topic: "even", limit: 100))
        #expect(even.articles.map(\.id) == ["id0008", "id0006", "id0004", "id0002", "id0000"])
        #expect(even.articles.first?.topics.map { "\($0.id) \($0.label) \($0.score)" } == ["even Even 0.9"])
        #expect(even.nextCursor == nil)
        let window = try await store.articlePage(ArticleQuery(since: start.addingTimeInterval(0.003), until: start.addingTimeInterval(0.006), limit: 100))
        #expect(window.articles.map(\.id) == ["id0005", "id0004", "id0003"])
        #expect(window.articles.first?.storedAt == "2027-01-15T08:00:00.005Z")
        #expect(try await store.articlePage(ArticleQuery(source: "elsewhere")).articles.isEmpty)
    }

    @Test("search ranks a title match above a body match, and marks the matched words in the snippet")
    func searchRankingAndSnippets() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let articles: [(String, String, [String])] = [
            ("body", "Harbour cranes idle for a week", ["Dockworkers said the walnut harvest would wait.", "Nothing else."]),
            ("title", "Walnut growers meet in the valley", ["The meeting ran late into the evening."]),
            ("none", "Ferry timetable changes", ["Boats leave on the hour."]),
        ]
        for (id, title, paragraphs) in articles {
            _ = try await store.store(Self.event(id, title: title, paragraphs: paragraphs), classifications: [], consumerID: "c")
        }
        let page = try await store.articlePage(ArticleQuery(text: "walnut"))
        #expect(page.articles.map(\.id) == ["title", "body"])
        let scores = page.articles.compactMap(\.score)
        #expect(scores.count == 2 && scores[0] > scores[1] && scores[1] > 0)
        let snippet = try #require(page.articles[1].markedSnippet(open: "<", close: ">"))
        #expect(snippet.contains("the <walnut> harvest"), "snippet: \(snippet)")
        #expect(snippet == "Dockworkers said the <walnut> harvest would wait. Nothing else.", "one line, a space between paragraphs")

        // Phrases, OR, prefixes and column filters are FTS5's own syntax; accents fold.
        #expect(try await store.articlePage(ArticleQuery(text: "\"walnut harvest\"")).articles.map(\.id) == ["body"])
        #expect(Set(try await store.articlePage(ArticleQuery(text: "ferry OR cranes")).articles.map(\.id)) == ["none", "body"])
        #expect(try await store.articlePage(ArticleQuery(text: "timet*")).articles.map(\.id) == ["none"])
        #expect(try await store.articlePage(ArticleQuery(text: "title:walnut")).articles.map(\.id) == ["title"])
        #expect(try await store.articlePage(ArticleQuery(text: "fërry")).articles.map(\.id) == ["none"])
        // Search results can also be listed newest first.
        #expect(try await store.articlePage(ArticleQuery(text: "walnut", order: .newest)).articles.map(\.id) == ["title", "body"])
    }

    @Test("a malformed full-text query, cursor or limit is an ArticleQueryError naming the parameter")
    func malformedQueries() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        _ = try await store.store(Self.event("a", title: "Alpha", paragraphs: ["beta"]), classifications: [], consumerID: "c")
        for text in ["\"unbalanced", "alpha AND", "nosuchcolumn:alpha", "(alpha"] {
            await #expect(throws: ArticleQueryError.self, "q=\(text)") { _ = try await store.articlePage(ArticleQuery(text: text)) }
            do {
                _ = try await store.articlePage(ArticleQuery(text: text))
            } catch let error as ArticleQueryError {
                #expect(error.parameter == "q")
                #expect(error.reason.hasPrefix("not a valid full-text query"), "\(error)")
            }
        }
        #expect(throws: ArticleQueryError.self) { _ = try PageCursor(token: "not-a-cursor") }
        await #expect(throws: ArticleQueryError(parameter: "limit", reason: "must be 1 to 100, got 0")) {
            _ = try await store.articlePage(ArticleQuery(limit: 0))
        }
        let relevanceCursor = PageCursor.relevance(offset: 10, newestRowID: 1)
        #expect(try PageCursor(token: relevanceCursor.token) == relevanceCursor)
        await #expect(throws: ArticleQueryError.self) { _ = try await store.articlePage(ArticleQuery(cursor: relevanceCursor)) }
    }

    @Test("a database stored before the search migration is indexed by it")
    func migrationIndexesExistingArticles() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("n.db")
        do {
            let store = try ArticleStore.open(path: path)
            _ = try await store.store(Self.event("old", title: "Lighthouse keeper retires", paragraphs: ["After forty winters."]), classifications: [], consumerID: "c")
            // Take the database back to its state before the migration: no index, no triggers, migration not applied.
            try await store.writer.write { db in
                try db.execute(sql: """
                    DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update;
                    DROP TABLE articles_fts; DROP VIEW article_search_text;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'search v2:%';
                    """)
            }
        }
        let reopened = try ArticleStore.open(path: path)
        #expect(try await reopened.articlePage(ArticleQuery(text: "winters")).articles.map(\.id) == ["old"])
        _ = try await reopened.store(Self.event("new", title: "Second lighthouse", paragraphs: ["Keeper wanted."]), classifications: [], consumerID: "c")
        #expect(try await reopened.articlePage(ArticleQuery(text: "lighthouse", order: .newest)).articles.map(\.id) == ["new", "old"])
    }

    @Test("the whole article comes back with quotes, names and topics with evidence; an unknown id is nil")
    func articleDetail() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        var event = Self.event("full", title: "Talks resume", paragraphs: ["Envoys met in Geneva.", "\"We will return,\" the envoy said."])
        var quote = QuoteMessage()
        quote.text = "We will return,"
        quote.speaker = "the envoy"
        event.article.quotes = [quote]
        event.article.people = ["Ana Ruiz"]
        event.article.organizations = ["United Nations"]
        event.article.places = ["Geneva"]
        event.article.dateline = "GENEVA"
        var topic = Self.classification("talks", score: 0.8)
        var evidence = EvidenceMessage()
        evidence.phrase = "envoy"
        evidence.matched = "Envoys"
        evidence.paragraph = 0
        evidence.start = 0
        evidence.end = 6
        evidence.weight = 0.4
        topic.evidence = [evidence]
        _ = try await store.store(event, classifications: [topic], consumerID: "c")
        let detail = try #require(try await store.articleDetail(id: "full"))
        #expect(detail.paragraphs == event.article.paragraphs)
        #expect(detail.quotes.map { "\($0.speaker): \($0.text)" } == ["the envoy: We will return,"])
        #expect(detail.people == ["Ana Ruiz"] && detail.organizations == ["United Nations"] && detail.places == ["Geneva"])
        #expect(detail.dateline == "GENEVA")
        #expect(detail.topics.map(\.id) == ["talks"])
        let found = try #require(detail.topics.first?.evidence.first)
        #expect(found.phrase == "envoy" && found.matched == "Envoys" && found.paragraph == 0 && found.start == 0 && found.end == 6 && found.weight == 0.4)
        #expect(detail.topics.first?.label == "Talks" && detail.topics.first?.threshold == 0.5)
        #expect(try await store.articleDetail(id: "missing") == nil)
    }
}
