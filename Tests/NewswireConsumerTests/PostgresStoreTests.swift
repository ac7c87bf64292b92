import Foundation
import Logging
import NewsModels
import NewswireConsumer
import NewswireTesting
import SwiftProtobuf
import Testing

/// The PostgreSQL store against a real server (``PostgresCluster``): what
/// sharing one database between consumers must guarantee.
@Suite(
    // One at a time: each test starts a server of its own (initdb, then waiting for it),
    // which blocks its thread for seconds; side by side they starved the cooperative pool.
    "PostgreSQL store", .serialized,
    .enabled(
        if: PostgresCluster.isInstalled || PostgresCluster.isRequired,
        "PostgreSQL is not installed (apt-get install postgresql; scripts/test.sh installs it, and CI=true fails without it)"))
struct PostgresStoreTests {
    static let logger = Logger(label: "test")

    /// A sample event with fields whose round trip through PostgreSQL is worth checking (quotes, times, metadata).
    func event(_ id: String) -> ArticleEvent {
        var event = SampleArticles.event(id, title: "Article \(id)", paragraphs: ["First paragraph of \(id).", "Second paragraph."])
        event.article.subtitle = id.hasSuffix("1") ? "A subtitle" : ""
        event.article.people = ["Ann \"Quoted\" Lee"]
        event.article.publishedAt = .init(seconds: 1_700_000_000, nanos: 123_000_000)
        event.metadata = ["feed": "test"]
        event.deliveryAttempt = 1
        return event
    }

    func classification(_ topic: String, score: Double = 0.9) -> Classification {
        SampleArticles.classification(topic, score: score, evidence: [SampleArticles.evidence("phrase", matched: "Phrase", weight: 1.25)])
    }

    /// Articles `ids`, each with topics from `topics` chosen by its number.
    func articles(_ ids: some Sequence<Int>, prefix: String = "a", topics: [String] = ["x", "y", "z"]) throws -> [ClassifiedArticle] {
        try ids.map { index in
            let chosen = index.isMultiple(of: 3) ? [topics[0], topics[1]] : [topics[index % topics.count]]
            return try ClassifiedArticle(event: event("\(prefix)\(index)"), classifications: chosen.map { classification($0) })
        }
    }

    func open(_ url: String) async throws -> PostgresArticleStore {
        try await PostgresArticleStore.open(try PostgresURL(url), logger: Self.logger)
    }

    @Test("an article id is stored once across two consumers' stores; the other gets a duplicate")
    func exactlyOnceAcrossStores() async throws {
        let cluster = try PostgresCluster()
        let url = try cluster.createDatabase()
        let first = try await open(url), second = try await open(url)
        defer { Task { try await first.close(); try await second.close() } }

        let firstResults = try await first.store(try articles(1...10), consumerID: "ignored", at: Date())
        #expect(firstResults.allSatisfy { if case .stored = $0 { true } else { false } })
        // Overlapping ids, and one id twice in the batch: only the new ones, each once.
        let secondResults = try await second.store(try articles(Array(6...15) + [12]), consumerID: "ignored", at: Date())
        let stored = secondResults.map { if case .stored = $0 { true } else { false } }
        #expect(stored == Array(repeating: false, count: 5) + Array(repeating: true, count: 5) + [false])

        // At the same time, from both: every id stored by exactly one of them.
        let batch = try articles(100..<160)
        async let fromFirst = first.store(batch, consumerID: "", at: Date())
        async let fromSecond = second.store(batch.reversed(), consumerID: "", at: Date())
        let (a, b) = try await (fromFirst, fromSecond)
        var storedBy: [String: Int] = [:]
        for (item, result) in Array(zip(batch, a)) + Array(zip(batch.reversed(), b)) {
            if case .stored = result { storedBy[item.event.articleID, default: 0] += 1 }
        }
        #expect(storedBy.count == 60)
        #expect(storedBy.values.allSatisfy { $0 == 1 })
        #expect(try await first.topicCounts().total == 75)
        #expect(try cluster.psql("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles", database: String(url.split(separator: "/").last!)) == "75|75\n")
    }

    @Test("two writers at once: sequences without gaps or repeats, and every reader sees a prefix of the stream")
    func gapFreeSequencesWithConcurrentWriters() async throws {
        let cluster = try PostgresCluster()
        let url = try cluster.createDatabase()
        let first = try await open(url), second = try await open(url), reader = try await open(url)
        defer { Task { try await first.close(); try await second.close(); try await reader.close() } }
        let batches = 25, perBatch = 8

        // A reader polls as a follower does, and checks that what it sees never has a hole.
        let watching = Task { () -> (seen: UInt64, holes: Int) in
            var last: UInt64 = 0, holes = 0
            while !Task.isCancelled {
                let messages = try await reader.storedTopicMessages(afterSequence: last, since: nil, topics: [], limit: 10_000, consumerID: "")
                for message in messages {
                    if message.message.sequence != last + 1 { holes += 1 }
                    last = message.message.sequence
                }
                try? await Task.sleep(for: .milliseconds(2))
            }
            return (last, holes)
        }
        async let fromFirst: [TopicMessage] = write(first, prefix: "f", batches: batches, perBatch: perBatch)
        async let fromSecond: [TopicMessage] = write(second, prefix: "s", batches: batches, perBatch: perBatch)
        let live = try await fromFirst + fromSecond
        try await Task.sleep(for: .milliseconds(50))
        watching.cancel()
        let watched = try await watching.value

        let head = try await reader.headSequence()
        #expect(head == UInt64(live.count))
        #expect(Set(live.map(\.sequence)) == Set(1...head))
        #expect(watched.holes == 0)
        #expect(watched.seen == head)
        // Per topic: 1, 2, 3, … in sequence order.
        let replayed = try await reader.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 100_000, consumerID: "")
        var perTopic: [String: UInt64] = [:]
        for stored in replayed {
            let expected = perTopic[stored.message.topicID, default: 0] + 1
            #expect(stored.message.topicSequence == expected, "topic \(stored.message.topicID) at sequence \(stored.message.sequence)")
            perTopic[stored.message.topicID] = stored.message.topicSequence
        }
    }

    private func write(_ store: PostgresArticleStore, prefix: String, batches: Int, perBatch: Int) async throws -> [TopicMessage] {
        var messages: [TopicMessage] = []
        for batch in 0..<batches {
            let results = try await store.store(try articles((batch * perBatch)..<((batch + 1) * perBatch), prefix: prefix), consumerID: "", at: Date())
            for case .stored(let stored) in results { messages += stored }
        }
        return messages
    }

    @Test("replay from any consumer's store returns the messages as they were published live, byte for byte")
    func replayEqualsLive() async throws {
        let cluster = try PostgresCluster()
        let url = try cluster.createDatabase()
        let first = try await open(url), second = try await open(url)
        defer { Task { try await first.close(); try await second.close() } }
        var live: [TopicMessage] = []
        for batch in 0..<3 {
            for case .stored(let messages) in try await first.store(try articles((batch * 5)..<(batch * 5 + 5), prefix: "p"), consumerID: "", at: Date()) {
                live += messages
            }
            for case .stored(let messages) in try await second.store(try articles((batch * 5)..<(batch * 5 + 5), prefix: "q"), consumerID: "", at: Date()) {
                live += messages
            }
        }
        live.sort { $0.sequence < $1.sequence }
        let fromFirst = try await first.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 1000, consumerID: "x")
        let fromSecond = try await second.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 1000, consumerID: "y")
        #expect(fromFirst.count == live.count)
        #expect(try fromFirst.map { try $0.serializedBytes() } == fromSecond.map { try $0.serializedBytes() })
        #expect(try fromFirst.map { try $0.decoded() } == live)
        #expect(Set(live.map(\.consumerID)).count == 2)
        // Filters: topics, and since (at the stored millisecond).
        let onlyX = try await second.storedTopicMessages(afterSequence: 0, since: nil, topics: ["x"], limit: 1000, consumerID: "")
        #expect(onlyX.map(\.message.sequence) == live.filter { $0.topicID == "x" }.map(\.sequence))
        let fromMiddle = live[live.count / 2]
        let since = try await second.storedTopicMessages(afterSequence: 0, since: fromMiddle.classifiedAt, topics: [], limit: 1000, consumerID: "")
        #expect(since.count <= live.count && since.last?.message.sequence == live.last?.sequence)
        #expect(since.contains { $0.message.sequence == fromMiddle.sequence })
    }

    @Test("a schema newer than this consumer knows is refused, naming both versions")
    func refusesNewerSchema() async throws {
        let cluster = try PostgresCluster()
        let url = try cluster.createDatabase("future")
        try await open(url).close()
        try cluster.psql("INSERT INTO schema_migrations (version, name) VALUES (99, 'from a newer release')", database: "future")
        let error = await #expect(throws: PostgresSchemaTooNewError.self) { try await open(url) }
        #expect(error?.databaseVersion == 99)
        #expect(error?.description.contains("newer than this consumer knows") == true)
        // Opening again (migrated already) changes nothing and succeeds on a current schema.
        let other = try cluster.createDatabase("current")
        try await open(other).close()
        try await open(other).close()
        #expect(try cluster.psql("SELECT COUNT(*) FROM schema_migrations", database: "current") == "1\n")
    }

    @Test("dead letters are kept in the shared store and leave once the article stores")
    func deadLetters() async throws {
        let cluster = try PostgresCluster()
        let store = try await open(try cluster.createDatabase())
        defer { Task { try await store.close() } }
        let article = try articles([7])[0]
        try await store.deadLetter(article, reason: "bad", attempts: 5, at: Date())
        try await store.deadLetter(article, reason: "worse", attempts: 6, at: Date())
        #expect(try await store.deadLetterCount() == 1)
        #expect(try await store.deadLetters(limit: 10).map(\.reason) == ["worse"])
        #expect(try await store.deadLetterEvent("a7") == article.event)
        _ = try await store.store([article], consumerID: "", at: Date())
        #expect(try await store.deadLetterCount() == 0)
        let listed = try await store.articles(ArticleFilter(topic: "y"))
        #expect(listed.map(\.id) == ["a7"])
    }
}

/// `--db` as a PostgreSQL URL: parsed without a server, so these always run.
@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test("a URL's password is never shown; a bad URL says what is wrong")
    func urls() throws {
        let url = try PostgresURL("postgres://me:secret@db.example:6543/news", environment: [:])
        #expect(url.password == "secret")
        #expect(url.port == 6543)
        #expect(!url.description.contains("secret"))
        #expect(try PostgresURL("postgresql://me@db/news", environment: ["PGPASSWORD": "fromenv"]).password == "fromenv")
        #expect(try ConsumerStoreLocation("newswire.db") == .sqlite(path: "newswire.db"))
        let error = #expect(throws: PostgresURLError.self) { try PostgresURL("postgres://me:secret@db.example", environment: [:]) }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("no database") == true)
    }
}
