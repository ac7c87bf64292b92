import Foundation
import NewsModels
import Testing

@Suite("ContentType")
struct ContentTypeTests {
    @Test("accepts the names, aliases, any case, whitespace and parameters", arguments: [
        ("application/x-protobuf", ContentType.protobuf),
        ("application/protobuf", .protobuf),
        ("application/vnd.google.protobuf", .protobuf),
        ("Application/X-Protobuf", .protobuf),
        ("application/x-protobuf; proto=newswire.v1.RawArticle", .protobuf),
        ("application/json", .json),
        ("application/json; charset=utf-8", .json),
        ("APPLICATION/JSON;charset=UTF-8", .json),
        ("  application/json  ", .json),
    ])
    func accepted(_ header: String, _ expected: ContentType) {
        #expect(ContentType(header: header) == expected)
    }

    @Test("refuses anything else", arguments: ["", ";", "text/plain", "application/xml", "application/jsonx", "json",
                                               "; application/json", "application/json-seq", "application/ json"])
    func refused(_ header: String) {
        #expect(ContentType(header: header) == nil)
    }

    @Test("each content type reads back from its own name")
    func rawValues() {
        for contentType in ContentType.allCases {
            #expect(ContentType(header: contentType.rawValue) == contentType)
        }
    }
}

@Suite("RoutedMessage")
struct RoutedMessageTests {
    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
    static let protocolFrames = try! WireMessage(.ack, Samples.ack).frames

    @Test("a DEALER's message: one routing id frame, then the protocol frames")
    func dealerRoute() throws {
        let routingID: [UInt8] = [0x00, 0x6B, 0x8B, 0x45, 0x67]
        let routed = try RoutedMessage(routerFrames: [routingID] + Self.protocolFrames)
        #expect(routed.route == [routingID])
        #expect(Array(routed.frames) == Self.protocolFrames)
        #expect(try WireMessage(frames: routed.frames).type == .ack)

        let reply = try WireMessage(.nack, Samples.nack)
        let frames = RoutedMessage.reply(route: routed.route, reply)
        #expect(frames == [routingID] + reply.frames)
        #expect(frames.count == 5)
    }

    @Test("a REQ's message: routing id and the empty delimiter, both kept for the reply")
    func reqRoute() throws {
        let routingID = Self.text("scraper-1")
        let routed = try RoutedMessage(routerFrames: [routingID, []] + Self.protocolFrames)
        #expect(routed.route == [routingID, []])
        #expect(Array(routed.frames) == Self.protocolFrames)

        let reply = try WireMessage(.ack, Samples.ack)
        let frames = RoutedMessage.reply(route: routed.route, reply)
        #expect(frames == [routingID, []] + reply.frames)
        #expect(frames.count == 6)
    }

    @Test("a DEALER that sends the empty delimiter itself (REQ-style) gets it back")
    func dealerWithDelimiter() throws {
        let routed = try RoutedMessage(routerFrames: [Self.text("d"), []] + Self.protocolFrames)
        #expect(routed.route.count == 2)
        #expect(routed.frames.count == 4)
    }

    @Test("frames a DEALER or a proxy puts before the protocol frames are routing, sent back in order")
    func extraLeadingFrames() throws {
        let routingID = Self.text("peer")
        for extra in [[Self.text("hop-1")], [Self.text("hop-1"), Self.text("hop-2")], [[], Self.text("after-empty")]] as [[[UInt8]]] {
            let routed = try RoutedMessage(routerFrames: [routingID] + extra + Self.protocolFrames)
            #expect(routed.route == [routingID] + extra)
            #expect(Array(routed.frames) == Self.protocolFrames)
            #expect(try WireMessage(frames: routed.frames).type == .ack)
            let reply = try WireMessage(.nack, Samples.nack)
            #expect(RoutedMessage.reply(route: routed.route, reply) == [routingID] + extra + reply.frames)
        }
    }

    @Test("too few frames keep the shortest route, so the frame-count error goes back (to a REQ too)")
    func tooFewFrames() throws {
        let short = Array(Self.protocolFrames.prefix(3))
        let fromREQ = try RoutedMessage(routerFrames: [Self.text("req"), []] + short)
        #expect(fromREQ.route == [Self.text("req"), []])
        let error = try #require(throws: WireError.self) { try WireMessage(frames: fromREQ.frames) }
        #expect(error.message.contains("got 3"))
        let fromDEALER = try RoutedMessage(routerFrames: [Self.text("dealer")] + short)
        #expect(fromDEALER.route == [Self.text("dealer")])
        #expect(fromDEALER.frames.count == 3)
    }

    @Test("no routing id frame is malformed")
    func noRoutingID() throws {
        for frames in [[], [[]], [[]] + Self.protocolFrames] as [[[UInt8]]] {
            let error = try #require(throws: WireError.self) { try RoutedMessage(routerFrames: frames) }
            #expect(error.code == .malformed)
            #expect(error.message.contains("routing id"))
            #expect(error.nackReason == .malformed)
        }
    }

    @Test("a message with only a route has no protocol frames, and reading them says so")
    func routeOnly() throws {
        let routed = try RoutedMessage(routerFrames: [Self.text("peer")])
        #expect(routed.frames.isEmpty)
        let error = try #require(throws: WireError.self) { try WireMessage(frames: routed.frames) }
        #expect(error.code == .malformed)
        #expect(error.message.contains("got 0"))
    }
}

@Suite("Protocol constants")
struct ProtocolConstantTests {
    @Test("header, types and default endpoints are what the docs say")
    func constants() {
        #expect(WireProtocol.header == "newswire/1")
        #expect(WireProtocol.frameCount == 4)
        #expect(MessageType.allCases.map(\.rawValue) == ["raw-article", "article-event", "ack", "nack", "topic-message", "replay-request", "replay-end"])
        #expect(ContentType.allCases.map(\.rawValue) == ["application/x-protobuf", "application/json"])
        #expect(DefaultEndpoints.ingest == "tcp://127.0.0.1:5555")
        #expect(DefaultEndpoints.events == "tcp://127.0.0.1:5556")
        #expect(DefaultEndpoints.stream == "tcp://127.0.0.1:5557")
        #expect(DefaultEndpoints.replay == "tcp://127.0.0.1:5558")
    }
}
