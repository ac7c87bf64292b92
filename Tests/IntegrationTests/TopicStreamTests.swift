import Foundation
import NewswireTesting
import Testing

/// Topic streams for late joiners: replay from the store, then live, with no
/// gap and no duplicate across the switch.
@Suite("Topic streams", .serialized)
struct TopicStreamTests {
    struct TailLine: Decodable {
        var sequence: UInt64
        var topicSequence: UInt64
        var topic: String
        var articleId: String
        var replayed: Bool
    }

    @Test("a late subscriber to one topic gets every message once, in order, across replay and live")
    func lateJoinerSeesEverythingOnce() async throws {
        let pipeline = try await Pipeline()
        // History: the two samples, both about Syria talks.
        let history = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(history.status == 0)
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)

        let tail = try RunningProcess(
            "newswire",
            ["tail", "--stream", pipeline.streamEndpoint, "--replay", pipeline.replayEndpoint, "--topic", "syria-talks", "--since", "0", "--json", "--idle-timeout", "4"],
            directory: pipeline.directory)
        _ = try await tail.waitForLog(#""replayed":true"#)

        // Live: more articles while the subscriber is connected.
        let live = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("classification").path])
        #expect(live.status == 0, "\(live.stdout)")
        #expect(try await tail.waitForExit(timeout: .seconds(60)) == 0)

        let lines = try tail.log.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try JSONDecoder().decode(TailLine.self, from: Data($0.utf8))
        }
        let expected = try await runCommand("newswire", ["query", "--db", pipeline.databasePath, "--topic", "syria-talks", "--json"])
        let expectedCount = expected.stdout.split(separator: "\n").count
        #expect(expectedCount > 2, "the live batch has Syria-talks articles")
        #expect(lines.count == expectedCount)
        #expect(lines.allSatisfy { $0.topic == "syria-talks" })
        #expect(lines.map(\.topicSequence) == Array(1...UInt64(lines.count)), "no gap, no duplicate")
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.sequence < $1.sequence }, "in sequence order")
        #expect(Set(lines.map(\.articleId)).count == lines.count)
        #expect(lines.prefix(2).allSatisfy { $0.replayed })
        #expect(lines.dropFirst(2).contains { !$0.replayed }, "some arrived live")
        _ = try await pipeline.stop()
    }
}
