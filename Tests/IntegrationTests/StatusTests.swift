import Foundation
import NewswireObservability
import NewswireTesting
import Testing
import ZeroMQ

/// `GET /status` on the real services and `newswire status` reading it.
@Suite("Status", .serialized)
struct StatusTests {
    /// The HTTP addresses the pipeline's services bound (`--metrics 127.0.0.1:0`).
    static func httpAddresses(_ pipeline: Pipeline) async throws -> (producer: String, consumer: String) {
        let pattern = #"metrics=http://([0-9.]+:[0-9]+)/metrics"#
        return (try await pipeline.producer.waitForLog(pattern), try await pipeline.consumer.waitForLog(pattern))
    }

    /// Polls `/status` at `address` until `condition` holds, and returns that document.
    static func status(_ address: String, until condition: (ServiceStatus) -> Bool, timeout: Duration = .seconds(30)) async throws -> ServiceStatus {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try ServiceStatus(json: Array(try httpGet(address, "/status").body.utf8))
            if condition(status) { return status }
            if ContinuousClock.now >= deadline { throw ProcessFailure("the status at \(address) never matched; last: \(status)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test("after a feed, /status and `newswire status` show both services' counts, peers and stored articles")
    func statusAfterFeed() async throws {
        let pipeline = try await Pipeline()
        let http = try await Self.httpAddresses(pipeline)
        // Two articles, one empty file (rejected) and the first article again (duplicate).
        let empty = pipeline.directory.path("empty.txt")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path, empty])
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])

        // Acks reach the producer shortly after the consumer stores; the feed clients' connections close.
        let producer = try await Self.status(http.producer) { $0.counts["acked"] == 2 && $0.connectedPeers["ingest"] == 0 }
        let consumer = try await Self.status(http.consumer) { $0.database["articles"] == 2 }

        #expect(producer.service == "newswire-producer")
        #expect(producer.version == ServiceStatus.softwareVersion)
        #expect(producer.processID == pipeline.producer.processIdentifier)
        #expect(producer.ready)
        #expect(producer.counts == ["received": 4, "accepted": 2, "duplicates": 1, "rejected": 1, "published": 2, "acked": 2, "redelivered": 0, "dead_lettered": 0, "parked": 0, "nacks_unmatched": 0])
        #expect(producer.rejectedByReason == ["invalid-article": 1])
        #expect(producer.outboxDepth == 0)
        #expect(producer.database == ["pending": 0, "delivered": 2, "rejected": 0])
        #expect(producer.connectedPeers == ["ingest": 0, "consumer": 1])
        #expect(producer.endpoints["ingest"] == pipeline.ingestEndpoint)
        #expect(producer.endpoints["consumer"] == pipeline.eventsEndpoint)
        #expect(producer.endpoints["outbox"] == pipeline.outboxPath)
        #expect(producer.endpoints["http"] == http.producer)

        #expect(consumer.service == "newswire-consumer")
        #expect(consumer.processID == pipeline.consumer.processIdentifier)
        #expect(consumer.counts == ["received": 2, "stored": 2, "duplicates": 0, "rejected": 0, "published": 4, "dead_lettered": 0])
        #expect(consumer.classifiedByTopic == ["syria-talks": 2, "snowden-request": 1, "arms-supply": 1])
        #expect(consumer.database == ["articles": 2, "dead_letters": 0, "topic:syria-talks": 2, "topic:snowden-request": 1, "topic:arms-supply": 1])
        #expect(consumer.connectedPeers == ["events": 1, "stream": 0, "replay": 0])
        #expect(consumer.endpoints["stream"] == pipeline.streamEndpoint)
        #expect(consumer.endpoints["db"] == pipeline.databasePath)
        #expect(consumer.outboxDepth == nil)

        // The counts are the metrics' counts.
        let metrics = try httpGet(http.producer, "/metrics").body
        #expect(metricValue(metrics, "newswire_producer_articles_received_total") == 4)
        #expect(metricValue(metrics, #"newswire_producer_articles_rejected_total{reason="invalid-article"}"#) == 1)

        let summary = try await runCommand("newswire", ["status", "--producer", http.producer, "--consumer", http.consumer])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("newswire-producer \(ServiceStatus.softwareVersion) (libzmq "))
        #expect(summary.stdout.contains("  counts     received=4  accepted=2  duplicates=1  rejected=1  published=2  acked=2  redelivered=0"))
        #expect(summary.stdout.contains("  rejected   invalid-article=1"))
        #expect(summary.stdout.contains("  outbox     pending=0  delivered=2  rejected=0"))
        #expect(summary.stdout.contains("  peers      events=1  replay=0  stream=0"))
        #expect(summary.stdout.contains("  topics     arms-supply=1  snowden-request=1  syria-talks=2"))
        #expect(summary.stdout.contains("  database   articles=2  dead_letters=0  topic:arms-supply=1  topic:snowden-request=1  topic:syria-talks=2"))

        let json = try await runCommand("newswire", ["status", "--json", "--producer", http.producer, "--consumer", http.consumer])
        #expect(json.status == 0)
        let documents = try json.stdout.split(separator: "\n").map { try ServiceStatus(json: Array($0.utf8)) }
        #expect(documents.map(\.service) == ["newswire-producer", "newswire-consumer"])
        #expect(documents.first?.counts == producer.counts)
        #expect(documents.last?.database == consumer.database)

        // Ports swapped: each answer names the service it really came from.
        let swapped = try await runCommand("newswire", ["status", "--producer", http.consumer, "--consumer", ""])
        #expect(swapped.status == 1)
        #expect(swapped.stderr.contains("newswire status: the producer at http://\(http.consumer)/status: this is newswire-consumer, not newswire-producer"))

        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("peers follow real connections; with the consumer gone, status exits 1 naming its endpoint")
    func peersAndUnreachableService() async throws {
        let pipeline = try await Pipeline()
        let http = try await Self.httpAddresses(pipeline)

        // A subscriber joins the stream and leaves again.
        let context = try Context()
        let subscriber = try Socket(context: context, type: .sub)
        try subscriber.subscribe()
        try subscriber.connect(pipeline.streamEndpoint)
        _ = try await Self.status(http.consumer) { $0.connectedPeers["stream"] == 1 }
        subscriber.close()
        _ = try await Self.status(http.consumer) { $0.connectedPeers["stream"] == 0 }

        pipeline.consumer.signal(SIGTERM)
        #expect(try await pipeline.consumer.waitForExit() == 0)
        // The producer notices its consumer is gone.
        _ = try await Self.status(http.producer) { $0.connectedPeers["consumer"] == 0 }

        let result = try await runCommand("newswire", ["status", "--producer", http.producer, "--consumer", http.consumer])
        #expect(result.status == 1)
        #expect(result.stdout.contains("newswire-producer"), "the reachable service is still shown")
        #expect(result.stderr.contains("newswire status: the consumer at http://\(http.consumer)/status: cannot connect"), "\(result.stderr)")

        pipeline.producer.signal(SIGTERM)
        #expect(try await pipeline.producer.waitForExit() == 0)
    }
}
