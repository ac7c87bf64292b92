import Foundation
import GRDB
import NewswireTesting
import Testing

/// Poison events: one the consumer cannot store goes to its dead letters after
/// the allowed attempts, is counted, never holds back the others, and can be
/// requeued once its cause is fixed.
@Suite("Dead letters", .serialized)
struct DeadLetterTests {
    @Test("a poison event is dead-lettered after --max-attempts; the rest are stored; requeue stores it once fixed")
    func poisonEvent() async throws {
        let pipeline = try await Pipeline(
            consumerArguments: ["--metrics", "127.0.0.1:0", "--max-attempts", "2"],
            producerArguments: ["--metrics", "127.0.0.1:0", "--ack-timeout-ms", "200"])
        let consumerMetrics = try await pipeline.consumer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        let producerMetrics = try await pipeline.producer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)

        // A real SQLite failure that only this article meets: a trigger refusing it.
        let database = try DatabaseQueue(path: pipeline.databasePath, configuration: { var c = Configuration(); c.busyMode = .timeout(5); return c }())
        try await database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER poison BEFORE INSERT ON articles WHEN NEW.source = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned article refused by trigger'); END
                """)
        }

        let seeds = Fixtures.url("seeds").path
        let healthy = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, seeds])
        #expect(healthy.status == 0, "\(healthy.stderr)")
        let poison = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, "--source", "poison", Fixtures.url(Fixtures.firstSeed).path])
        #expect(poison.status == 0, "the producer accepts it: \(poison.stderr)")

        try await waitUntil("the poison event is dead-lettered") {
            metricValue(try httpGet(consumerMetrics, "/metrics").body, "newswire_consumer_events_dead_lettered_total") == 1
        }
        let stored = try await PipelineTests.storedArticles(pipeline, count: 2)
        #expect(stored.map(\.source).sorted() == ["newswire-feed", "newswire-feed"], "the healthy articles are stored; the poison one is not")

        let listing = try await runCommand("newswire", ["dead-letters", "--db", pipeline.databasePath, "--json"])
        #expect(listing.status == 0)
        let letters = try listing.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(letters.count == 1)
        #expect(letters.first?["source"] as? String == "poison")
        #expect(letters.first?["attempts"] as? Int == 2)
        #expect((letters.first?["reason"] as? String)?.contains("poisoned article refused by trigger") == true)

        // The producer holds nothing back: the dead letter was acknowledged.
        try await waitUntil("the producer's outbox drains", timeout: .seconds(10)) {
            metricValue(try httpGet(producerMetrics, "/metrics").body, "newswire_producer_outbox_depth") == 0
        }
        #expect(metricValue(try httpGet(producerMetrics, "/metrics").body, "newswire_producer_events_dead_lettered_total") == 1)

        let status = try await runCommand("newswire", ["status", "--json", "--producer", producerMetrics, "--consumer", consumerMetrics])
        let documents = status.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let consumerStatus = documents.first { $0["service"] as? String == "newswire-consumer" }
        #expect((consumerStatus?["database"] as? [String: Any])?["dead_letters"] as? Int == 1, "\(status.stdout)")
        #expect((consumerStatus?["counts"] as? [String: Any])?["dead_lettered"] as? Int == 1, "\(status.stdout)")

        // Requeue before the fix: still failing, still a dead letter.
        let early = try await runCommand("newswire", ["dead-letters", "--db", pipeline.databasePath, "--requeue-all", "--events", pipeline.eventsEndpoint])
        #expect(early.status != 0)
        #expect(early.stdout.contains("refused"), "\(early.stdout)")

        // Fix the cause, requeue: stored once, and the dead letter is gone.
        try await database.write { db in try db.execute(sql: "DROP TRIGGER poison") }
        let requeue = try await runCommand("newswire", ["dead-letters", "--db", pipeline.databasePath, "--requeue-all", "--events", pipeline.eventsEndpoint])
        #expect(requeue.status == 0, "\(requeue.stdout) \(requeue.stderr)")
        #expect(requeue.stdout.contains("stored"))
        #expect(requeue.stdout.contains("requeued 1 of 1"))
        let after = try await PipelineTests.storedArticles(pipeline, count: 3)
        #expect(after.filter { $0.source == "poison" }.count == 1)
        let empty = try await runCommand("newswire", ["dead-letters", "--db", pipeline.databasePath])
        #expect(empty.stdout.contains("no dead letters"))

        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }
}
