import Foundation
import GRDB
import NewsModels
import NewswireConsumer
import NewswireTesting
import SwiftProtobuf
import Testing

/// A replayed topic message is the message published live: same fields, same
/// bytes, `classified_at` to the stored millisecond, and `since` compared at
/// that precision.
@Suite("Replay fidelity")
struct ReplayFidelityTests {
    static func event(_ id: String, deliveryAttempt: UInt32 = 1) -> ArticleEvent {
        var event = ArticleEvent()
        event.articleID = id
        event.source = "wire"
        event.article.title = "Title \(id)"
        event.article.paragraphs = ["One paragraph.", "Another paragraph."]
        event.metadata = ["b": "2", "a": "1", "c": "3"]
        event.deliveryAttempt = deliveryAttempt
        return event
    }

    static func classification(_ topic: String) -> Classification {
        var classification = Classification()
        classification.topicID = topic
        classification.label = topic.uppercased()
        classification.score = 1.0 / 3.0
        classification.threshold = 0.1 + 0.2
        classification.classifierVersion = "v"
        classification.taxonomyVersion = "t@1"
        for (index, weight) in [0.1 + 0.2, 2.0 / 3.0, 1e-17].enumerated() {
            var evidence = EvidenceMessage()
            evidence.phrase = "phrase \(index)"
            evidence.matched = "Phrase \"\(index)\"\n"
            evidence.paragraph = Int32(index) - 1
            evidence.start = UInt32(index)
            evidence.end = UInt32(index + 6)
            evidence.weight = weight
            classification.evidence.append(evidence)
        }
        return classification
    }

    /// 2023-11-14 22:13:20.123456789 UTC, as the Date the consumer's clock would give.
    static let classifiedDate = Date(timeIntervalSince1970: 1_700_000_000.123_456_789)

    @Test("a replayed message has the live message's fields and bytes; classified_at is whole milliseconds")
    func replayEqualsLive() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let article = try ClassifiedArticle(event: Self.event("a1"), classifications: [Self.classification("x"), Self.classification("y")])
        let results = try await store.store([article], consumerID: "c", at: Self.classifiedDate)
        guard case .stored(let live) = results[0] else { Issue.record("not stored"); return }
        let replayed = try store.storedTopicMessages(afterSequence: 0, since: nil, topics: [], limit: 10, consumerID: "c")
        #expect(replayed.count == live.count)
        for (liveMessage, stored) in zip(live, replayed) {
            #expect(liveMessage.classifiedAt.seconds == 1_700_000_000)
            #expect(liveMessage.classifiedAt.nanos == 123_000_000)
            // Field by field, then byte for byte (what the live stream publishes).
            let decoded = try stored.decoded()
            #expect(decoded.sequence == liveMessage.sequence)
            #expect(decoded.topicSequence == liveMessage.topicSequence)
            #expect(decoded.topicID == liveMessage.topicID)
            #expect(decoded.classifiedAt == liveMessage.classifiedAt)
            #expect(decoded.consumerID == liveMessage.consumerID)
            #expect(decoded.classification == liveMessage.classification)
            #expect(decoded.article == liveMessage.article)
            #expect(decoded == liveMessage)
            #expect(try stored.serializedBytes() == liveMessage.serializedBytes(articleBytes: article.eventBytes))
            // JSON: map order is unspecified (proto-docs §5), so compare what it decodes to.
            #expect(try TopicMessage(jsonString: decoded.jsonString()) == TopicMessage(jsonString: liveMessage.jsonString()))
        }
        let text = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT classified_at FROM stream") }
        #expect(text == ["2023-11-14 22:13:20.123", "2023-11-14 22:13:20.123"])
    }

    @Test("since compares at the stored millisecond: a message's own classified_at finds it, a millisecond later does not")
    func sinceAtStoredPrecision() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let result = try await store.store(Self.event("a1"), classifications: [Self.classification("x")], consumerID: "c", at: Self.classifiedDate)
        guard case .stored(let live) = result, let classifiedAt = live.first?.classifiedAt else { Issue.record("not stored"); return }
        func count(since seconds: Int64, _ nanos: Int32) throws -> Int {
            try store.storedTopicMessages(afterSequence: 0, since: Google_Protobuf_Timestamp(seconds: seconds, nanos: nanos), topics: [], limit: 10, consumerID: "c").count
        }
        #expect(try count(since: classifiedAt.seconds, classifiedAt.nanos) == 1)
        #expect(try count(since: classifiedAt.seconds, 123_999_999) == 1, "sub-millisecond digits of since are dropped")
        #expect(try count(since: classifiedAt.seconds, 122_000_000) == 1)
        #expect(try count(since: classifiedAt.seconds, 124_000_000) == 0)
        #expect(try count(since: classifiedAt.seconds + 1, 0) == 0)
    }

    @Test("stored times read back as the same instants, across leap days, centuries and the end of a year", arguments: [
        // (seconds since 1970, milliseconds, the text stored)
        (951_782_400 as Int64, 0 as Int64, "2000-02-29 00:00:00.000"),
        (4_107_542_399, 999, "2100-02-28 23:59:59.999"),
        (946_684_799, 999, "1999-12-31 23:59:59.999"),
        (0, 1, "1970-01-01 00:00:00.001"),
        (1_377_266_525, 250, "2013-08-23 14:02:05.250"),
    ])
    func storedText(seconds: Int64, milliseconds: Int64, text: String) async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let date = Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000 + 0.000_000_4)
        let result = try await store.store(Self.event("a1"), classifications: [Self.classification("x")], consumerID: "c", at: date)
        guard case .stored(let live) = result else { Issue.record("not stored"); return }
        #expect(live.first?.classifiedAt == Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(milliseconds) * 1_000_000))
        let stored = try await store.writer.read { db in try String.fetchOne(db, sql: "SELECT classified_at FROM stream") }
        #expect(stored == text)
        let replayed = try store.streamMessages(afterSequence: 0, since: nil, topics: [], limit: 1, consumerID: "c")
        #expect(replayed.first?.classifiedAt == live.first?.classifiedAt)
        // GRDB reads the same text as the same Date (stored_at has the same form).
        let storedAt = try store.articles().first?.storedAt
        #expect(abs((storedAt?.timeIntervalSince1970 ?? 0) - (Double(seconds) + Double(milliseconds) / 1000)) < 0.000_5)
    }

    @Test("delivery_attempt is 1 in topic messages when the sender left it out, and kept when it set it")
    func deliveryAttempt() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let unset = try ClassifiedArticle(event: Self.event("a1", deliveryAttempt: 0), classifications: [Self.classification("x")])
        let third = try ClassifiedArticle(event: Self.event("a2", deliveryAttempt: 3), classifications: [Self.classification("x")])
        let results = try await store.store([unset, third], consumerID: "c")
        var live: [TopicMessage] = []
        for result in results { if case .stored(let messages) = result { live += messages } }
        #expect(live.map(\.article.deliveryAttempt) == [1, 3])
        let replayed = try store.streamMessages(afterSequence: 0, since: nil, topics: [], limit: 10, consumerID: "c")
        #expect(replayed.map(\.article.deliveryAttempt) == [1, 3])
        #expect(try ArticleEvent(serializedBytes: unset.eventBytes).deliveryAttempt == 1)
    }
}
