import Foundation
import NewswireTesting
import Testing

/// Metrics, health and readiness over HTTP from the real services.
@Suite("Observability", .serialized)
struct ObservabilityTests {
    @Test("counters on /metrics match what was fed; health and readiness answer; SIGTERM exits 0")
    func metricsMatchTheFeed() async throws {
        let pipeline = try await Pipeline()
        let producerMetrics = try await pipeline.producer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        let consumerMetrics = try await pipeline.consumer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)

        let empty = pipeline.directory.path("empty.txt")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path, empty])
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)

        // Acks reach the producer's outbox shortly after the consumer stores.
        var producer = ""
        for _ in 0..<100 {
            producer = try httpGet(producerMetrics, "/metrics").body
            if metricValue(producer, "newswire_producer_events_acked_total") == 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(metricValue(producer, "newswire_producer_articles_received_total") == 4)
        #expect(metricValue(producer, "newswire_producer_articles_accepted_total") == 2)
        #expect(metricValue(producer, "newswire_producer_articles_duplicate_total") == 1)
        #expect(metricValue(producer, #"newswire_producer_articles_rejected_total{reason="invalid-article"}"#) == 1)
        #expect(metricValue(producer, "newswire_producer_events_published_total") == 2)
        #expect(metricValue(producer, "newswire_producer_events_acked_total") == 2)
        #expect(metricValue(producer, "newswire_producer_outbox_depth") == 0)
        #expect(producer.contains("newswire_producer_ingest_seconds_bucket"))

        let consumer = try httpGet(consumerMetrics, "/metrics").body
        #expect(metricValue(consumer, "newswire_consumer_events_received_total") == 2)
        #expect(metricValue(consumer, "newswire_consumer_articles_stored_total") == 2)
        #expect(metricValue(consumer, #"newswire_consumer_articles_classified_total{topic="syria-talks"}"#) == 2)
        #expect(metricValue(consumer, #"newswire_consumer_articles_classified_total{topic="snowden-request"}"#) == 1)
        #expect(consumer.contains("newswire_consumer_processing_seconds_bucket"))

        for address in [producerMetrics, consumerMetrics] {
            #expect(try httpGet(address, "/healthz").status == 200)
            #expect(try httpGet(address, "/readyz").status == 200)
            #expect(try httpGet(address, "/nope").status == 404)
        }

        let started = ContinuousClock.now
        let statuses = try await pipeline.stop(timeout: .seconds(15))
        #expect(statuses.producer == 0 && statuses.consumer == 0)
        #expect(ContinuousClock.now - started < .seconds(15), "both stop within their grace periods")
    }

    @Test("--log-format json writes one JSON object per line with the article metadata; per-article lines are debug")
    func jsonLogs() async throws {
        let pipeline = try await Pipeline(
            consumerArguments: ["--metrics", "", "--log-format", "json", "--log-level", "debug"],
            producerArguments: ["--metrics", "", "--log-format", "json"])
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        _ = try await PipelineTests.storedArticles(pipeline, count: 1)
        _ = try await pipeline.stop()
        let lines = pipeline.consumer.log.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(!lines.isEmpty)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]) }
        let stored = try #require(objects.first { $0["msg"] == "article stored" })
        #expect(stored["article_id"]?.count == 32)
        #expect(stored["source"] == "newswire-feed")
        #expect(stored["topics"]?.contains("syria-talks") == true)
        #expect(stored["level"] == "debug")
        #expect(!pipeline.producer.log.contains("article accepted"), "per-article lines stay out of the default info level")
    }
}
