import Foundation
import GRDB
import NewswireClient
import NewswireTesting
import Testing

/// Kill either service at any moment: every article acknowledged to a scraper
/// ends up stored exactly once.
@Suite("Faults", .serialized)
struct FaultTests {
    /// What the consumer's database holds.
    struct StoreCounts {
        var ids: Set<String>
        var articles: Int
        var topicRows: Int
        var streamRows: Int
    }

    static func storeCounts(_ path: String) throws -> StoreCounts {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            StoreCounts(
                ids: Set(try String.fetchAll(db, sql: "SELECT id FROM articles")),
                articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                topicRows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_topics") ?? 0,
                streamRows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stream") ?? 0)
        }
    }

    /// Waits until every id in `expected` is stored.
    static func waitUntilStored(_ expected: Set<String>, in path: String, timeout: Duration = .seconds(120)) async throws -> StoreCounts {
        let deadline = ContinuousClock.now + timeout
        var counts = try storeCounts(path)
        while !expected.isSubset(of: counts.ids) {
            if ContinuousClock.now >= deadline {
                throw ProcessFailure("\(expected.subtracting(counts.ids).count) acked articles never stored (of \(expected.count))")
            }
            try await Task.sleep(for: .milliseconds(200))
            counts = try storeCounts(path)
        }
        return counts
    }

    @Test("SIGKILL the consumer three times while 20,000 articles flow: each is stored exactly once")
    func killConsumer() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "", "--ack-timeout-ms", "1000"])
        let total = 20_000
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(total))
        var consumer = pipeline.consumer
        var rng = SystemRandomNumberGenerator()
        for round in 1...3 {
            try await feed.waitForAcks(round * total / 5 + Int.random(in: 0..<1000, using: &rng))
            consumer.signal(SIGKILL)
            _ = try await consumer.waitForExit()
            try await Task.sleep(for: .milliseconds(Int.random(in: 50..<500, using: &rng)))
            consumer = try RunningProcess(
                "newswire-consumer",
                ["--db", pipeline.databasePath, "--events", pipeline.eventsEndpoint, "--stream", "tcp://127.0.0.1:*", "--replay", "tcp://127.0.0.1:*", "--metrics", ""],
                directory: pipeline.directory)
            _ = try await consumer.waitForLog("consumer ready")
        }
        let summary = try await feed.finish(timeout: .seconds(300))
        #expect(summary.accepted == total, "the producer keeps accepting while the consumer is down: \(summary)")
        let counts = try await Self.waitUntilStored(feed.ackedIDs, in: pipeline.databasePath, timeout: .seconds(300))
        #expect(counts.articles == total)
        #expect(counts.ids == feed.ackedIDs)
        #expect(counts.streamRows == counts.topicRows, "each topic message recorded once")

        pipeline.producer.signal(SIGTERM)
        #expect(try await pipeline.producer.waitForExit() == 0)
        consumer.signal(SIGTERM)
        #expect(try await consumer.waitForExit() == 0)
    }

    @Test("SIGKILL the producer while a scraper feeds 10,000 articles: every acked one is stored exactly once")
    func killProducer() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", ""])
        let total = 10_000
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(total), timeout: .seconds(3))
        var producer = pipeline.producer
        for round in 1...2 {
            try await feed.waitForAcks(round * total / 3)
            producer.signal(SIGKILL)
            _ = try await producer.waitForExit()
            // Same outbox, same ingest endpoint: the scraper's socket reconnects by itself.
            producer = try RunningProcess(
                "newswire-producer",
                ["--outbox", pipeline.outboxPath, "--ingest", pipeline.ingestEndpoint, "--consumer", pipeline.eventsEndpoint, "--metrics", ""],
                directory: pipeline.directory)
            _ = try await producer.waitForLog("producer ready")
        }
        let summary = try await feed.finish(timeout: .seconds(300))
        #expect(summary.accepted + summary.duplicates + summary.failed == total)
        #expect(feed.ackedCount > total / 2)
        let counts = try await Self.waitUntilStored(feed.ackedIDs, in: pipeline.databasePath, timeout: .seconds(300))
        // Articles committed to the outbox just before a kill (never acked) may be stored too; none twice.
        #expect(counts.ids.isSuperset(of: feed.ackedIDs))
        #expect(counts.articles == counts.ids.count)
        #expect(counts.streamRows == counts.topicRows)

        producer.signal(SIGTERM)
        #expect(try await producer.waitForExit() == 0)
        pipeline.consumer.signal(SIGTERM)
        #expect(try await pipeline.consumer.waitForExit() == 0)
    }

    /// Resident memory of a running process, from /proc (Linux).
    static func residentMegabytes(_ process: RunningProcess) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kilobytes = try #require(Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kilobytes / 1024
    }

    @Test("the consumer is down while 20,000 articles are fed: the backlog waits on disk with producer memory flat, then drains once")
    func backlogWhileConsumerDown() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "", "--max-outbox", "100000"])
        pipeline.consumer.signal(SIGTERM)
        #expect(try await pipeline.consumer.waitForExit() == 0)

        let total = 20_000
        let warmUp = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(2_000))
        _ = try await warmUp.finish(timeout: .seconds(120))
        let early = try Self.residentMegabytes(pipeline.producer)
        let rest = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(total - 2_000, offset: 2_000))
        _ = try await rest.finish(timeout: .seconds(300))
        let late = try Self.residentMegabytes(pipeline.producer)
        let acked = warmUp.ackedIDs.union(rest.ackedIDs)
        #expect(acked.count == total)
        // 18,000 more articles (about 80 MB of events) went to disk, not to memory.
        #expect(late - early < 25, "producer RSS grew from \(early) MB to \(late) MB while the backlog grew by 18,000 articles")

        let consumer = try RunningProcess(
            "newswire-consumer",
            ["--db", pipeline.databasePath, "--events", pipeline.eventsEndpoint, "--stream", "tcp://127.0.0.1:*", "--replay", "tcp://127.0.0.1:*", "--metrics", ""],
            directory: pipeline.directory)
        let counts = try await Self.waitUntilStored(acked, in: pipeline.databasePath, timeout: .seconds(300))
        #expect(counts.articles == total)
        #expect(counts.ids == acked)
        #expect(counts.streamRows == counts.topicRows)
        let drained = try Self.residentMegabytes(pipeline.producer)
        #expect(drained - early < 40, "producer RSS after draining: \(drained) MB (was \(early) MB)")

        pipeline.producer.signal(SIGTERM)
        #expect(try await pipeline.producer.waitForExit() == 0)
        consumer.signal(SIGTERM)
        #expect(try await consumer.waitForExit() == 0)
    }
}
