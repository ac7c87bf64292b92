import Foundation
import GRDB
import NewsModels
import NewswireConsumer
import NewswireTesting
import Testing

@Suite("Article store")
struct ArticleStoreTests {
    func event(_ id: String, title: String, source: String = "wire") -> ArticleEvent {
        SampleArticles.event(id, title: title, source: source)
    }

    func classification(_ topic: String, score: Double) -> Classification {
        SampleArticles.classification(topic, score: score, evidence: [SampleArticles.evidence("phrase", matched: "Phrase")])
    }

    @Test("a read-only store (newswire query, stats) closes without touching the file a running consumer writes")
    func readOnlyCloseLeavesTheWAL() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("n.db")
        let consumer = try ArticleStore.open(path: path)
        _ = try await consumer.store(event("a1", title: "Kept in the WAL"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        let walBytes = { (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 }
        let before = walBytes()
        #expect(before > 0)
        let reader: any ConsumerStore = try ArticleStore.open(path: path, readOnly: true)
        #expect(try await reader.topicCounts().total == 1)
        try await reader.close()
        #expect(walBytes() == before, "the reader did not checkpoint the consumer's WAL")
        _ = try await consumer.store(event("a2", title: "Still writing"), classifications: [], consumerID: "c")
        try await (consumer as any ConsumerStore).close()
        #expect(walBytes() == 0, "the consumer's own close checkpoints and truncates the WAL")
    }

    @Test("an article is stored once with its topics; a redelivery writes nothing")
    func exactlyOnce() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let result = try await store.store(event("a1", title: "One"), classifications: [classification("x", score: 0.9), classification("y", score: 0.7)], consumerID: "c")
        guard case .stored(let messages) = result else { Issue.record("not stored"); return }
        #expect(messages.map(\.sequence) == [1, 2])
        #expect(messages.map(\.topicSequence) == [1, 1])
        #expect(messages.map(\.topicID) == ["x", "y"])
        #expect(try await store.store(event("a1", title: "One"), classifications: [classification("x", score: 0.9)], consumerID: "c") == .duplicate)

        let articles = try store.articles()
        #expect(articles.count == 1)
        #expect(articles.first?.topics.map(\.id) == ["x", "y"])
        let (total, perTopic) = try store.topicCounts()
        #expect(total == 1)
        #expect(perTopic.map(\.topic) == ["x", "y"])
        #expect(try store.headSequence() == 2)
    }

    @Test("sequences grow across topics; topic sequences grow within a topic")
    func sequences() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        _ = try await store.store(event("a1", title: "One"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        _ = try await store.store(event("a2", title: "Two"), classifications: [classification("y", score: 0.9)], consumerID: "c")
        let third = try await store.store(event("a3", title: "Three"), classifications: [classification("x", score: 0.8), classification("y", score: 0.6)], consumerID: "c")
        guard case .stored(let messages) = third else { Issue.record("not stored"); return }
        #expect(messages.map(\.sequence) == [3, 4])
        #expect(messages.map(\.topicSequence) == [2, 2])
    }

    @Test("replay returns stored topic messages after a sequence, for chosen topics, rebuilt in full")
    func replay() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        for index in 1...4 {
            _ = try await store.store(event("a\(index)", title: "Article \(index)"), classifications: [classification(index.isMultiple(of: 2) ? "even" : "odd", score: 0.9)], consumerID: "c")
        }
        let all = try store.streamMessages(afterSequence: 0, since: nil, topics: [], limit: 100, consumerID: "c")
        #expect(all.map(\.sequence) == [1, 2, 3, 4])
        let even = try store.streamMessages(afterSequence: 0, since: nil, topics: ["even"], limit: 100, consumerID: "c")
        #expect(even.map(\.article.articleID) == ["a2", "a4"])
        #expect(even.map(\.topicSequence) == [1, 2])
        #expect(even.first?.classification.evidence.first?.matched == "Phrase")
        #expect(even.first?.article.article.paragraphs == ["First paragraph.", "Second paragraph."])
        let after = try store.streamMessages(afterSequence: 2, since: nil, topics: [], limit: 1, consumerID: "c")
        #expect(after.map(\.sequence) == [3])
    }

    @Test("queries filter by topic and source; the file is WAL with foreign keys")
    func queries() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        _ = try await store.store(event("a1", title: "One", source: "alpha"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        _ = try await store.store(event("a2", title: "Two", source: "beta"), classifications: [], consumerID: "c")
        #expect(try store.articles(ArticleFilter(topic: "x")).map(\.id) == ["a1"])
        #expect(try store.articles(ArticleFilter(source: "beta")).map(\.id) == ["a2"])
        #expect(try store.articles(ArticleFilter(since: Date().addingTimeInterval(3600))).isEmpty)
        let (mode, foreignKeys) = try await store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        let readOnly = try ArticleStore.open(path: directory.path("n.db"), readOnly: true)
        #expect(try readOnly.articles().count == 2)
    }

    @Test("a batch is stored in one call: duplicates within it and before it write nothing; sequences run on across batches")
    func batches() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        _ = try await store.store(event("a0", title: "Zero"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        let batch = try [
            ClassifiedArticle(event: event("a1", title: "One"), classifications: [classification("x", score: 0.9), classification("y", score: 0.6)]),
            ClassifiedArticle(event: event("a0", title: "Zero again"), classifications: [classification("x", score: 0.9)]),
            ClassifiedArticle(event: event("a2", title: "Two"), classifications: [classification("x", score: 0.8)]),
            ClassifiedArticle(event: event("a1", title: "One again"), classifications: [classification("y", score: 0.9)]),
        ]
        let results = try await store.store(batch, consumerID: "c")
        #expect(results.count == 4)
        guard case .stored(let first) = results[0], case .stored(let third) = results[2] else {
            Issue.record("the new articles were not stored: \(results)")
            return
        }
        #expect(results[1] == .duplicate)
        #expect(results[3] == .duplicate)
        #expect(first.map(\.sequence) == [2, 3])
        #expect(first.map(\.topicSequence) == [2, 1])
        #expect(third.map(\.sequence) == [4])
        #expect(third.map(\.topicSequence) == [3])
        #expect(try store.articles().map(\.id).sorted() == ["a0", "a1", "a2"])
        #expect(try store.articles().first { $0.id == "a1" }?.title == "One")
        #expect(try store.headSequence() == 4)
    }

    @Test("text with quotes, backslashes, control characters and non-ASCII survives the JSON columns and the event")
    func jsonColumns() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let awkward = ["He said \"no\" \\ then left.", "tab\there\nnew line\u{1}\u{1F}", "Café “quoted” 🗞️", ""]
        var article = event("a1", title: "Awkward")
        article.article.paragraphs = awkward
        article.article.people = ["Sergey V. Lavrov", "O\"Brien"]
        article.article.quotes = [{ var quote = QuoteMessage(); quote.text = "“We \\ agreed”"; quote.speaker = "Kerry \"JK\""; return quote }()]
        article.metadata = ["b": "2\n", "a": "\"1\""]
        var odd = classification("x", score: 0.75)
        odd.evidence[0].matched = "Phrase \"with\" quotes\\"
        odd.evidence[0].weight = 0.125
        _ = try await store.store(article, classifications: [odd], consumerID: "c")

        let fetched = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT people, metadata FROM articles WHERE id = 'a1'")
        }
        let row = try #require(fetched)
        func decode<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
            try JSONDecoder().decode(T.self, from: Data((row[column] as String).utf8))
        }
        #expect(try decode("people", as: [String].self) == ["Sergey V. Lavrov", "O\"Brien"])
        #expect(try decode("metadata", as: [String: String].self) == ["a": "\"1\"", "b": "2\n"])
        // The text is stored once, in the event; the read API takes it from there.
        let detail = try #require(try await store.articleDetail(id: "a1"))
        #expect(detail.paragraphs == awkward)
        #expect(detail.quotes.map { [$0.text, $0.speaker] } == [["“We \\ agreed”", "Kerry \"JK\""]])
        let replayed = try store.streamMessages(afterSequence: 0, since: nil, topics: [], limit: 10, consumerID: "c")
        #expect(replayed.first?.classification.evidence == odd.evidence)
    }

    @Test("an article makes one insert at a random place: its text id; the other tables and indexes are keyed by its number")
    func oneRandomIndexInsert() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let schema = try await store.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.name AS object, i.name AS column
                FROM sqlite_master m, pragma_index_info(m.name) i
                WHERE m.type = 'index' AND m.tbl_name IN ('articles', 'article_topics', 'stream')
                ORDER BY m.name, i.seqno
                """).map { "\($0["object"] as String).\($0["column"] as String)" }
        }
        // Only articles.id is keyed by the hash; every other key starts with an
        // article number, a sequence, a time or one of a few sources or topics.
        #expect(schema.filter { $0.hasSuffix(".id") || $0.hasSuffix(".article_id") } == ["sqlite_autoindex_articles_1.id"], "\(schema)")
        let articleKey = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info('articles') WHERE pk > 0").map { $0["name"] as String }
        }
        #expect(articleKey == ["number"])
        _ = try await store.store(event("b", title: "B"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        _ = try await store.store(event("a", title: "A"), classifications: [classification("x", score: 0.9)], consumerID: "c")
        let numbers = try await store.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.number, t.article_number AS topic_number, s.article_number AS stream_number
                FROM articles a JOIN article_topics t ON t.article_number = a.number JOIN stream s ON s.article_number = a.number
                ORDER BY s.sequence
                """).map { "\($0["id"] as String):\($0["number"] as Int):\($0["topic_number"] as Int):\($0["stream_number"] as Int)" }
        }
        #expect(numbers == ["b:1:1:1", "a:2:2:2"], "numbered in storing order, whatever the id")
    }
}
