import NewsModels
import NewswireConsumer
import NewswireTesting
import Testing

/// A replay request the store cannot answer is the client's error, refused
/// before any SQL runs.
@Suite("Replay request validation")
struct ReplayRequestValidationTests {
    @Test("up to the topic limit the store answers; one more is refused as malformed")
    func topicLimit() throws {
        var request = ReplayRequest()
        request.topics = (0..<ReplayRequest.maximumTopics).map { "topic-\($0)" }
        try request.validate()
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("newswire.db"))
        // Every id is one SQL parameter: the limit must stay within SQLite's.
        #expect(try store.streamMessages(afterSequence: 0, since: nil, topics: request.topics, limit: 10, consumerID: "c").isEmpty)

        // Why the limit: past SQLite's parameter limit the store fails, which
        // would answer a client's mistake with REASON_INTERNAL ("retry later").
        #expect(throws: (any Error).self) {
            try store.streamMessages(afterSequence: 0, since: nil, topics: Array(repeating: "a", count: 300_000), limit: 10, consumerID: "c")
        }

        request.topics.append("one-too-many")
        let error = #expect(throws: WireError.self) { try request.validate() }
        #expect(error?.code == .malformed)
        #expect(error?.message == "field 'topics' lists 10001 topic ids; at most 10000 are allowed")
        #expect(error?.nackReason == .malformed)
    }
}
