import Foundation
import GRDB
import NewsModels
import NewswireConsumer
import NewswireTesting
import SwiftProtobuf
import Testing

/// A database written with the previous schema (articles keyed by their text
/// id, topics and stream rows referring to it, the text in `paragraphs` and
/// `quotes` as well as in `event`) is migrated when the store opens it: every
/// article, topic, stream row and dead letter comes through, search finds
/// what it found before, and replay sends the bytes the live stream sent.
@Suite("Article store: migration from text keys")
struct StoreMigrationTests {
    /// A sample event with every field the store keeps set, times to the nanosecond.
    static func event(_ id: String, title: String, paragraphs: [String]) -> ArticleEvent {
        var event = SampleArticles.event(id, title: title, paragraphs: paragraphs)
        event.article.subtitle = "Subtitle of \(id)"
        event.article.wordCount = 42
        event.article.publishedAt = Google_Protobuf_Timestamp(seconds: 1_377_266_525, nanos: 123_456_789)
        event.fetchedAt = Google_Protobuf_Timestamp(seconds: 1_377_266_600, nanos: 0)
        event.deliveryAttempt = 1
        return event
    }

    /// A classification whose threshold, weight and matched text do not round-trip by accident.
    static func classification(_ topic: String, score: Double) -> Classification {
        SampleArticles.classification(topic, score: score, threshold: 0.1 + 0.2, evidence: [
            SampleArticles.evidence("walnut", matched: "Walnut \"quoted\"\n", paragraph: -1, weight: 2.0 / 3.0),
        ])
    }

    /// What the previous release's consumer wrote for one article and its
    /// topics, statement for statement (`ArticleStore+Writing.swift` at
    /// 93804aa), and the topic messages it published live, as bytes.
    static func storeAsPreviousRelease(
        _ db: Database, _ event: ArticleEvent, _ classifications: [Classification], status: String? = nil, at date: Date
    ) throws -> [[UInt8]] {
        let eventBytes: [UInt8] = try event.serializedBytes()
        func json(_ value: some Encodable) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        struct Quote: Encodable { var speaker: String; var text: String }
        struct Evidence: Encodable { var end: UInt32; var matched: String; var paragraph: Int32; var phrase: String; var start: UInt32; var weight: Double }
        let article = event.article
        try db.execute(sql: """
            INSERT INTO articles (id, source, url, title, subtitle, dateline, byline, published_at, fetched_at,
                accepted_at, stored_at, language, word_count, truncated, content_hash, paragraphs, quotes,
                people, organizations, places, metadata, parser_version, delivery_attempts, event, classification_status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                event.articleID, event.source, event.url, article.title,
                article.subtitle.isEmpty ? nil : article.subtitle, article.dateline.isEmpty ? nil : article.dateline,
                article.byline.isEmpty ? nil : article.byline,
                article.hasPublishedAt ? article.publishedAt.date : nil, event.hasFetchedAt ? event.fetchedAt.date : nil,
                event.hasAcceptedAt ? event.acceptedAt.date : nil,
                date, article.language, Int(article.wordCount), article.truncated, article.contentHash,
                try json(article.paragraphs), try json(article.quotes.map { Quote(speaker: $0.speaker, text: $0.text) }),
                try json(article.people), try json(article.organizations), try json(article.places),
                try json(event.metadata), event.parserVersion, Int(max(event.deliveryAttempt, 1)), Data(eventBytes), status,
            ])
        try db.execute(sql: "DELETE FROM dead_letters WHERE article_id = ?", arguments: [event.articleID])
        var published: [[UInt8]] = []
        for classification in classifications {
            let evidence = classification.evidence.map {
                Evidence(end: $0.end, matched: $0.matched, paragraph: $0.paragraph, phrase: $0.phrase, start: $0.start, weight: $0.weight)
            }
            try db.execute(sql: """
                INSERT INTO article_topics (article_id, topic_id, label, score, threshold, evidence, classifier_version, taxonomy_version,
                    evidence_total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    event.articleID, classification.topicID, classification.label, classification.score, classification.threshold,
                    try json(evidence), classification.classifierVersion, classification.taxonomyVersion, classification.evidence.count,
                ])
            let sequence = (try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM stream") ?? 0) + 1
            let topicSequence = (try Int64.fetchOne(db, sql: "SELECT MAX(topic_sequence) FROM stream WHERE topic_id = ?", arguments: [classification.topicID]) ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO stream (sequence, topic_id, topic_sequence, article_id, classified_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [sequence, classification.topicID, topicSequence, event.articleID, date])
            var message = TopicMessage()
            message.sequence = UInt64(sequence)
            message.topicSequence = UInt64(topicSequence)
            message.topicID = classification.topicID
            message.classification = classification
            let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
            message.classifiedAt = Google_Protobuf_Timestamp(seconds: milliseconds / 1000, nanos: Int32(milliseconds % 1000) * 1_000_000)
            message.consumerID = "c"
            published.append(try message.serializedBytes(articleBytes: eventBytes))
        }
        return published
    }

    /// A database as the previous release left it: its schema (the migrations
    /// up to the first search migration, unchanged since), `articles` (the
    /// first with two topics, the second with one, the third unclassified)
    /// and a dead letter, written as that release wrote them. Returns the
    /// topic messages published live, the rowids, and what a search for
    /// "walnut" found.
    static func writePreviousRelease(
        path: String, storedAt: Date, articles: [ArticleEvent]
    ) throws -> (live: [[UInt8]], rowIDs: [String: Int64], search: [String]) {
        let queue = try DatabaseQueue(path: path)
        try ArticleStore.migrator.migrate(queue, upTo: ArticleStore.searchMigration)
        let live = try queue.write { db in
            var live: [[UInt8]] = []
            live += try storeAsPreviousRelease(
                db, articles[0], [classification("syria-talks", score: 0.9), classification("arms-supply", score: 0.4)], at: storedAt)
            live += try storeAsPreviousRelease(db, articles[1], [classification("arms-supply", score: 0.7)], at: storedAt.addingTimeInterval(1))
            live += try storeAsPreviousRelease(db, articles[2], [], status: "unclassified: language ru", at: storedAt.addingTimeInterval(2))
            try db.execute(sql: """
                INSERT INTO dead_letters (article_id, source, title, reason, attempts, first_failed_at, last_failed_at, event)
                VALUES ('dead', 'wire', 'Dead', 'too odd', 5, ?, ?, ?)
                """, arguments: [storedAt, storedAt, Data(try event("dead", title: "Dead", paragraphs: ["x"]).serializedBytes() as [UInt8])])
            return live
        }
        let (columns, rowIDs, search) = try queue.read { db in
            (try db.columns(in: "articles").map(\.name),
             try Row.fetchAll(db, sql: "SELECT id, rowid FROM articles").map { ($0["id"] as String, $0["rowid"] as Int64) },
             try String.fetchAll(db, sql: """
                SELECT a.id FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE articles_fts MATCH 'walnut' ORDER BY a.id
                """))
        }
        try queue.close()
        guard columns.contains("paragraphs") else { throw DatabaseError(message: "not the previous schema: \(columns)") }
        return (live, Dictionary(uniqueKeysWithValues: rowIDs), search)
    }

    @Test("a database of the previous schema migrates: queries, search, detail and replay give what they gave, byte for byte")
    func migratesPreviousSchema() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("n.db")
        let storedAt = Date(timeIntervalSince1970: 1_700_000_000.125)
        var talks = Self.event("f00d", title: "Walnut talks resume", paragraphs: ["Envoys met in Geneva.", "\"We will return,\" the envoy said.\nThen left."])
        var quote = QuoteMessage()
        quote.text = "We will return,"
        quote.speaker = "the envoy"
        talks.article.quotes = [quote]
        talks.article.people = ["Ana Ruiz"]
        talks.article.places = ["Geneva"]
        talks.metadata = ["desk": "world", "a": "\"1\""]
        let harvest = Self.event("0bad", title: "Harbour cranes idle", paragraphs: ["Dockworkers said the walnut harvest would wait."])
        let russian = Self.event("cafe", title: "Переговоры", paragraphs: ["Текст статьи."])

        // The previous release: its migrations (unchanged since), its writes.
        let previous = try Self.writePreviousRelease(path: path, storedAt: storedAt, articles: [talks, harvest, russian])
        let live = previous.live
        #expect(previous.search == ["0bad", "f00d"])
        #expect(live.count == 3)

        let store = try ArticleStore.open(path: path)
        let migrated = try await store.writer.read { db in
            (columns: try db.columns(in: "articles").map(\.name),
             numbers: try Row.fetchAll(db, sql: "SELECT id, number FROM articles").map { ($0["id"] as String, $0["number"] as Int64) },
             foreignKeyProblems: try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        #expect(!migrated.columns.contains("paragraphs") && !migrated.columns.contains("quotes") && migrated.columns.contains("event"))
        #expect(Dictionary(uniqueKeysWithValues: migrated.numbers) == previous.rowIDs, "an article keeps its rowid as its number: cursors stay valid")
        #expect(migrated.foreignKeyProblems == 0)
        try await store.writer.write { db in try db.execute(sql: "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)") }

        // Replay: the bytes published live, in order; decoded, the same messages.
        let replayed = try store.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 100, consumerID: "c")
        #expect(try replayed.map { try $0.serializedBytes() } == live)
        #expect(try replayed.map { try $0.decoded() } == live.map { try TopicMessage(serializedBytes: $0) })
        #expect(try store.storedTopicMessages(afterSequence: 1, since: nil, topics: ["arms-supply"], limit: 100, consumerID: "c")
            .map { try $0.serializedBytes() } == [live[1], live[2]])

        // Queries, the whole article, search.
        let listed = try store.articles()
        #expect(listed.map(\.id) == ["f00d", "0bad", "cafe"])
        #expect(listed.map { $0.topics.map(\.id) } == [["syria-talks", "arms-supply"], ["arms-supply"], []])
        #expect(listed.map(\.classificationStatus) == [nil, nil, "unclassified: language ru"])
        #expect(try store.articles(ArticleFilter(topic: "arms-supply")).map(\.id) == ["f00d", "0bad"])
        let detail = try #require(try await store.articleDetail(id: "f00d"))
        #expect(detail.paragraphs == talks.article.paragraphs)
        #expect(detail.quotes.map { [$0.text, $0.speaker] } == [["We will return,", "the envoy"]])
        #expect(detail.people == ["Ana Ruiz"] && detail.places == ["Geneva"] && detail.subtitle == "Subtitle of f00d")
        #expect(detail.publishedAt == "2013-08-23T14:02:05.123Z" && detail.storedAt == "2023-11-14T22:13:20.125Z")
        #expect(detail.topics.first?.evidence.first?.matched == "Walnut \"quoted\"\n")
        let found = try await store.articlePage(ArticleQuery(text: "walnut"))
        #expect(found.articles.map(\.id).sorted() == previous.search)
        #expect(found.articles.map(\.id) == ["f00d", "0bad"], "the title match first")
        #expect(found.articles.last?.markedSnippet(open: "", close: "") == "Dockworkers said the walnut harvest would wait.")
        #expect(try await store.articlePage(ArticleQuery(text: "\"geneva we will\"")).articles.map(\.id) == ["f00d"], "one paragraph's last word and the next one's first are neighbours, as before")
        #expect(try await store.articlePage(ArticleQuery(topic: "syria-talks")).articles.map(\.id) == ["f00d"])
        #expect(try store.deadLetters().map(\.articleID) == ["dead"])

        // Storing goes on where the previous release stopped.
        #expect(try await store.store(harvest, classifications: [Self.classification("arms-supply", score: 0.7)], consumerID: "c") == .duplicate)
        let next = try await store.store(
            Self.event("beef", title: "Walnut prices", paragraphs: ["New."]), classifications: [Self.classification("arms-supply", score: 0.8)],
            consumerID: "c")
        guard case .stored(let messages) = next else { Issue.record("not stored"); return }
        #expect(messages.map(\.sequence) == [4] && messages.map(\.topicSequence) == [3])
        #expect(try await store.articlePage(ArticleQuery(text: "walnut", order: .newest)).articles.map(\.id) == ["beef", "0bad", "f00d"])
    }

    @Test("deleting an article takes it out of the index; VACUUM keeps the numbers the index is keyed by")
    func deleteAndVacuum() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        for (index, id) in ["aa", "bb", "cc"].enumerated() {
            _ = try await store.store(
                Self.event(id, title: "Lighthouse \(index)", paragraphs: ["Keeper \(id) wanted."]), classifications: [Self.classification("x", score: 0.5)],
                consumerID: "c")
        }
        try await store.writer.write { db in try db.execute(sql: "DELETE FROM articles WHERE id = 'aa'") }
        try await store.writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        #expect(try await store.articlePage(ArticleQuery(text: "lighthouse", order: .newest)).articles.map(\.id) == ["cc", "bb"])
        #expect(try await store.articlePage(ArticleQuery(text: "keeper cc")).articles.map(\.id) == ["cc"])
        #expect(try store.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 10, consumerID: "c").map(\.message.sequence) == [2, 3])
        let numbers = try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
            return try Int.fetchAll(db, sql: "SELECT number FROM articles ORDER BY number")
        }
        #expect(numbers == [2, 3])
    }
}
