import Foundation
import GRDB
import NewsModels
import NewswireConsumer
import NewswireTesting
import Testing

@Suite("Article store")
struct ArticleStoreTests {
    func event(_ id: String, title: String, source: String = "wire") -> ArticleEvent {
        var event = ArticleEvent()
        event.articleID = id
        event.source = source
        event.url = "https://example.com/\(id)"
        event.article.title = title
        event.article.paragraphs = ["First paragraph.", "Second paragraph."]
        event.article.language = "en"
        event.article.contentHash = "hash-\(id)"
        event.parserVersion = "test"
        return event
    }

    func classification(_ topic: String, score: Double) -> Classification {
        var classification = Classification()
        classification.topicID = topic
        classification.label = topic
        classification.score = score
        classification.threshold = 0.5
        var evidence = EvidenceMessage()
        evidence.phrase = "phrase"
        evidence.matched = "Phrase"
        evidence.paragraph = 0
        evidence.start = 0
        evidence.end = 6
        evidence.weight = 1
        classification.evidence = [evidence]
        classification.classifierVersion = "test"
        classification.taxonomyVersion = "t@1"
        return classification
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
}
