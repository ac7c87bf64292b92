import Foundation
import Testing
@testable import ZeroMQ

/// libzmq option numbers from zmq.h (part of its stable ABI), to read options back.
private enum Option {
    static let routingID: Int32 = 5
    static let linger: Int32 = 17
    static let reconnectInterval: Int32 = 18
    static let reconnectIntervalMax: Int32 = 21
    static let sendHighWaterMark: Int32 = 23
    static let receiveHighWaterMark: Int32 = 24
    static let receiveTimeout: Int32 = 27
    static let sendTimeout: Int32 = 28
    static let immediate: Int32 = 39
    static let heartbeatInterval: Int32 = 75
    static let heartbeatTTL: Int32 = 76
    static let heartbeatTimeout: Int32 = 77
}

@Suite("Options")
struct OptionTests {
    @Test("each setter reaches libzmq with the value given")
    func readBack() throws {
        let context = try Context()
        let socket = try Socket(context: context, type: .dealer)
        func value(_ option: Int32) throws -> Int32 { try socket.int32Option(option, name: "\(option)") }

        #expect(try value(Option.linger) == 1000, "every socket starts with Socket.defaultLinger")
        try socket.setLinger(.milliseconds(250))
        #expect(try value(Option.linger) == 250)
        try socket.setLinger(nil)
        #expect(try value(Option.linger) == -1)
        try socket.setLinger(.milliseconds(-3))
        #expect(try value(Option.linger) == 0, "a negative duration is no time, never forever")

        try socket.setSendHighWaterMark(123)
        try socket.setReceiveHighWaterMark(456)
        #expect(try value(Option.sendHighWaterMark) == 123)
        #expect(try value(Option.receiveHighWaterMark) == 456)

        try socket.setImmediate(true)
        #expect(try value(Option.immediate) == 1)
        try socket.setImmediate(false)
        #expect(try value(Option.immediate) == 0)

        try socket.setSendTimeout(.milliseconds(300))
        try socket.setReceiveTimeout(.seconds(2))
        #expect(try value(Option.sendTimeout) == 300)
        #expect(try value(Option.receiveTimeout) == 2000)
        try socket.setSendTimeout(nil)
        try socket.setReceiveTimeout(nil)
        #expect(try value(Option.sendTimeout) == -1)
        #expect(try value(Option.receiveTimeout) == -1)

        try socket.setHeartbeat(interval: .seconds(1), timeout: .seconds(3), ttl: .seconds(10))
        #expect(try value(Option.heartbeatInterval) == 1000)
        #expect(try value(Option.heartbeatTimeout) == 3000)
        #expect(try value(Option.heartbeatTTL) == 10000)

        try socket.setReconnectInterval(.milliseconds(100), maximum: .seconds(5))
        #expect(try value(Option.reconnectInterval) == 100)
        #expect(try value(Option.reconnectIntervalMax) == 5000)

        try socket.setRoutingID(bytes("scraper-7"))
        #expect(try socket.stringOption(Option.routingID, name: "ROUTING_ID") == "scraper-7")

        try socket.setMaximumMessageSize(1024)
        try socket.setMaximumMessageSize(nil)
        try socket.setZAPDomain("newswire")
    }

    @Test("durations become whole milliseconds within libzmq's range")
    func durationMilliseconds() {
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
        #expect(Duration.microseconds(2999).milliseconds == 2)
        #expect(Duration.zero.milliseconds == 0)
        #expect(Duration.milliseconds(-1).milliseconds == 0)
        #expect(Duration.seconds(-10).milliseconds == 0)
        #expect(Duration.seconds(Int64.max).milliseconds == Int(Int32.max), "no overflow trap")
        #expect(Duration.seconds(3_000_000).milliseconds == Int(Int32.max))
    }

    @Test("heartbeats keep a connection usable")
    func heartbeats() async throws {
        let reply = try await onThread("heartbeat") {
            let context = try Context()
            let router = try Socket(context: context, type: .router)
            try router.setHeartbeat(interval: .milliseconds(50), timeout: .milliseconds(500), ttl: .seconds(1))
            let dealer = try Socket(context: context, type: .dealer)
            try dealer.setHeartbeat(interval: .milliseconds(50), timeout: .milliseconds(500))
            try dealer.connect(try bindLoopback(router))
            // Several heartbeat intervals pass with no traffic.
            Thread.sleep(forTimeInterval: 0.3)
            try dealer.send(Multipart(strings: ["still there?"]))
            let request = try receiveWithin(router)
            try router.send(Multipart([request[0], bytes("yes")]))
            return try receiveWithin(dealer)
        }
        #expect(reply == Multipart(strings: ["yes"]))
    }

    @Test("IMMEDIATE: with no completed connection a send is refused instead of queued")
    func immediate() async throws {
        let (withImmediate, without) = try await onThread("immediate") {
            let context = try Context()
            let dead = try DeadEndpoint()
            var results: [Bool] = []
            for immediate in [true, false] {
                let push = try Socket(context: context, type: .push)
                try push.setLinger(.zero)
                try push.setImmediate(immediate)
                try push.connect(dead.endpoint)
                results.append(try push.send(Multipart(strings: ["queued?"]), wait: false))
            }
            return (results[0], results[1])
        }
        #expect(withImmediate == false)
        #expect(without == true)
    }

    @Test("SNDTIMEO makes a blocking send throw wouldBlock after the timeout")
    func sendTimeout() async throws {
        let timeout = Duration.milliseconds(200)
        let (code, elapsed) = try await onThread("sndtimeo") {
            let context = try Context()
            let push = try Socket(context: context, type: .push)
            _ = try bindLoopback(push)  // no peer: a send has nowhere to go
            try push.setSendTimeout(timeout)
            let start = ContinuousClock.now
            do {
                try push.send(Multipart(strings: ["stuck"]))
                return (ZMQError.Code(errno: 0), ContinuousClock.now - start)
            } catch let error as ZMQError {
                return (error.code, ContinuousClock.now - start)
            }
        }
        #expect(code == .wouldBlock)
        #expect(elapsed >= timeout * 0.8)
    }

    @Test("LINGER bounds how long terminating the context waits for unsent messages")
    func linger() async throws {
        let (noLinger, shortLinger) = try await onThread("linger") {
            func termination(linger: Duration) throws -> Duration {
                var context: Context? = try Context()
                let dead = try DeadEndpoint()
                var push: Socket? = try Socket(context: context!, type: .push)
                try push!.setLinger(linger)
                try push!.connect(dead.endpoint)
                for _ in 0..<10 { try push!.send(Multipart(strings: ["never delivered"])) }
                push = nil  // closes the socket
                let start = ContinuousClock.now
                context = nil  // zmq_ctx_term waits for LINGER
                return ContinuousClock.now - start
            }
            return (try termination(linger: .zero), try termination(linger: .milliseconds(400)))
        }
        #expect(noLinger < .milliseconds(300))
        #expect(shortLinger >= .milliseconds(320))
    }

    @Test("MAXMSGSIZE: an oversized message is not delivered; smaller ones still are")
    func maximumMessageSize() async throws {
        let received = try await onThread("maxmsgsize") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            try pull.setMaximumMessageSize(1000)
            let push = try Socket(context: context, type: .push)
            try push.setLinger(.zero)
            try push.setReconnectInterval(.milliseconds(20))
            try push.connect(try bindLoopback(pull))
            try push.send(Multipart(strings: ["warm-up"]))
            var received = [try receiveWithin(pull)]
            try push.send(Multipart([[UInt8](repeating: 7, count: 2000)]))
            // libzmq drops the connection that carried the oversized message; the
            // PUSH reconnects and later small messages get through again.
            let deadline = ContinuousClock.now + .seconds(10)
            var index = 0
            while ContinuousClock.now < deadline {
                try push.send(Multipart(strings: ["small \(index)"]))
                index += 1
                if let message = try pull.receive(timeout: .milliseconds(50)) {
                    received.append(message)
                    break
                }
            }
            while let message = try pull.receive(timeout: .milliseconds(100)) { received.append(message) }
            return received
        }
        #expect(received.first == Multipart(strings: ["warm-up"]))
        #expect(received.count >= 2, "small messages are delivered again after the oversized one")
        #expect(received.allSatisfy { $0.byteCount <= 1000 }, "the oversized message was not delivered")
    }
}
