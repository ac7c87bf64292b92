import Foundation
import GRDB
import NewswireClient
import NewswireTesting
import Synchronization
import Testing

/// The SQLite file under a service fails: a disk that fills up, a disk that
/// turns read-only, another process holding the write lock. Each gives a clear
/// error and a retry, never a dead letter, and once the database recovers
/// every acknowledged article is stored exactly once.
///
/// The full and read-only disks are real: a small tmpfs, resized or remounted.
@Suite("Database failures", .serialized, .enabled(if: TemporaryFilesystem.isAvailable, "mounting a tmpfs needs root"))
struct DatabaseFailureTests {
    static func metrics(_ process: RunningProcess) async throws -> String {
        try await process.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
    }

    static func counter(_ address: String, _ sample: String) throws -> Double {
        metricValue(try httpGet(address, "/metrics").body, sample) ?? 0
    }

    /// Stored exactly once: every acked id, nothing else, one stream row per topic row; no dead letters.
    static func expectStoredOnce(_ acked: Set<String>, pipeline: Pipeline) async throws {
        let counts = try await FaultTests.waitUntilStored(acked, in: pipeline.databasePath, timeout: .seconds(120))
        #expect(counts.ids == acked)
        #expect(counts.articles == acked.count)
        #expect(counts.streamRows == counts.topicRows)
        let letters = try await runCommand("newswire", ["dead-letters", "--db", pipeline.databasePath])
        #expect(letters.stdout.contains("no dead letters"), "a failing database never dead-letters: \(letters.stdout)")
    }

    @Test("the consumer's disk fills up: stores fail and are retried; after room is made, all are stored once")
    func consumerDiskFull() async throws {
        let disk = try TemporaryFilesystem(megabytes: 3)
        let pipeline = try await Pipeline(
            producerArguments: ["--metrics", "127.0.0.1:0", "--ack-timeout-ms", "300"],
            databasePath: disk.path("newswire.db"))
        let consumerMetrics = try await Self.metrics(pipeline.consumer)
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(800))
        try await waitUntil("the consumer hits the full disk", timeout: .seconds(60)) {
            try Self.counter(consumerMetrics, #"newswire_consumer_events_rejected_total{reason="internal"}"#) > 0
        }
        #expect(pipeline.consumer.log.contains("full"), "the log says the disk is full")
        #expect(pipeline.consumer.isRunning)
        try disk.resize(megabytes: 256)
        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == 800)
        try await Self.expectStoredOnce(feed.ackedIDs, pipeline: pipeline)
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("the consumer's disk is read-only: it refuses to start, naming the file; the producer keeps the articles until it can")
    func consumerDiskReadOnly() async throws {
        let disk = try TemporaryFilesystem(megabytes: 256)
        let pipeline = try await Pipeline(
            consumerArguments: ["--metrics", ""], producerArguments: ["--metrics", "127.0.0.1:0"],
            databasePath: disk.path("newswire.db"))
        let first = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(100))
        _ = try await first.finish(timeout: .seconds(60))
        _ = try await FaultTests.waitUntilStored(first.ackedIDs, in: pipeline.databasePath)
        pipeline.consumer.signal(SIGTERM)
        #expect(try await pipeline.consumer.waitForExit() == 0)

        // A volume mounted read-only (with no writer open, as after a restart).
        try disk.setReadOnly(true)
        let second = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(100, offset: 100))
        _ = try await second.finish(timeout: .seconds(60))
        let arguments = ["--db", pipeline.databasePath, "--events", pipeline.eventsEndpoint, "--stream", "tcp://127.0.0.1:*", "--replay", "tcp://127.0.0.1:*", "--metrics", ""]
        let refused = try await runCommand("newswire-consumer", arguments, timeout: .seconds(30))
        #expect(refused.status != 0, "a consumer that cannot write its database does not pretend to run")
        #expect(refused.stderr.contains(pipeline.databasePath), "the error names the file: \(refused.stderr)")
        #expect(refused.stderr.lowercased().contains("read"), "the error says why: \(refused.stderr)")

        try disk.setReadOnly(false)
        let consumer = try RunningProcess("newswire-consumer", arguments, directory: pipeline.directory)
        try await Self.expectStoredOnce(first.ackedIDs.union(second.ackedIDs), pipeline: pipeline)
        #expect(first.ackedIDs.count + second.ackedIDs.count == 200)
        pipeline.producer.signal(SIGTERM)
        #expect(try await pipeline.producer.waitForExit() == 0)
        consumer.signal(SIGTERM)
        #expect(try await consumer.waitForExit() == 0)
    }

    @Test("another process holds the consumer's write lock past the busy timeout: retried, then all stored once")
    func consumerDatabaseLocked() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "127.0.0.1:0", "--ack-timeout-ms", "300"])
        let consumerMetrics = try await Self.metrics(pipeline.consumer)
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)
        let before = try FaultTests.storeCounts(pipeline.databasePath).ids

        // Hold the write lock on a thread of our own (the call blocks) for longer than the 5 s busy timeout.
        let lockHeld = LockHolder(path: pipeline.databasePath, seconds: 7)
        try await waitUntil("the lock is taken", timeout: .seconds(10)) { lockHeld.isLocked }
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(50))
        try await waitUntil("the consumer gives up waiting for the lock", timeout: .seconds(30)) {
            try Self.counter(consumerMetrics, #"newswire_consumer_events_rejected_total{reason="internal"}"#) > 0
        }
        #expect(pipeline.consumer.log.contains("locked"), "the log says the database is locked")
        _ = try await feed.finish(timeout: .seconds(60))
        try await waitUntil("the lock is released", timeout: .seconds(20)) { !lockHeld.isLocked }
        try await Self.expectStoredOnce(before.union(feed.ackedIDs), pipeline: pipeline)
        #expect(feed.ackedIDs.count == 50)
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("the producer's outbox disk fills up: ingest refuses with 'internal', never acks what it did not store")
    func outboxDiskFull() async throws {
        let disk = try TemporaryFilesystem(megabytes: 2)
        let pipeline = try await Pipeline(
            consumerArguments: ["--metrics", ""], producerArguments: ["--metrics", "127.0.0.1:0"],
            outboxPath: disk.path("outbox.db"))
        let producerMetrics = try await Self.metrics(pipeline.producer)
        // Stop the consumer so the outbox only grows.
        pipeline.consumer.signal(SIGSTOP)
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(1_000))
        _ = try await feed.finish(timeout: .seconds(120))
        #expect(try Self.counter(producerMetrics, #"newswire_producer_articles_rejected_total{reason="internal"}"#) > 0)
        #expect(feed.failureCount > 0, "the scraper was told, so it can retry")
        #expect(pipeline.producer.log.contains("outbox write failed"))
        #expect(pipeline.producer.isRunning)

        try disk.resize(megabytes: 256)
        pipeline.consumer.signal(SIGCONT)
        let retry = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(1_000))
        let summary = try await retry.finish(timeout: .seconds(120))
        #expect(summary.rejected == 0 && summary.failed == 0, "with room again every article is taken: \(summary)")
        try await Self.expectStoredOnce(retry.ackedIDs, pipeline: pipeline)
        #expect(feed.ackedIDs.isSubset(of: retry.ackedIDs), "what was acked before the disk filled is stored too")
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }
}

/// Holds SQLite's write lock on a database from a thread of its own for a while.
final class LockHolder: Sendable {
    private let locked = Synchronization.Mutex(false)

    init(path: String, seconds: Double) {
        Thread { [self] in
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.inDatabase { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    locked.withLock { $0 = true }
                    Thread.sleep(forTimeInterval: seconds)
                    try db.execute(sql: "ROLLBACK")
                }
            } catch {
                print("LockHolder: \(error)")
            }
            locked.withLock { $0 = false }
        }.start()
    }

    var isLocked: Bool { locked.withLock { $0 } }
}
