import Foundation
import GRDB
import NewsModels
import NewswireClient
import NewswireProducer
import NewswireTesting
import SwiftProtobuf
import Testing

/// Events go from ingest to delivery in memory once committed; the outbox is
/// read only for rows pending at start and when that in-memory queue is full.
/// The real services, counted through the producer's `/metrics`.
@Suite("Handoff from ingest to delivery", .serialized)
struct HandoffTests {
    static let any = "tcp://127.0.0.1:*"

    /// A consumer on the pipeline's files and events endpoint (after the first one stopped).
    static func restartConsumer(_ pipeline: Pipeline) throws -> RunningProcess {
        try RunningProcess(
            "newswire-consumer",
            ["--db", pipeline.databasePath, "--events", pipeline.eventsEndpoint, "--stream", any, "--replay", any, "--metrics", ""],
            directory: pipeline.directory)
    }

    /// A producer on the pipeline's outbox, with its metrics on a free port.
    static func restartProducer(_ pipeline: Pipeline) async throws -> (process: RunningProcess, ingest: String, metrics: MetricsReader) {
        let producer = try RunningProcess(
            "newswire-producer",
            ["--outbox", pipeline.outboxPath, "--ingest", any, "--consumer", pipeline.eventsEndpoint, "--metrics", "127.0.0.1:0"],
            directory: pipeline.directory)
        let ingest = try await producer.waitForLog(#"ingest"?[=:]"?(tcp://[0-9.]+:[0-9]+)"#)
        return (producer, ingest, try await MetricsReader(producer))
    }

    static func stop(_ processes: RunningProcess...) async throws {
        for process in processes {
            process.signal(SIGTERM)
            #expect(try await process.waitForExit() == 0, "\(process.name): \(process.log.suffix(2_000))")
        }
    }

    @Test("in steady state every event is delivered from memory: no outbox read at all")
    func steadyStateReadsNothing() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.producer)
        let count = 300
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(count))
        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == count, "\(summary)")
        let stored = try await FaultTests.waitUntilStored(feed.ackedIDs, in: pipeline.databasePath)
        #expect(stored.articles == count)
        #expect(try await metrics.wait("newswire_producer_events_acked_total", toReach: Double(count)) == Double(count))
        #expect(try metrics.value("newswire_producer_handoff_events_total") == Double(count))
        #expect(try metrics.value("newswire_producer_outbox_reads_total") == 0)
        #expect(try metrics.value("newswire_producer_outbox_events_read_total") == 0)
        #expect(try metrics.value("newswire_producer_handoff_overflows_total") == 0)
        _ = try await pipeline.stop()
        #expect(try LifecycleTests.outboxStates(pipeline.outboxPath) == ["delivered": count])
    }

    @Test("rows left pending by a producer killed with SIGKILL are read from the outbox after restart and delivered once; new ones then come from memory")
    func pendingRowsAfterKill() async throws {
        let pipeline = try await Pipeline()
        try await Self.stop(pipeline.consumer)
        let count = 200
        let first = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(count))
        #expect(try await first.finish(timeout: .seconds(120)).accepted == count, "acked while no consumer runs: committed to the outbox")
        pipeline.producer.signal(SIGKILL)
        _ = try await pipeline.producer.waitForExit()
        #expect(try LifecycleTests.outboxStates(pipeline.outboxPath) == ["pending": count])

        let consumer = try Self.restartConsumer(pipeline)
        let producer = try await Self.restartProducer(pipeline)
        _ = try await FaultTests.waitUntilStored(first.ackedIDs, in: pipeline.databasePath)
        #expect(try await producer.metrics.wait("newswire_producer_events_acked_total", toReach: Double(count)) == Double(count))
        #expect(try producer.metrics.value("newswire_producer_outbox_events_read_total") == Double(count), "each pending row read once")
        #expect(try producer.metrics.value("newswire_producer_outbox_reads_total") >= 1)

        let more = 100
        let second = BackgroundFeed(endpoint: producer.ingest, items: GeneratedArticles.items(more, offset: count))
        #expect(try await second.finish(timeout: .seconds(120)).accepted == more)
        let stored = try await FaultTests.waitUntilStored(first.ackedIDs.union(second.ackedIDs), in: pipeline.databasePath)
        #expect(stored.articles == count + more, "each stored once")
        #expect(try await producer.metrics.wait("newswire_producer_events_acked_total", toReach: Double(count + more)) == Double(count + more))
        #expect(try producer.metrics.value("newswire_producer_handoff_events_total") == Double(more))
        #expect(try producer.metrics.value("newswire_producer_outbox_events_read_total") == Double(count), "no outbox read once caught up")
        try await Self.stop(producer.process, consumer)
        #expect(try LifecycleTests.outboxStates(pipeline.outboxPath) == ["delivered": count + more])
    }

    @Test("while no consumer takes events the in-memory queue fills, the rest is read from the outbox, and each event is stored once")
    func overflowFallsBackToOutbox() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.producer)
        try await Self.stop(pipeline.consumer)
        // More than the delivery window (512) and the queue (1,024) together.
        let count = 2_000
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(count))
        #expect(try await feed.finish(timeout: .seconds(300)).accepted == count)
        #expect(try metrics.value("newswire_producer_handoff_overflows_total") >= 1)

        let consumer = try Self.restartConsumer(pipeline)
        let stored = try await FaultTests.waitUntilStored(feed.ackedIDs, in: pipeline.databasePath, timeout: .seconds(300))
        #expect(stored.articles == count && stored.ids == feed.ackedIDs)
        #expect(stored.streamRows == stored.topicRows)
        #expect(try await metrics.wait("newswire_producer_events_acked_total", toReach: Double(count)) == Double(count))
        let fromMemory = try metrics.value("newswire_producer_handoff_events_total")
        let fromOutbox = try metrics.value("newswire_producer_outbox_events_read_total")
        #expect(fromOutbox > 0 && fromMemory > 0, "memory \(fromMemory), outbox \(fromOutbox)")
        #expect(fromMemory + fromOutbox >= Double(count), "memory \(fromMemory), outbox \(fromOutbox)")
        try await Self.stop(pipeline.producer, consumer)
        #expect(try LifecycleTests.outboxStates(pipeline.outboxPath) == ["delivered": count])
    }

    @Test("an outbox written by the previous schema (v1) is upgraded at start and its pending rows are delivered")
    func upgradesV1OutboxAndDelivers() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-outbox-v1")
        let path = directory.path("outbox.db")
        let intake = ArticleIntake()
        let queue = try DatabaseQueue(path: path)
        let pendingIDs = try await queue.write { db -> Set<String> in
            var pendingIDs: Set<String> = []
            for statement in LegacyOutboxSchema.v1 { try db.execute(sql: statement) }
            for index in 0..<25 {
                var raw = RawArticle()
                raw.source = "legacy"
                raw.url = "https://example.com/legacy/\(index)"
                raw.text = GeneratedArticles.fixtureSized.text(10_000 + index)
                let accepted = try intake.accept(raw)
                let event = accepted.event
                try db.execute(
                    sql: LegacyOutboxSchema.v1Insert,
                    arguments: [event.articleID, event.source, event.url, event.article.title, Data(accepted.eventBytes), Date().timeIntervalSince1970])
                if index < 5 {
                    try db.execute(sql: "UPDATE outbox SET state = 'delivered', event = NULL WHERE article_id = ?", arguments: [event.articleID])
                } else {
                    pendingIDs.insert(event.articleID)
                }
            }
            return pendingIDs
        }
        try queue.close()

        let pipeline = try await Pipeline(outboxPath: path)
        let metrics = try await MetricsReader(pipeline.producer)
        let stored = try await FaultTests.waitUntilStored(pendingIDs, in: pipeline.databasePath)
        #expect(stored.ids == pendingIDs, "the pending rows, and not the delivered ones")
        #expect(try await metrics.wait("newswire_producer_events_acked_total", toReach: 20) == 20)
        #expect(try metrics.value("newswire_producer_outbox_events_read_total") == 20)
        _ = try await pipeline.stop()
        #expect(try LifecycleTests.outboxStates(path) == ["delivered": 25])
        let schema = try await DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'outbox'") ?? ""
        }
        #expect(!schema.uppercased().contains("AUTOINCREMENT"), "\(schema)")
        withExtendedLifetime(directory) {}
    }
}
