import Foundation
import GRDB
import NewsModels
import NewswireObservability
import NewswireProducer
import NewswireTesting
import SwiftProtobuf
import Testing
import ZeroMQ

/// The promise at the edges of the size limits: every article the producer
/// acks ACCEPTED ends, within seconds, as a stored article, a consumer dead
/// letter or a parked (`rejected`) outbox row, and nothing is resent more than
/// `--max-attempts` times, whether the two services share one event limit or not.
@Suite("Delivery at the size limits", .serialized)
struct DeliveryLimitTests {
    static let maximumAttempts = 3

    /// Limits for one run of the real services.
    struct Limits: CustomTestStringConvertible, Sendable {
        var producerArticle: Int
        var producerEvent: Int
        var consumerEvent: Int
        var testDescription: String {
            "producer --max-article-bytes \(producerArticle) --max-event-bytes \(producerEvent), consumer --max-event-bytes \(consumerEvent)"
        }
    }

    /// What a raw article is expected to become.
    enum Expected: Equatable {
        /// Refused at ingest: TOO_LARGE, the message containing each string.
        case refused([String])
        case stored
        /// Acked, then refused by the consumer for good and parked by the producer with this reason label.
        case parked(String)
    }

    struct Case {
        var name: String
        var raw: RawArticle
        var expected: Expected
    }

    // MARK: Building articles of a given size

    /// Sentences of lowercase words: kept by the parser as body text, so the
    /// event grows with them byte for byte.
    static let filler: String = {
        let words = ["grain", "river", "harbour", "council", "budget", "season", "market", "valley", "signal", "timber", "ledger", "window"]
        var random = SplitMix64(seed: 15)
        var text = ""
        while text.utf8.count < 400_000 {
            let sentence = (0..<9).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            text += sentence.prefix(1).uppercased() + sentence.dropFirst() + ". "
        }
        return text
    }()

    static let fetchedAt = Google_Protobuf_Timestamp(seconds: 1_765_000_000, nanos: 0)

    /// Article `index` with `fillerBytes` of filler after a realistic lead, and `metadataBytes` of metadata.
    static func raw(_ index: Int, fillerBytes: Int, metadataBytes: Int = 0, generated: GeneratedArticles) -> RawArticle {
        var raw = RawArticle()
        raw.requestID = "r\(index)"
        raw.source = "limits"
        raw.url = "https://example.com/limits/\(index)"
        raw.fetchedAt = fetchedAt
        raw.text = generated.text(index) + "\n\n" + String(filler.utf8.prefix(fillerBytes))!
        if metadataBytes > 0 { raw.metadata = ["notes": String(repeating: "m", count: metadataBytes)] }
        return raw
    }

    /// The bytes of the event the producer builds for `raw`, plus its
    /// allowance for `delivery_attempt`: the figure it compares with `--max-event-bytes`.
    static func eventBytes(_ raw: RawArticle) throws -> Int {
        let intake = ArticleIntake(maximumArticleBytes: .max / 2, maximumEventBytes: .max)
        return try intake.accept(raw).eventBytes.count + ArticleIntake.deliveryAttemptAllowance
    }

    /// Article `index` whose event is `target` bytes give or take a few (the
    /// acceptance time's nanoseconds vary the encoding by up to 5 bytes).
    static func raw(_ index: Int, eventBytes target: Int, generated: GeneratedArticles) throws -> RawArticle {
        var low = 0, high = filler.utf8.count
        while low < high {
            let middle = (low + high + 1) / 2
            if try eventBytes(raw(index, fillerBytes: middle, generated: generated)) <= target { low = middle } else { high = middle - 1 }
        }
        let found = raw(index, fillerBytes: low, generated: generated)
        let size = try eventBytes(found)
        #expect(abs(size - target) <= 24, "article \(index): wanted an event of \(target) bytes, built \(size)")
        return found
    }

    /// Article `index` whose text is exactly `bytes` UTF-8 bytes.
    static func raw(_ index: Int, textBytes bytes: Int, generated: GeneratedArticles) -> RawArticle {
        var article = raw(index, fillerBytes: 0, generated: generated)
        article.text = String((article.text + filler).utf8.prefix(bytes))!
        return article
    }

    // MARK: The runs

    static let configurations = [
        Limits(producerArticle: 60_000, producerEvent: 60_000, consumerEvent: 60_000),  // equal
        Limits(producerArticle: 60_000, producerEvent: 40_000, consumerEvent: 60_000),  // the producer stricter
        // Misconfigured: the producer acks events the consumer refuses.
        Limits(producerArticle: 150_000, producerEvent: 220_000, consumerEvent: 60_000),
    ]

    /// Raw articles around every limit of `limits`, with what each must become.
    static func cases(_ limits: Limits, generated: GeneratedArticles) throws -> [Case] {
        let envelope = limits.producerArticle + ArticleIntake.envelopeAllowance
        let shared = min(limits.producerEvent, limits.consumerEvent)
        var cases: [Case] = [
            Case(name: "a small article", raw: raw(1, fillerBytes: 0, generated: generated), expected: .stored),
            Case(name: "small text, 20 KB of metadata", raw: raw(2, fillerBytes: 0, metadataBytes: 20_000, generated: generated), expected: .stored),
            Case(name: "small text, metadata over the payload allowance", raw: raw(3, fillerBytes: 0, metadataBytes: envelope, generated: generated),
                 expected: .refused(["frame 4 (payload)", "limit is \(envelope)"])),
            Case(name: "text one byte over --max-article-bytes", raw: raw(4, textBytes: limits.producerArticle + 1, generated: generated),
                 expected: .refused(["is \(limits.producerArticle + 1) bytes", "limit is \(limits.producerArticle) (--max-article-bytes)"])),
            Case(name: "the event just under the shared limit", raw: try raw(5, eventBytes: shared - 32, generated: generated), expected: .stored),
        ]
        let refusedEvent = Expected.refused(["event would be", "the event limit shared with the consumers is \(limits.producerEvent) (--max-event-bytes)"])
        if limits.producerEvent <= limits.consumerEvent {
            let metadata = limits.producerEvent - 1000
            cases += [
                Case(name: "small text, metadata that takes the event over the limit",
                     raw: raw(6, fillerBytes: 0, metadataBytes: metadata, generated: generated),
                     expected: .refused(["event would be", "metadata \(metadata + "notes".utf8.count) bytes", "is \(limits.producerEvent) (--max-event-bytes)"])),
                Case(name: "the event just over the limit", raw: try raw(7, eventBytes: limits.producerEvent + 32, generated: generated), expected: refusedEvent),
                Case(name: "text of exactly --max-article-bytes (its event is larger)",
                     raw: raw(8, textBytes: limits.producerArticle, generated: generated), expected: refusedEvent),
            ]
        } else {
            // Acked by the producer; the consumer answers TOO_LARGE naming the article: parked at once.
            cases += [
                Case(name: "the event just over the consumer's limit",
                     raw: try raw(9, eventBytes: limits.consumerEvent + 32, generated: generated), expected: .parked("too-large")),
                Case(name: "the event 40 KB over the consumer's limit",
                     raw: try raw(10, eventBytes: limits.consumerEvent + 40_000, generated: generated), expected: .parked("too-large")),
            ]
        }
        return cases
    }

    @Test("every ACCEPTED ack is stored or parked within seconds; nothing is resent past --max-attempts", arguments: configurations)
    func edgeSizes(_ limits: Limits) async throws {
        let generated = try GeneratedArticles(sizes: 2048...2048)
        let cases = try Self.cases(limits, generated: generated)
        let pipeline = try await Pipeline(
            consumerArguments: ["--metrics", "127.0.0.1:0", "--max-event-bytes", "\(limits.consumerEvent)", "--max-attempts", "\(Self.maximumAttempts)"],
            producerArguments: [
                "--metrics", "127.0.0.1:0", "--max-article-bytes", "\(limits.producerArticle)", "--max-event-bytes", "\(limits.producerEvent)",
                "--max-attempts", "\(Self.maximumAttempts)", "--ack-timeout-ms", "500",
            ])
        let producerMetrics = try await MetricsReader(pipeline.producer)
        let consumerMetrics = try await MetricsReader(pipeline.consumer)
        let scraper = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)

        let answers = try await Self.feed(cases.map(\.raw), to: scraper)
        var acceptedIDs: [String: Case] = [:]
        for item in cases {
            let answer = try #require(answers[item.raw.requestID], "\(item.name): no answer")
            switch (item.expected, answer) {
            case (.refused(let parts), .nack(let nack)):
                #expect(nack.reason == .tooLarge, "\(item.name): \(nack.message)")
                for part in parts { #expect(nack.message.contains(part), "\(item.name): '\(nack.message)' does not name '\(part)'") }
            case (.stored, .ack(let ack)), (.parked, .ack(let ack)):
                #expect(ack.status == .accepted, "\(item.name)")
                acceptedIDs[ack.articleID] = item
            default:
                Issue.record("\(item.name): expected \(item.expected), got \(answer)")
            }
        }

        // Each ACCEPTED ack ends stored or parked, within seconds.
        try await waitUntil("every accepted article is stored or parked", timeout: .seconds(10)) {
            try Self.outcomes(pipeline).keys.count >= acceptedIDs.count
        }
        let outcomes = try Self.outcomes(pipeline)
        for (id, item) in acceptedIDs {
            switch item.expected {
            case .stored: #expect(outcomes[id] == "stored", "\(item.name)")
            case .parked(let label): #expect(outcomes[id]?.hasPrefix("rejected: \(label)") == true, "\(item.name): \(outcomes[id] ?? "nothing")")
            case .refused: break
            }
        }

        if limits.producerEvent > limits.consumerEvent {
            // Past the consumer's socket cap (its limit + 64 KiB) libzmq drops the
            // connection: no answer at all. Fed alone, so nothing else shares its fate.
            let dropped = try Self.raw(11, eventBytes: limits.consumerEvent + 65_536 + 8_000, generated: generated)
            let answer = try await Self.feed([dropped], to: scraper)[dropped.requestID]
            guard case .ack(let ack) = answer, ack.status == .accepted else {
                Issue.record("an event the producer's limit allows is acked; got \(String(describing: answer))")
                return
            }
            // Other articles keep flowing, as in production: the producer counts a delivery
            // as dropped only when the consumers answer others meanwhile (a consumer that
            // crashed answers nothing, and what it held is sent again, never parked).
            let deadline = ContinuousClock.now + .seconds(20)
            var trafficIndex = 100
            while try Self.outcomes(pipeline)[ack.articleID] == nil {
                guard ContinuousClock.now < deadline else {
                    Issue.record("the unanswered event is not parked within 20 s while other articles flowed")
                    return
                }
                let small = Self.raw(trafficIndex, fillerBytes: 0, generated: generated)
                trafficIndex += 1
                if case .ack(let smallAck) = try await Self.feed([small], to: scraper)[small.requestID] {
                    acceptedIDs[smallAck.articleID] = Case(name: "traffic \(trafficIndex)", raw: small, expected: .stored)
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            try await waitUntil("the articles fed meanwhile are stored", timeout: .seconds(10)) {
                let outcomes = try Self.outcomes(pipeline)
                return acceptedIDs.allSatisfy { $0.value.expected != .stored || outcomes[$0.key] == "stored" }
            }
            #expect(try Self.outcomes(pipeline)[ack.articleID]?.hasPrefix("rejected: no answer from a consumer to \(Self.maximumAttempts) deliveries") == true)
            acceptedIDs[ack.articleID] = Case(name: "dropped", raw: dropped, expected: .parked("unanswered"))
            // The connection is back: a small article still goes through.
            let after = Self.raw(12, fillerBytes: 0, generated: generated)
            guard case .ack(let afterAck) = try await Self.feed([after], to: scraper)[after.requestID] else {
                Issue.record("the small article after the dropped one was not acked")
                return
            }
            try await waitUntil("the article after the dropped one is stored", timeout: .seconds(10)) {
                try Self.outcomes(pipeline)[afterAck.articleID] == "stored"
            }
            acceptedIDs[afterAck.articleID] = Case(name: "after", raw: after, expected: .stored)
        }

        // Nothing resent past --max-attempts: attempts in the outbox count the deliveries after the first.
        let attempts = try Self.outboxAttempts(pipeline)
        for (id, count) in attempts {
            #expect(count <= Self.maximumAttempts - 1, "\(acceptedIDs[id]?.name ?? id): \(count) redeliveries")
        }
        let redelivered = try producerMetrics.value("newswire_producer_events_redelivered_total")
        #expect(redelivered == Double(attempts.values.reduce(0, +)), "the metric and the outbox agree on redeliveries")
        #expect(redelivered <= Double(acceptedIDs.count * (Self.maximumAttempts - 1)))

        // Counts agree: /metrics, /status, the outbox and the consumer.
        let parked = acceptedIDs.values.filter { if case .parked = $0.expected { true } else { false } }.count
        let stored = acceptedIDs.count - parked
        try await waitUntil("the outbox drains", timeout: .seconds(5)) { try producerMetrics.value("newswire_producer_outbox_depth") == 0 }
        #expect(try producerMetrics.value("newswire_producer_events_acked_total") == Double(stored))
        #expect(try producerMetrics.value("newswire_producer_events_parked_total{reason=\"too-large\"}") == Double(acceptedIDs.values.filter { $0.expected == .parked("too-large") }.count))
        // Every Nack names its event; one matches nothing only when it answers a
        // redelivery of an event already parked, so there are no more than redeliveries.
        #expect(try producerMetrics.value("newswire_producer_nacks_unmatched_total") <= redelivered)
        #expect(try consumerMetrics.value("newswire_consumer_articles_stored_total") == Double(stored))
        let status = try await StatusTests.status(producerMetrics.address) { _ in true }
        #expect(status.outboxDepth == 0)
        #expect(status.database["rejected"] == parked)
        #expect(status.counts["parked"] == parked)
        #expect(status.counts["acked"] == stored)
        #expect(status.counts["published"].map { $0 >= stored + parked } == true)

        // Visible where an operator looks.
        let listing = try await runCommand("newswire", ["dead-letters", "--outbox", pipeline.outboxPath, "--json"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let rows = try listing.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == parked)
        #expect(Set(rows.compactMap { $0["articleID"] as? String }) == Set(acceptedIDs.filter { if case .parked = $0.value.expected { true } else { false } }.keys))
        let summary = try await runCommand("newswire", ["status", "--producer", producerMetrics.address])
        #expect(summary.stdout.contains("parked=\(parked)"), "\(summary.stdout)")
        #expect(summary.stdout.contains("outbox     pending=0  delivered=\(stored)  rejected=\(parked)"), "\(summary.stdout)")

        await scraper.close()
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("events: every Nack names the article when the event decodes far enough, TOO_LARGE included")
    func consumerNacksNameTheArticle() async throws {
        let pipeline = try await Pipeline(consumerArguments: ["--metrics", "127.0.0.1:0", "--max-event-bytes", "65536"])
        let producer = try WirePeer(.dealer, connectTo: pipeline.eventsEndpoint)
        var event = ArticleEvent()
        event.articleID = "00112233445566778899aabbccddeeff"
        event.source = "limits"
        event.article.title = "A title"
        event.article.paragraphs = [String(repeating: "word ", count: 20_000)]  // 100 KB: over 65,536, under MAXMSGSIZE
        for contentType in [ContentType.protobuf, .json] {
            try producer.send(.articleEvent, event, contentType: contentType)
            let nack = try await producer.nextNack().nack
            #expect(nack.reason == .tooLarge, "\(contentType): \(nack.message)")
            #expect(nack.articleID == event.articleID, "\(contentType)")
        }
        var empty = event
        empty.article = ParsedArticleMessage()
        try producer.send(.articleEvent, empty)
        let invalid = try await producer.nextNack().nack
        #expect(invalid.reason == .invalidArticle)
        #expect(invalid.articleID == event.articleID)
        // A payload that does not decode has no id to give.
        try producer.send([Array(WireProtocol.header.utf8), Array("article-event".utf8), Array(ContentType.protobuf.rawValue.utf8), [0xFF, 0xFF, 0xFF]])
        let garbage = try await producer.nextNack().nack
        #expect(garbage.reason == .malformed)
        #expect(garbage.articleID.isEmpty)
        await producer.close()
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    // MARK: Helpers

    enum Answer: CustomStringConvertible {
        case ack(Ack)
        case nack(Nack)
        var description: String {
            switch self {
            case .ack(let ack): "ack \(ack.status)"
            case .nack(let nack): "nack \(nack.reason.label): \(nack.message)"
            }
        }
    }

    /// Sends each raw article and collects the answers by request id.
    static func feed(_ articles: [RawArticle], to scraper: WirePeer) async throws -> [String: Answer] {
        for article in articles { try scraper.send(.rawArticle, article) }
        var answers: [String: Answer] = [:]
        for _ in articles {
            let reply = try await scraper.nextReply()
            switch reply.type {
            case .ack:
                let ack = try reply.decode(Ack.self, expecting: .ack)
                answers[ack.requestID] = .ack(ack)
            case .nack:
                let nack = try reply.decode(Nack.self, expecting: .nack)
                answers[nack.requestID] = .nack(nack)
            default:
                Issue.record("unexpected reply \(reply.type.rawValue)")
            }
        }
        return answers
    }

    static func readOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Article id → `stored`, `dead letter: reason` or `rejected: last_error`,
    /// for every article that reached an end.
    static func outcomes(_ pipeline: Pipeline) throws -> [String: String] {
        var result: [String: String] = [:]
        try readOnly(pipeline.databasePath).read { db in
            for id in try String.fetchAll(db, sql: "SELECT id FROM articles") { result[id] = "stored" }
            for row in try Row.fetchAll(db, sql: "SELECT article_id, reason FROM dead_letters") {
                result[row["article_id"]] = "dead letter: \(row["reason"] as String)"
            }
        }
        try readOnly(pipeline.outboxPath).read { db in
            for row in try Row.fetchAll(db, sql: "SELECT article_id, last_error FROM outbox WHERE state = 'rejected'") {
                result[row["article_id"]] = "rejected: \(row["last_error"] as String? ?? "")"
            }
        }
        return result
    }

    /// Article id → the outbox's `attempts` (deliveries after the first).
    static func outboxAttempts(_ pipeline: Pipeline) throws -> [String: Int] {
        try readOnly(pipeline.outboxPath).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT article_id, attempts FROM outbox").map { ($0["article_id"], $0["attempts"]) })
        }
    }
}
