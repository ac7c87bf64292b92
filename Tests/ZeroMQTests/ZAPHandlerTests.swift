import Foundation
import Synchronization
import Testing
import ZeroMQ

/// Collects a ZAP handler's decisions from its thread.
final class DecisionLog: Sendable {
    private let decisions = Mutex<[ZAPDecision]>([])

    func record(_ decision: ZAPDecision) { decisions.withLock { $0.append(decision) } }

    /// The decisions so far, once there are at least `count` (waits on the calling thread, up to `limit`).
    func wait(for count: Int, limit: Duration = .seconds(10)) throws -> [ZAPDecision] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let current = decisions.withLock { $0 }
            if current.count >= count { return current }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw DeadlineExceeded(what: "\(count) ZAP decisions", limit: limit)
    }
}

@Suite("ZAP handler", .enabled(if: Context.hasCurve, "libzmq was built without CURVE support"))
struct ZAPHandlerTests {
    @Test("an allow-listed client gets through; an unlisted one is refused, reported with socket, address and key")
    func allowListDecides() async throws {
        let context = try Context()
        let serverKeys = try CurveKeyPair.generate(), listed = try CurveKeyPair.generate(), unlisted = try CurveKeyPair.generate()
        let log = DecisionLog()
        let handler = try ZAPHandler(context: context, allowList: try CurveAllowList([listed.publicKey: "scraper-1"]), onDecision: log.record)
        let (listedRequest, unlistedGotThrough, subscriberGotMessage, decisions) = try await onThread("zap") {
            let server = try Socket(context: context, type: .router)
            try server.setCurveServer(secretKey: serverKeys.secretKey)
            try server.setZAPDomain("ingest")
            let endpoint = try bindLoopback(server)
            let publisher = try Socket(context: context, type: .pub)
            try publisher.setCurveServer(secretKey: serverKeys.secretKey)
            try publisher.setZAPDomain("stream")
            let streamEndpoint = try bindLoopback(publisher)

            let client = try Socket(context: context, type: .dealer)
            try client.setCurveClient(serverKey: serverKeys.publicKey, keyPair: listed)
            try client.connect(endpoint)
            try client.send(Multipart(strings: ["from a listed client"]))
            let listedRequest = try receiveWithin(server)

            let intruder = try Socket(context: context, type: .dealer)
            try intruder.setLinger(.zero)
            try intruder.setSendTimeout(.milliseconds(200))
            try intruder.setCurveClient(serverKey: serverKeys.publicKey, keyPair: unlisted)
            try intruder.connect(endpoint)
            // Queued before or refused at the handshake: either way it must not arrive.
            _ = try? intruder.send(Multipart(strings: ["from an unlisted client"]))
            let unlistedGotThrough = try server.receive(timeout: .seconds(1)) != nil

            let subscriber = try Socket(context: context, type: .sub)
            try subscriber.setLinger(.zero)
            try subscriber.setCurveClient(serverKey: serverKeys.publicKey, keyPair: unlisted)
            try subscriber.subscribe()
            try subscriber.connect(streamEndpoint)
            var subscriberGotMessage = false
            let deadline = ContinuousClock.now + .seconds(1)
            while ContinuousClock.now < deadline && !subscriberGotMessage {
                try publisher.send(Multipart(strings: ["topic", "news"]))
                subscriberGotMessage = try subscriber.receive(timeout: .milliseconds(50)) != nil
            }
            return (listedRequest, unlistedGotThrough, subscriberGotMessage, try log.wait(for: 3))
        }
        await handler.stop()

        #expect(listedRequest.string(at: 1) == "from a listed client")
        #expect(!unlistedGotThrough)
        #expect(!subscriberGotMessage)
        let accepted = decisions.filter(\.isAccepted)
        #expect(accepted.count == 1)
        #expect(accepted.first == ZAPDecision(domain: "ingest", address: "127.0.0.1", mechanism: "CURVE", clientKey: listed.publicKey, statusCode: 200, reason: "OK", userID: "scraper-1"))
        let refused = decisions.filter { !$0.isAccepted }
        #expect(Set(refused.map(\.domain)) == ["ingest", "stream"])
        for decision in refused {
            #expect(decision.statusCode == 400)
            #expect(decision.clientKey == unlisted.publicKey)
            #expect(decision.address == "127.0.0.1")
            #expect(decision.reason.contains("allow-list"))
            #expect(decision.userID.isEmpty)
        }
    }

    /// One request straight to the handler, as libzmq would send it; returns the reply frames after the envelope.
    static func ask(_ requester: Socket, _ frames: [[UInt8]]) throws -> [String] {
        try requester.send(Multipart([[]] + frames))
        let reply = try receiveWithin(requester, .seconds(5), "a ZAP reply")
        #expect(reply[0].isEmpty, "the envelope's empty frame comes back")
        return reply.frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("answers RFC 27 requests: 200 with the user id, 400 for other mechanisms, 500 for malformed requests")
    func protocolReplies() async throws {
        let context = try Context()
        let listed = try CurveKeyPair.generate()
        let listedBytes = try #require(Z85.decodeKey(listed.publicKey))
        let log = DecisionLog()
        let handler = try ZAPHandler(context: context, allowList: try CurveAllowList([listed.publicKey: "subscriber-7"]), onDecision: log.record)
        let replies = try await onThread("zap-protocol") {
            let requester = try Socket(context: context, type: .dealer)
            try requester.setLinger(.zero)
            try requester.connect(ZAPHandler.endpoint)
            let head = ["1.0", "id-1", "replay", "192.0.2.7", ""].map(bytes)
            return [
                try Self.ask(requester, head + [bytes("CURVE"), listedBytes]),
                try Self.ask(requester, head + [bytes("CURVE"), [UInt8](repeating: 7, count: 32)]),
                try Self.ask(requester, head + ["PLAIN", "user", "password"].map(bytes)),
                try Self.ask(requester, head + [bytes("NULL")]),
                try Self.ask(requester, ["2.0", "id-2", "replay", "192.0.2.7", "", "CURVE"].map(bytes) + [listedBytes]),
                try Self.ask(requester, head + [bytes("CURVE"), [1, 2, 3]]),
                try Self.ask(requester, ["1.0", "id-3"].map(bytes)),
            ]
        }
        let decisions = try await onThread("decisions") { try log.wait(for: 7) }
        await handler.stop()

        #expect(replies[0] == ["1.0", "id-1", "200", "OK", "subscriber-7", ""])
        #expect(replies[1] == ["1.0", "id-1", "400", "public key not in the allow-list", "", ""])
        #expect(replies[2].prefix(3) == ["1.0", "id-1", "400"])
        #expect(replies[2][3].contains("PLAIN"))
        #expect(replies[3].prefix(3) == ["1.0", "id-1", "400"])
        #expect(replies[4].prefix(3) == ["1.0", "id-2", "500"])
        #expect(replies[4][3].contains("version"))
        #expect(replies[5].prefix(3) == ["1.0", "id-1", "500"])
        #expect(replies[6].prefix(3) == ["1.0", "id-3", "500"])
        #expect(replies.allSatisfy { $0.count == 6 })
        #expect(decisions.map(\.statusCode) == [200, 400, 400, 400, 500, 500, 500])
        #expect(decisions[0].domain == "replay" && decisions[0].address == "192.0.2.7" && decisions[0].userID == "subscriber-7")
        #expect(decisions[1].clientKey == Z85.encodeKey([UInt8](repeating: 7, count: 32)))
        #expect(decisions[2].mechanism == "PLAIN" && decisions[2].clientKey == nil)
    }

    @Test("one handler per context; after stop() the context terminates without waiting")
    func stopReleasesTheContext() async throws {
        var context: Context? = try Context()
        let handler = try ZAPHandler(context: try #require(context), allowList: try CurveAllowList())
        let second = #expect(throws: ZMQError.self) { try ZAPHandler(context: context!, allowList: try CurveAllowList()) }
        #expect(second?.code == .addressInUse)
        await handler.stop()
        await handler.stop()  // idempotent
        // The last reference goes on a thread of its own: zmq_ctx_term blocks while any socket is open.
        let last = Transfer(context.take()!)
        try await onThread("terminate", within: .seconds(10)) { _ = last.take() }
    }
}
