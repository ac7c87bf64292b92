import Foundation
import NewswireTesting
import Testing

/// A custom taxonomy file, and SIGHUP reloading it in a running consumer.
@Suite("Taxonomy reload", .serialized)
struct TaxonomyReloadTests {
    static func taxonomy(topic: String, phrase: String) -> String {
        """
        name: reload-test
        version: "\(topic)"
        topics:
          - id: \(topic)
            label: \(topic)
            phrases:
              - text: \(phrase)
                weight: 3
        """
    }

    @Test("SIGHUP swaps in an edited taxonomy; a broken edit keeps the one in use")
    func reload() async throws {
        let directory = try TemporaryDirectory()
        let topicsFile = directory.path("topics.yaml")
        try Self.taxonomy(topic: "kerry", phrase: "kerry").write(toFile: topicsFile, atomically: true, encoding: .utf8)
        let pipeline = try await Pipeline(consumerArguments: ["--metrics", "", "--topics", topicsFile])
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        let first = try await PipelineTests.storedArticles(pipeline, count: 1)
        #expect(first.first?.topics.map(\.id) == ["kerry"])

        try Self.taxonomy(topic: "lavrov", phrase: "lavrov").write(toFile: topicsFile, atomically: true, encoding: .utf8)
        pipeline.consumer.signal(SIGHUP)
        _ = try await pipeline.consumer.waitForLog(#"taxonomy=reload-test@lavrov.*taxonomy reloaded"#)
        _ = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.secondSeed).path])
        let both = try await PipelineTests.storedArticles(pipeline, count: 2)
        let second = try #require(both.first { $0.title.hasPrefix("Kerry says Syria") })
        #expect(second.topics.map(\.id) == ["lavrov"])

        try "topics: [ {id: broken".write(toFile: topicsFile, atomically: true, encoding: .utf8)
        pipeline.consumer.signal(SIGHUP)
        _ = try await pipeline.consumer.waitForLog("taxonomy reload failed; keeping the current one")
        #expect(pipeline.consumer.isRunning)
        let statuses = try await pipeline.stop()
        #expect(statuses.consumer == 0)
    }

    @Test("a bad taxonomy file stops the consumer at start with the file, line and reason")
    func badFileAtStart() async throws {
        let directory = try TemporaryDirectory()
        let topicsFile = directory.path("bad.yaml")
        try "name: x\nversion: \"1\"\ntopics:\n  - id: Not An Id\n    label: x\n    phrases: [{text: a, weight: 1}]\n".write(toFile: topicsFile, atomically: true, encoding: .utf8)
        let result = try await runCommand("newswire-consumer", ["--topics", topicsFile, "--metrics", ""])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.yaml:4"), "\(result.stderr)")
    }
}
