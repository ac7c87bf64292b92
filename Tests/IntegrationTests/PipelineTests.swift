import Foundation
import NewswireTesting
import Testing

/// The whole path, for real: the two executables as processes on loopback TCP,
/// `newswire feed` as a third, and the SQLite file they write.
@Suite("Pipeline end to end", .serialized)
struct PipelineTests {
    struct QueryLine: Decodable {
        struct Topic: Decodable { var id: String; var score: Double }
        var id: String
        var title: String
        var source: String
        var topics: [Topic]
    }

    /// Polls `newswire query --json` until `count` articles are stored.
    static func storedArticles(_ pipeline: Pipeline, count: Int, timeout: Duration = .seconds(30)) async throws -> [QueryLine] {
        let deadline = ContinuousClock.now + timeout
        var lines: [QueryLine] = []
        while ContinuousClock.now < deadline {
            let result = try await runCommand("newswire", ["query", "--db", pipeline.databasePath, "--json"])
            if result.status == 0 {
                lines = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(QueryLine.self, from: Data($0.utf8)) }
                if lines.count >= count { return lines }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure("only \(lines.count) of \(count) articles stored within \(timeout)\nconsumer:\n\(pipeline.consumer.log)\nproducer:\n\(pipeline.producer.log)")
    }

    @Test("both samples are fed, classified, stored once, and both services stop cleanly")
    func samplesFlowThrough() async throws {
        let pipeline = try await Pipeline()
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0, "feed failed: \(feed.stdout) \(feed.stderr)")
        #expect(feed.stdout.contains("accepted 2, duplicate 0, rejected 0, failed 0"))

        let stored = try await Self.storedArticles(pipeline, count: 2)
        #expect(stored.count == 2)
        let first = try #require(stored.first { $0.title == "Kerry Says US and Russia Are Working Toward Syria Talks" })
        let second = try #require(stored.first { $0.title == "Kerry says Syria peace talks not likely until September" })
        #expect(Set(first.topics.map(\.id)) == ["syria-talks", "snowden-request", "arms-supply"])
        #expect(second.topics.map(\.id).contains("syria-talks"))
        #expect(!second.topics.map(\.id).contains("snowden-request"))
        for topic in first.topics + second.topics { #expect(topic.score > 0 && topic.score <= 1) }

        // The same files again: recognised as duplicates, nothing stored twice.
        let again = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("accepted 0, duplicate 2"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await Self.storedArticles(pipeline, count: 2).count == 2)

        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0, "producer log:\n\(pipeline.producer.log)")
        #expect(statuses.consumer == 0, "consumer log:\n\(pipeline.consumer.log)")
    }

    @Test("a rejected article makes feed exit non-zero and the service keeps serving")
    func rejectedArticle() async throws {
        let pipeline = try await Pipeline()
        let empty = pipeline.directory.path("empty.txt")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, empty])
        #expect(feed.status == 1)
        #expect(feed.stdout.contains("rejected"))
        #expect(feed.stdout.contains("invalid-article"))

        let good = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        #expect(good.status == 0)
        _ = try await Self.storedArticles(pipeline, count: 1)
        _ = try await pipeline.stop()
    }

    @Test("articles accepted while the consumer is down are delivered once it starts")
    func consumerStartsLater() async throws {
        let pipeline = try await Pipeline()
        pipeline.consumer.signal(SIGKILL)
        _ = try await pipeline.consumer.waitForExit()
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0, "the outbox accepts while the consumer is down: \(feed.stdout)")

        // Same database and endpoint: the producer reconnects and delivers the backlog.
        let restarted = try RunningProcess(
            "newswire-consumer",
            ["--db", pipeline.databasePath, "--events", pipeline.eventsEndpoint, "--stream", "tcp://127.0.0.1:*", "--replay", "tcp://127.0.0.1:*"],
            directory: pipeline.directory)
        _ = try await restarted.waitForLog("consumer ready")
        let stored = try await Self.storedArticles(pipeline, count: 2)
        #expect(stored.count == 2)
        pipeline.producer.signal(SIGTERM)
        #expect(try await pipeline.producer.waitForExit() == 0)
        restarted.signal(SIGTERM)
        #expect(try await restarted.waitForExit() == 0)
    }
}
