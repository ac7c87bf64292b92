import Foundation
import GRDB
import NewswireClient
import NewswireObservability
import NewswireTesting
import Testing

/// SIGTERM: each service drains, closes its sockets, checkpoints its SQLite
/// WAL, and exits 0 within `--shutdown-grace-seconds`.
@Suite("Lifecycle", .serialized)
struct LifecycleTests {
    /// Slack for seeing the exit from here (polling, a busy machine). The
    /// services enforce their grace period themselves: past it they exit with
    /// status 1, which the status checks below would catch.
    static let observationSlack: Duration = .seconds(1)

    /// True when SQLite left no WAL next to `database`, or an empty one.
    static func walIsEmpty(_ database: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        return size == 0
    }

    /// The outbox's rows by state.
    static func outboxStates(_ path: String) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            var states: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") { states[row["state"]] = row["n"] }
            return states
        }
    }

    /// Waits for `process` to exit; returns its status and how long it took from `signalled`.
    static func exitAfterSignal(of process: RunningProcess, signalled: ContinuousClock.Instant, grace: Int) async throws -> (status: Int32, elapsed: Duration) {
        let status = try await process.waitForExit(timeout: .seconds(grace) * 4)
        return (status, ContinuousClock.now - signalled)
    }

    @Test("SIGTERM to both after a feed: each exits 0 within its grace period, the WAL files are empty or gone, every article is stored")
    func gracefulStopAfterFeed() async throws {
        let grace = 5
        let arguments = ["--metrics", "127.0.0.1:0", "--shutdown-grace-seconds", "\(grace)"]
        let pipeline = try await Pipeline(consumerArguments: arguments, producerArguments: arguments)
        let count = 60
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(count))
        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == count && summary.allStored, "\(summary)")
        _ = try await FaultTests.waitUntilStored(feed.ackedIDs, in: pipeline.databasePath)

        let signalled = ContinuousClock.now
        pipeline.producer.signal(SIGTERM)
        pipeline.consumer.signal(SIGTERM)
        let producer = try await Self.exitAfterSignal(of: pipeline.producer, signalled: signalled, grace: grace)
        let consumer = try await Self.exitAfterSignal(of: pipeline.consumer, signalled: signalled, grace: grace)
        #expect(producer.status == 0, "\(pipeline.producer.log)")
        #expect(consumer.status == 0, "\(pipeline.consumer.log)")
        #expect(producer.elapsed < .seconds(grace) + Self.observationSlack, "producer took \(producer.elapsed)")
        #expect(consumer.elapsed < .seconds(grace) + Self.observationSlack, "consumer took \(consumer.elapsed)")

        #expect(Self.walIsEmpty(pipeline.databasePath), "the consumer left a non-empty WAL")
        #expect(Self.walIsEmpty(pipeline.outboxPath), "the producer left a non-empty WAL")
        #expect(pipeline.consumer.log.contains("checkpoint \(pipeline.databasePath): done"))
        #expect(pipeline.producer.log.contains("checkpoint \(pipeline.outboxPath): done"))

        let stored = try FaultTests.storeCounts(pipeline.databasePath)
        #expect(stored.ids == feed.ackedIDs)
        #expect(stored.articles == count)
        #expect(try Self.outboxStates(pipeline.outboxPath) == ["delivered": count])
    }

    @Test("a producer whose consumer stopped answering exits 0 within its grace period and keeps the unacked article")
    func gracefulStopWithUnackedEvent() async throws {
        let grace = 3
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "127.0.0.1:0", "--shutdown-grace-seconds", "\(grace)"])
        let producerHTTP = try await pipeline.producer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        // The consumer keeps its connection but answers nothing.
        pipeline.consumer.signal(SIGSTOP)
        defer { pipeline.consumer.signal(SIGCONT) }
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        #expect(feed.status == 0, "the producer acks once the outbox holds the article: \(feed.stdout)")
        _ = try await StatusTests.status(producerHTTP) { $0.counts["published"] == 1 }

        let signalled = ContinuousClock.now
        pipeline.producer.signal(SIGTERM)
        let producer = try await Self.exitAfterSignal(of: pipeline.producer, signalled: signalled, grace: grace)
        #expect(producer.status == 0, "\(pipeline.producer.log)")
        #expect(producer.elapsed < .seconds(grace) + Self.observationSlack, "producer took \(producer.elapsed)")
        #expect(pipeline.producer.log.contains("unacked=1"))
        #expect(Self.walIsEmpty(pipeline.outboxPath), "the producer left a non-empty WAL")
        #expect(try Self.outboxStates(pipeline.outboxPath) == ["pending": 1], "the article waits for the next start")

        pipeline.consumer.signal(SIGCONT)
        pipeline.consumer.signal(SIGTERM)
        #expect(try await pipeline.consumer.waitForExit() == 0)
        #expect(Self.walIsEmpty(pipeline.databasePath), "the consumer left a non-empty WAL")
    }

    @Test("--shutdown-grace-seconds below 1 is refused, naming the flag")
    func graceMustBePositive() async throws {
        for executable in ["newswire-producer", "newswire-consumer"] {
            let result = try await runCommand(executable, ["--shutdown-grace-seconds", "0", "--print-config"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--shutdown-grace-seconds: must be at least 1, got 0"), "\(executable): \(result.stderr)")
        }
    }
}
