import Foundation
import NewsModels
import NewswireTesting
import SwiftProtobuf
import Testing
import ZeroMQ

/// Bad input on every socket of the real services, sent with raw ZeroMQ
/// sockets: each is refused with a clear, counted error (a Nack where the
/// socket replies), and the service goes on serving real articles.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    /// One bad request and what the service must answer.
    struct BadRequest: CustomStringConvertible {
        var name: String
        var frames: [[UInt8]]
        var reason: Nack.Reason
        /// Words the Nack's message must contain, so a person can tell what was wrong.
        var explanation: String
        /// The content type the Nack must come in.
        var replyType: ContentType = .protobuf
        var description: String { name }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let header = bytes(WireProtocol.header)
    static let protobuf = bytes(ContentType.protobuf.rawValue)
    static let json = bytes(ContentType.json.rawValue)

    /// Bytes that are not UTF-8 and not any protocol's frame (0xFF never occurs in UTF-8).
    static func garbage(_ count: Int, seed: Int = 1) -> [UInt8] {
        [0xFF] + (1..<max(count, 1)).map { UInt8(truncatingIfNeeded: $0 &* 197 &+ seed &* 31 &+ 0x80) }
    }

    /// The four protocol frames with `type` and `contentType` text and `payload`.
    static func frames(_ type: String, _ contentType: [UInt8] = json, _ payload: [UInt8], header: [UInt8] = header) -> [[UInt8]] {
        [header, bytes(type), contentType, payload]
    }

    /// Bad requests every ROUTER socket refuses the same way, whatever type it expects.
    /// `stringField` is a string field of that type (an unknown one would be skipped unread).
    static func framingErrors(type: String, payload: [UInt8], stringField: String) -> [BadRequest] {
        [
            BadRequest(name: "truncated to the header frame", frames: [header], reason: .malformed, explanation: "got 1"),
            BadRequest(name: "truncated before the payload", frames: Array(frames(type, json, payload).prefix(3)), reason: .malformed, explanation: "got 3"),
            // The last four frames are the protocol frames: here they start at the type frame.
            BadRequest(name: "a fifth frame after the payload", frames: frames(type, json, payload) + [bytes("extra")],
                       reason: .malformed, explanation: "frame 1 (header) is '\(type)'"),
            BadRequest(name: "protocol version 2", frames: frames(type, json, payload, header: bytes("newswire/2")),
                       reason: .unsupportedVersion, explanation: "newswire/2", replyType: .json),
            BadRequest(name: "another protocol's header", frames: frames(type, json, payload, header: bytes("HTTP/1.1")),
                       reason: .malformed, explanation: "frame 1 (header)", replyType: .json),
            BadRequest(name: "garbage bytes in every frame", frames: (1...4).map { garbage(40, seed: $0) },
                       reason: .malformed, explanation: "not UTF-8"),
            BadRequest(name: "an unknown message type", frames: frames("raw-articel", json, payload),
                       reason: .unsupportedType, explanation: "raw-articel", replyType: .json),
            BadRequest(name: "an unknown content type", frames: frames(type, bytes("text/xml"), payload),
                       reason: .unsupportedType, explanation: "text/xml"),
            BadRequest(name: "garbage protobuf", frames: frames(type, protobuf, garbage(64)), reason: .malformed, explanation: "frame 4 (payload)"),
            BadRequest(name: "truncated JSON", frames: frames(type, json, Array(payload.prefix(payload.count / 2))),
                       reason: .malformed, explanation: "frame 4 (payload)", replyType: .json),
            BadRequest(name: "invalid UTF-8 in a JSON string", frames: frames(type, json, bytes(#"{"\#(stringField)":"caf"#) + [0xC3, 0x28] + bytes(#""}"#)),
                       reason: .malformed, explanation: "frame 4 (payload)", replyType: .json),
        ]
    }

    /// Sends each request and checks the Nack: reason, explanation, content type.
    static func expectRefusals(_ requests: [BadRequest], from peer: WirePeer) async throws {
        for request in requests {
            try peer.send(request.frames)
            let (nack, contentType) = try await peer.nextNack()
            #expect(nack.reason == request.reason, "\(request): \(nack.message)")
            #expect(nack.message.contains(request.explanation), "\(request): '\(nack.message)' should say '\(request.explanation)'")
            #expect(contentType == request.replyType, "\(request)")
        }
    }

    /// How many of `requests` should be counted under each reason label.
    static func counts(_ requests: [BadRequest]) -> [String: Double] {
        requests.reduce(into: [:]) { $0[$1.reason.label, default: 0] += 1 }
    }

    /// Feeds the first sample article with the real client and waits until the consumer stored it.
    static func realArticleIsStored(_ pipeline: Pipeline, count: Int = 1) async throws {
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url(Fixtures.firstSeed).path])
        #expect(feed.status == 0, "feed after the bad input: \(feed.stdout) \(feed.stderr)")
        #expect(try await PipelineTests.storedArticles(pipeline, count: count).count == count)
    }

    /// Stops both services and checks they exit 0 after all that.
    static func stopCleanly(_ pipeline: Pipeline) async throws {
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0, "producer log:\n\(pipeline.producer.log.suffix(3000))")
        #expect(statuses.consumer == 0, "consumer log:\n\(pipeline.consumer.log.suffix(3000))")
    }

    // MARK: Ingest

    @Test("ingest: every kind of bad input gets a Nack with its reason, is counted, and ingest keeps serving")
    func ingestRefusesBadInput() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "127.0.0.1:0", "--max-article-bytes", "65536"])
        let metrics = try await MetricsReader(pipeline.producer)
        let scraper = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)
        let article = Self.bytes(#"{"source":"hostile","text":"Title\n\nA body that is long enough to be an article."}"#)
        var rawSource = RawArticle()
        rawSource.source = "hostile"
        func raw(_ edit: (inout RawArticle) -> Void) -> RawArticle {
            var copy = rawSource
            edit(&copy)
            return copy
        }
        // Field 1 (source) "x", then field 6 (text) with the bytes "a", 0xC3, 0x28: not UTF-8.
        let invalidUTF8Text: [UInt8] = [0x0A, 0x01, 0x78, 0x32, 0x03, 0x61, 0xC3, 0x28]
        var requests = Self.framingErrors(type: "raw-article", payload: article, stringField: "source")
        requests += [
            BadRequest(name: "a replay request on the ingest socket", frames: try WireMessage(.replayRequest, ReplayRequest()).frames,
                       reason: .unsupportedType, explanation: "expects 'raw-article'"),
            BadRequest(name: "invalid UTF-8 in a protobuf string", frames: Self.frames("raw-article", Self.protobuf, invalidUTF8Text),
                       reason: .malformed, explanation: "frame 4 (payload)"),
            BadRequest(name: "a Shift-JIS text article", frames: try WireMessage(.rawArticle, raw {
                $0.body = try! Fixtures.data("parsing/invalid_encoding_shift_jis.txt")
            }).frames, reason: .invalidArticle, explanation: "invalidEncoding"),
            BadRequest(name: "a PNG as the article", frames: try WireMessage(.rawArticle, raw { $0.body = try! Fixtures.data("parsing/binary.png") }).frames,
                       reason: .invalidArticle, explanation: "binary"),
            BadRequest(name: "no source", frames: try WireMessage(.rawArticle, raw { $0.source = " "; $0.text = "Title\n\nBody." }, contentType: .json).frames,
                       reason: .invalidArticle, explanation: "'source'", replyType: .json),
            BadRequest(name: "an article over --max-article-bytes (under MAXMSGSIZE)",
                       frames: try WireMessage(.rawArticle, raw { $0.text = String(repeating: "word ", count: 20_000) }, contentType: .json).frames,
                       reason: .tooLarge, explanation: "limit is 65536", replyType: .json),
        ]
        try await Self.expectRefusals(requests, from: scraper)

        #expect(try metrics.value("newswire_producer_articles_received_total") == Double(requests.count))
        for (reason, count) in Self.counts(requests) {
            #expect(try metrics.value(#"newswire_producer_articles_rejected_total{reason="\#(reason)"}"#) == count, "\(reason)")
        }
        #expect(try metrics.value("newswire_producer_articles_accepted_total") == 0)

        // The same connection still works, and so does the real client.
        try scraper.send(Self.frames("raw-article", Self.json, article))
        let ack = try await scraper.nextReply().decode(Ack.self, expecting: .ack)
        #expect(ack.status == .accepted)
        try await Self.realArticleIsStored(pipeline, count: 2)
        await scraper.close()
        try await Self.stopCleanly(pipeline)
    }

    @Test("ingest: a frame over MAXMSGSIZE drops the connection unseen; the client reconnects and is served")
    func ingestDropsOversizedFrames() async throws {
        let pipeline = try await Pipeline(producerArguments: ["--metrics", "127.0.0.1:0", "--max-article-bytes", "65536"])
        let metrics = try await MetricsReader(pipeline.producer)
        let scraper = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)
        // MAXMSGSIZE is the payload limit (the article limit + 64 KiB) plus 64 KiB: 196,608 bytes. libzmq refuses the frame while reading it.
        try scraper.send(Self.frames("raw-article", Self.json, [UInt8](repeating: 0x20, count: 200_000)))
        #expect(try await scraper.staysQuiet(for: .seconds(2)), "no reply: the service never saw the message")
        #expect(try metrics.value("newswire_producer_articles_received_total") == 0)

        // libzmq reconnects the DEALER; the next message is read and answered.
        try scraper.send(Self.frames("raw-article", Self.json, Self.bytes(#"{"source":"hostile","text":"Title\n\nThe body of a real article."}"#)))
        let ack = try await scraper.nextReply().decode(Ack.self, expecting: .ack)
        #expect(ack.status == .accepted)
        #expect(try metrics.value("newswire_producer_articles_received_total") == 1)
        try await Self.realArticleIsStored(pipeline, count: 2)
        await scraper.close()
        try await Self.stopCleanly(pipeline)
    }

    @Test("ingest: one client floods garbage; another client's articles are still accepted and stored")
    func ingestFlood() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.producer)
        let flooder = try WirePeer(.dealer, connectTo: pipeline.ingestEndpoint)
        let floodSize = 3000
        for index in 0..<floodSize {
            try flooder.send((1...4).map { Self.garbage(32, seed: index + $0) })
        }
        // While the flood is being answered, a well-behaved scraper feeds both samples.
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0, "\(feed.stdout) \(feed.stderr)")
        #expect(feed.stdout.contains("accepted 2"))
        #expect(try await PipelineTests.storedArticles(pipeline, count: 2).count == 2)

        let malformed = #"newswire_producer_articles_rejected_total{reason="malformed"}"#
        #expect(try await metrics.wait(malformed, toReach: Double(floodSize), timeout: .seconds(60)) == Double(floodSize))
        #expect(try metrics.value("newswire_producer_articles_accepted_total") == 2)
        // Every refusal is counted, but the log gets them in bursts (LogThrottle: 20 per 10 s).
        let logged = pipeline.producer.log.components(separatedBy: "article refused").count - 1
        #expect(logged >= 1 && logged < floodSize / 10, "\(logged) refusal lines for \(floodSize) refusals")
        await flooder.close()
        try await Self.stopCleanly(pipeline)
    }

    // MARK: Events

    @Test("events: bad events get a Nack with their reason and are counted; an oversized frame drops the peer; real articles are still stored")
    func eventsRefuseBadInput() async throws {
        let pipeline = try await Pipeline(consumerArguments: ["--metrics", "127.0.0.1:0", "--max-event-bytes", "65536"])
        let metrics = try await MetricsReader(pipeline.consumer)
        let intruder = try WirePeer(.dealer, connectTo: pipeline.eventsEndpoint)
        var event = ArticleEvent()
        event.articleID = "0123456789abcdef0123456789abcdef"
        event.source = "hostile"
        event.article.title = "A title"
        event.article.paragraphs = ["A paragraph."]
        func edited(_ edit: (inout ArticleEvent) -> Void) -> ArticleEvent {
            var copy = event
            edit(&copy)
            return copy
        }
        var requests = Self.framingErrors(type: "article-event", payload: try event.jsonUTF8Bytes(), stringField: "articleId")
        requests += [
            BadRequest(name: "a raw article on the events socket", frames: try WireMessage(.rawArticle, RawArticle()).frames,
                       reason: .unsupportedType, explanation: "expects 'article-event'"),
            BadRequest(name: "an event without an article id", frames: try WireMessage(.articleEvent, edited { $0.articleID = "" }).frames,
                       reason: .invalidArticle, explanation: "article_id"),
            BadRequest(name: "an event without text", frames: try WireMessage(.articleEvent, edited { $0.article = ParsedArticleMessage() }).frames,
                       reason: .invalidArticle, explanation: "no article text"),
            BadRequest(name: "an event over --max-event-bytes (under MAXMSGSIZE)",
                       frames: try WireMessage(.articleEvent, edited { $0.article.paragraphs = [String(repeating: "word ", count: 20_000)] }).frames,
                       reason: .tooLarge, explanation: "limit is 65536"),
        ]
        // The events socket always answers in protobuf: its only client is the producer.
        requests = requests.map { var request = $0; request.replyType = .protobuf; return request }
        try await Self.expectRefusals(requests, from: intruder)

        #expect(try metrics.value("newswire_consumer_events_received_total") == Double(requests.count))
        for (reason, count) in Self.counts(requests) {
            #expect(try metrics.value(#"newswire_consumer_events_rejected_total{reason="\#(reason)"}"#) == count, "\(reason)")
        }

        // Over MAXMSGSIZE (131,072 bytes): dropped by libzmq, never seen, never answered.
        try intruder.send(Self.frames("article-event", Self.protobuf, [UInt8](repeating: 0, count: 200_000)))
        #expect(try await intruder.staysQuiet(for: .seconds(2)))
        #expect(try metrics.value("newswire_consumer_events_received_total") == Double(requests.count))
        // The intruder reconnects and is answered again.
        try intruder.send([Self.header])
        #expect(try await intruder.nextNack().nack.reason == .malformed)

        try await Self.realArticleIsStored(pipeline)
        #expect(try metrics.value("newswire_consumer_articles_stored_total") == 1)
        await intruder.close()
        try await Self.stopCleanly(pipeline)
    }

    // MARK: Replay

    @Test("replay: bad requests get a Nack with their reason and are counted; a flood does not starve another client")
    func replayRefusesBadInput() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.consumer)
        let client = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        // 300,000 ids in 900 KB (under the 1 MiB limit): more SQL parameters than SQLite takes.
        var tooManyTopics = ReplayRequest()
        tooManyTopics.topics = Array(repeating: "a", count: 300_000)
        var requests = Self.framingErrors(type: "replay-request", payload: Self.bytes(#"{"topics":["syria-talks"],"afterSequence":"0"}"#), stringField: "requestId")
        requests += [
            BadRequest(name: "a raw article on the replay socket", frames: try WireMessage(.rawArticle, RawArticle()).frames,
                       reason: .unsupportedType, explanation: "expects 'replay-request'"),
            BadRequest(name: "more topic ids than a taxonomy can have", frames: try WireMessage(.replayRequest, tooManyTopics).frames,
                       reason: .malformed, explanation: "at most 10000"),
        ]
        try await Self.expectRefusals(requests, from: client)
        for (reason, count) in Self.counts(requests) {
            #expect(try metrics.value(#"newswire_consumer_replay_rejected_total{reason="\#(reason)"}"#) == count, "\(reason)")
        }

        // Over MAXMSGSIZE (1 MiB): dropped unseen and unanswered.
        try client.send(Self.frames("replay-request", Self.protobuf, [UInt8](repeating: 0x0A, count: 1_100_000)))
        #expect(try await client.staysQuiet(for: .seconds(2)))

        // A flood of bad requests from one client; another client is served meanwhile.
        try await Self.realArticleIsStored(pipeline)
        let flooder = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        let floodSize = 2000
        for index in 0..<floodSize { try flooder.send((1...4).map { Self.garbage(16, seed: index + $0) }) }
        var request = ReplayRequest()
        request.requestID = "after-the-flood"
        try client.send(.replayRequest, request, contentType: .json)
        var replayed: [TopicMessage] = []
        while true {
            let reply = try await client.nextReply()
            if reply.type == .replayEnd {
                let end = try reply.decode(ReplayEnd.self, expecting: .replayEnd)
                #expect(end.requestID == "after-the-flood")
                #expect(Int(end.count) == replayed.count)
                break
            }
            replayed.append(try reply.decode(TopicMessage.self, expecting: .topicMessage))
        }
        #expect(!replayed.isEmpty, "the stored article's topic messages are replayed")
        let malformed = #"newswire_consumer_replay_rejected_total{reason="malformed"}"#
        let expected = (Self.counts(requests)["malformed"] ?? 0) + Double(floodSize)
        #expect(try await metrics.wait(malformed, toReach: expected) == expected)
        await flooder.close()
        await client.close()
        try await Self.stopCleanly(pipeline)
    }

    /// The resident memory of process `pid` in bytes, from /proc.
    static func residentBytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ").dropFirst().first ?? "")) * 1024
    }

    @Test("replay: a client that keeps asking without reading cannot grow the consumer's memory; one unread replay still arrives whole")
    func replayToAClientThatNeverReads() async throws {
        let (pipeline, http) = try await HTTPAPITests.pipeline(["--replay-limit", "100"])
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(40), http: http)
        let stored = try await Self.replayAll(pipeline, requestID: "baseline")
        #expect(stored.messages > 20 && stored.messages <= 100)

        // One client (receive queue of one message) asks 800 times and reads nothing: each
        // replay is ~\(stored.messages) events of seed size, ~200 MB in all if the consumer held them.
        let before = try Self.residentBytes(pipeline.consumer.processIdentifier)
        let hog = try Socket(context: try Context(), type: .dealer)  // this test's task only
        try hog.setReceiveHighWaterMark(1)
        try hog.setLinger(.zero)
        try hog.connect(pipeline.replayEndpoint)
        let request = try WireMessage(.replayRequest, ReplayRequest()).frames
        let requests = 800
        for _ in 0..<requests { _ = try hog.send(Multipart(request)) }
        try await waitUntil("the consumer serves all \(requests) replays", timeout: .seconds(120)) {
            pipeline.consumer.log.components(separatedBy: "replay served").count - 1 >= requests + 1
        }
        let grown = try Self.residentBytes(pipeline.consumer.processIdentifier) - before
        #expect(grown < 48 * 1024 * 1024, "the consumer grew by \(grown / 1024 / 1024) MB for a client that reads nothing")

        // A client that asks once and reads late still gets the whole replay, and the consumer serves others.
        let late = try Socket(context: try Context(), type: .dealer)
        try late.setLinger(.zero)
        try late.connect(pipeline.replayEndpoint)
        _ = try late.send(Multipart(request))
        try await Task.sleep(for: .seconds(1))
        var received = 0
        var end: ReplayEnd?
        while end == nil, let message = try late.receive(timeout: .seconds(10)) {
            let reply = try WireMessage(frames: message.frames.suffix(WireProtocol.frameCount))
            if reply.type == .replayEnd { end = try reply.decode(ReplayEnd.self, expecting: .replayEnd) } else { received += 1 }
        }
        #expect(end?.count == UInt32(stored.messages) && received == stored.messages)
        hog.close()
        late.close()
        try await Self.stopCleanly(pipeline)
    }

    /// Replays everything from a fresh, well-behaved client: how many messages came before the end.
    static func replayAll(_ pipeline: Pipeline, requestID: String) async throws -> (messages: Int, end: ReplayEnd) {
        let client = try WirePeer(.dealer, connectTo: pipeline.replayEndpoint)
        var request = ReplayRequest()
        request.requestID = requestID
        try client.send(.replayRequest, request)
        var messages = 0
        while true {
            let reply = try await client.nextReply()
            if reply.type == .replayEnd {
                await client.close()
                return (messages, try reply.decode(ReplayEnd.self, expecting: .replayEnd))
            }
            messages += 1
        }
    }

    // MARK: Topic stream

    @Test("stream: garbage sent up the XPUB is counted and ignored; an oversized frame drops the peer; subscribers still get topics")
    func streamIgnoresGarbageSubscriptions() async throws {
        let pipeline = try await Pipeline()
        let metrics = try await MetricsReader(pipeline.consumer)
        // XSUB sends whatever it is given; a SUB could only send well-formed subscriptions.
        let intruder = try WirePeer(.xsub, connectTo: pipeline.streamEndpoint)
        let garbage: [[[UInt8]]] = [
            [[0x02] + Self.bytes("syria-talks")],  // neither join (1) nor leave (0)
            [Self.garbage(30)],
            [[]],  // an empty frame
            [Self.bytes("hello")],
            [[0x05], [0x06]],  // two frames
        ]
        for message in garbage { try intruder.send(message) }
        let rejected = #"newswire_consumer_stream_rejected_total{reason="malformed"}"#
        #expect(try await metrics.wait(rejected, toReach: Double(garbage.count)) == Double(garbage.count))

        // A frame over the stream's MAXMSGSIZE: the peer is dropped, nothing is counted. (Not a
        // subscription: XSUB would send that again on every reconnect and be dropped forever.)
        try intruder.send([[0x02] + [UInt8](repeating: 0x61, count: 4096)])
        try await Task.sleep(for: .seconds(1))
        #expect(try metrics.value(rejected) == Double(garbage.count))

        // A well-formed subscriber (the intruder too, once reconnected) still gets topic messages.
        let subscriber = try WirePeer(.xsub, connectTo: pipeline.streamEndpoint)
        try subscriber.send([[0x01]])  // join every topic
        try intruder.send([[0x01] + Self.bytes("syria")])
        try await Task.sleep(for: .milliseconds(500))  // let the subscriptions reach the XPUB
        try await Self.realArticleIsStored(pipeline)
        for peer in [subscriber, intruder] {
            let message = try await peer.next()
            let wire = try WireMessage(frames: message.frames.dropFirst())
            let topic = try wire.decode(TopicMessage.self, expecting: .topicMessage)
            #expect(message.frames[0] == Self.bytes(topic.topicID))
            #expect(topic.topicID.hasPrefix(peer === subscriber ? "" : "syria"))
        }
        #expect(try metrics.value(rejected) == Double(garbage.count))
        await subscriber.close()
        await intruder.close()
        try await Self.stopCleanly(pipeline)
    }
}
