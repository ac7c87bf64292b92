import Foundation
import NewsModels
import NewswireTesting
import SwiftProtobuf
import Testing
import ZeroMQ

/// What a client author written from proto-docs alone tripped on (issue 15),
/// against the real services over real sockets.
@Suite("Protocol edges", .serialized)
struct ProtocolEdgeTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Replays everything in `contentType` and returns the raw replies up to and including `replay-end`.
    static func replay(_ client: WirePeer, _ request: ReplayRequest, contentType: ContentType) async throws -> [WireMessage] {
        try client.send(.replayRequest, request, contentType: contentType)
        var replies: [WireMessage] = []
        while true {
            let reply = try await client.nextReply()
            replies.append(reply)
            if reply.type != .topicMessage { return replies }
        }
    }

    @Test("replay Nacks carry the request id whenever the request decoded (too many topics, JSON and protobuf)")
    func replayNackRequestID() async throws {
        let pipeline = try await Pipeline()
        let client = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        var tooMany = ReplayRequest()
        tooMany.topics = Array(repeating: "t", count: 10_001)  // one more than proto-docs §8 allows
        tooMany.requestID = "too-many-topics"
        for contentType in [ContentType.json, .protobuf] {
            try client.send(.replayRequest, tooMany, contentType: contentType)
            let (nack, replyType) = try await client.nextNack()
            #expect(nack.reason == .malformed)
            #expect(nack.requestID == "too-many-topics", "\(contentType): \(nack)")
            #expect(nack.message.contains("'topics'"))
            #expect(replyType == contentType)
        }
        // A request that does not decode as a whole: its id is read on its own.
        try client.send([Array(WireProtocol.header.utf8), Self.bytes("replay-request"), Self.bytes("application/json"), Self.bytes(#"{"requestId":"r-7","limit":"x"}"#)])
        let (undecoded, _) = try await client.nextNack()
        #expect(undecoded.requestID == "r-7")
        #expect(undecoded.message.contains("field 'limit'"), "\(undecoded.message)")
        // Not JSON at all: no id to echo.
        try client.send([Array(WireProtocol.header.utf8), Self.bytes("replay-request"), Self.bytes("application/json"), Self.bytes(#"{"requestId":"r-8""#)])
        let (broken, _) = try await client.nextNack()
        #expect(broken.requestID.isEmpty)
        await client.close()
        _ = try await pipeline.stop()
    }

    @Test("a DEALER's extra leading frames are routing: ingest and replay answer with them in front, in order")
    func extraLeadingFrames() async throws {
        let pipeline = try await Pipeline()
        let scraper = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)
        var raw = RawArticle()
        raw.source = "routing"
        raw.text = "A Headline About Routing\n\nA paragraph long enough to make an article about frames and routes."
        raw.requestID = "routed-1"
        try scraper.send([Self.bytes("hop")] + (try WireMessage(.rawArticle, raw, contentType: .json)).frames)
        let reply = try await scraper.next()
        #expect(reply.frames.count == 5)
        #expect(reply.frames.first == Self.bytes("hop"))
        let ack = try WireMessage(frames: reply.frames.dropFirst()).decode(Ack.self, expecting: .ack)
        #expect(ack.status == .accepted)
        #expect(ack.requestID == "routed-1")
        _ = try await PipelineTests.storedArticles(pipeline, count: 1)

        let client = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        var request = ReplayRequest()
        request.requestID = "routed-replay"
        try client.send([Self.bytes("hop-a"), Self.bytes("hop-b")] + (try WireMessage(.replayRequest, request)).frames)
        while true {
            let message = try await client.next()
            #expect(Array(message.frames.prefix(2)) == [Self.bytes("hop-a"), Self.bytes("hop-b")])
            #expect(message.frames.count == 6)
            let wire = try WireMessage(frames: message.frames.dropFirst(2))
            if wire.type == .replayEnd {
                #expect(try wire.decode(ReplayEnd.self, expecting: .replayEnd).requestID == "routed-replay")
                break
            }
            #expect(wire.type == .topicMessage)
        }
        await scraper.close()
        await client.close()
        _ = try await pipeline.stop()
    }

    @Test("a replayed topic message is the live one: same bytes in protobuf, same fields in JSON; classified_at in whole ms; delivery_attempt 1; since finds it")
    func replayIsLive() async throws {
        let pipeline = try await Pipeline()
        let subscriber = try WirePeer(.xsub, connectTo: pipeline.streamEndpoint)
        try subscriber.send([[0x01]])  // every topic
        try await Task.sleep(for: .milliseconds(500))  // let the subscription reach the XPUB
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0)
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)

        let client = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        let binary = try await Self.replay(client, ReplayRequest(), contentType: .protobuf).filter { $0.type == .topicMessage }
        #expect(binary.count >= 2)
        var live: [UInt64: (payload: [UInt8], message: TopicMessage)] = [:]
        while live.count < binary.count {
            let frames = try await subscriber.next().frames
            let wire = try WireMessage(frames: frames.dropFirst())
            let message = try wire.decode(TopicMessage.self, expecting: .topicMessage)
            live[message.sequence] = (wire.payload, message)
        }
        let json = try await Self.replay(client, ReplayRequest(), contentType: .json).filter { $0.type == .topicMessage }
        #expect(json.count == binary.count)
        for (replayed, replayedJSON) in zip(binary, json) {
            let message = try replayed.decode(TopicMessage.self, expecting: .topicMessage)
            let fromJSON = try replayedJSON.decode(TopicMessage.self, expecting: .topicMessage)
            let original = try #require(live[message.sequence], "sequence \(message.sequence) was published live")
            #expect(replayed.payload == original.payload, "sequence \(message.sequence): replayed bytes differ from the live ones")
            #expect(message == original.message)
            #expect(fromJSON == original.message, "sequence \(message.sequence): the JSON replay differs from the live message")
            #expect(message.classifiedAt.nanos % 1_000_000 == 0, "classified_at is whole milliseconds: \(message.classifiedAt)")
            #expect(original.message.article.deliveryAttempt == 1, "live: first delivery")
            #expect(message.article.deliveryAttempt == 1, "replayed: first delivery")
        }

        // since = a message's own classified_at finds it; a millisecond after the newest finds nothing.
        let newest = try #require(binary.last).decode(TopicMessage.self, expecting: .topicMessage)
        var since = ReplayRequest()
        since.since = newest.classifiedAt
        let fromNewest = try await Self.replay(client, since, contentType: .json).filter { $0.type == .topicMessage }
            .map { try $0.decode(TopicMessage.self, expecting: .topicMessage).sequence }
        #expect(fromNewest.contains(newest.sequence))
        since.since = Google_Protobuf_Timestamp(seconds: newest.classifiedAt.seconds, nanos: newest.classifiedAt.nanos + 1_000_000)
        #expect(try await Self.replay(client, since, contentType: .json).filter { $0.type == .topicMessage }.isEmpty)
        await client.close()
        await subscriber.close()
        _ = try await pipeline.stop()
    }

    @Test("ingest refuses a content type the parser does not read, naming it and the ones it does; and names the JSON field at fault")
    func unsupportedContentTypeAndJSONField() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.producer)
        let scraper = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)
        var pdf = RawArticle()
        pdf.source = "pdf-scraper"
        pdf.body = Data("%PDF-1.7 a document body that is not an article".utf8)
        pdf.contentType = "application/pdf"
        pdf.requestID = "pdf-1"
        try scraper.send(.rawArticle, pdf, contentType: .json)
        let (nack, _) = try await scraper.nextNack()
        #expect(nack.reason == .unsupportedType)
        #expect(nack.requestID == "pdf-1")
        #expect(nack.message.contains("'application/pdf'"), "\(nack.message)")
        #expect(nack.message.contains("text/plain") && nack.message.contains("text/html"), "\(nack.message)")
        #expect(try metrics.value(#"newswire_producer_articles_rejected_total{reason="unsupported-type"}"#) == 1)

        try scraper.send([Array(WireProtocol.header.utf8), Self.bytes("raw-article"), Self.bytes("application/json"),
                          Self.bytes(#"{"source":"s","text":"Body","fetchedAt":"last tuesday","requestId":"bad-date"}"#)])
        let (malformed, _) = try await scraper.nextNack()
        #expect(malformed.reason == .malformed)
        #expect(malformed.message.contains("field 'fetchedAt'") && malformed.message.contains("RFC 3339"), "\(malformed.message)")
        #expect(malformed.requestID == "bad-date", "the id is read on its own from a payload that does not decode")
        await scraper.close()
        _ = try await pipeline.stop()
    }
}
