import Foundation
import Testing
import ZeroMQ

/// Every socket type Newswire uses, over real TCP on 127.0.0.1 with ports the
/// system picks. Each exchange runs on a thread of its own (see TestSupport).
@Suite("Socket patterns")
struct SocketPatternTests {
    @Test("bind tcp://127.0.0.1:* returns the port actually bound")
    func bindReturnsRealPort() async throws {
        let (endpoint, lastEndpoint, received) = try await onThread("bind-port") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            let endpoint = try pull.bind("tcp://127.0.0.1:*")
            let lastEndpoint = try pull.lastEndpoint
            // The port is real: a peer that connects to it gets through.
            let push = try Socket(context: context, type: .push)
            try push.connect(endpoint)
            try push.send(Multipart(strings: ["via the real port"]))
            return (endpoint, lastEndpoint, try receiveWithin(pull))
        }
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(!endpoint.hasSuffix("*"))
        let port = try #require(portNumber(of: endpoint))
        #expect((1...65535).contains(port))
        #expect(lastEndpoint == endpoint)
        #expect(received == Multipart(strings: ["via the real port"]))
    }

    @Test("PUSH/PULL delivers in order, whichever side binds")
    func pushPull() async throws {
        let results = try await onThread("push-pull") {
            let context = try Context()
            var results: [[Multipart]] = []
            for pushBinds in [false, true] {
                let pull = try Socket(context: context, type: .pull)
                let push = try Socket(context: context, type: .push)
                if pushBinds {
                    try pull.connect(try bindLoopback(push))
                } else {
                    try push.connect(try bindLoopback(pull))
                }
                for index in 0..<5 { try push.send(Multipart(strings: ["message", "\(index)"])) }
                results.append(try (0..<5).map { _ in try receiveWithin(pull) })
            }
            return results
        }
        let expected = (0..<5).map { Multipart(strings: ["message", "\($0)"]) }
        #expect(results == [expected, expected])
    }

    @Test("SUB receives only messages whose first frame starts with a subscribed prefix")
    func pubSubPrefix() async throws {
        let topics = try await onThread("pub-sub") {
            let context = try Context()
            let publisher = try Socket(context: context, type: .pub)
            let subscriber = try Socket(context: context, type: .sub)
            try subscriber.connect(try bindLoopback(publisher))
            try subscriber.subscribe("tech")
            try waitUntilSubscribed(publisher: publisher, subscriber: subscriber, probe: Multipart(strings: ["tech.probe", ""]))

            for topic in ["tech.ai", "sports", "technology", "te", "TECH.upper", "tech"] {
                try publisher.send(Multipart(strings: [topic, "payload of \(topic)"]))
            }
            try publisher.send(Multipart(strings: ["tech.end", ""]))
            var received: [Multipart] = []
            while true {
                let message = try receiveWithin(subscriber)
                if message.string(at: 0) == "tech.end" { break }
                received.append(message)
            }
            return received
        }
        #expect(topics == ["tech.ai", "technology", "tech"].map { Multipart(strings: [$0, "payload of \($0)"]) })
    }

    @Test("XPUB sees subscribe and unsubscribe messages, and publishes to the subscriber")
    func xpubSeesSubscriptions() async throws {
        let (seen, delivered) = try await onThread("xpub") {
            let context = try Context()
            let xpub = try Socket(context: context, type: .xpub)
            let subscriber = try Socket(context: context, type: .sub)
            try subscriber.connect(try bindLoopback(xpub))

            var seen: [[UInt8]] = []
            try subscriber.subscribe("alpha")
            seen.append(try receiveWithin(xpub)[0])
            // Once XPUB has seen the subscription, publishing reaches the subscriber: no slow-joiner probe needed.
            try xpub.send(Multipart(strings: ["alpha.1", "first"]))
            try xpub.send(Multipart(strings: ["beta.1", "not subscribed"]))
            try xpub.send(Multipart(strings: ["alpha.2", "second"]))
            let delivered = [try receiveWithin(subscriber), try receiveWithin(subscriber)]

            try subscriber.subscribe("")
            seen.append(try receiveWithin(xpub)[0])
            try subscriber.unsubscribe("alpha")
            seen.append(try receiveWithin(xpub)[0])
            return (seen, delivered)
        }
        #expect(seen == [[UInt8]([1]) + bytes("alpha"), [1], [UInt8]([0]) + bytes("alpha")])
        #expect(delivered == [Multipart(strings: ["alpha.1", "first"]), Multipart(strings: ["alpha.2", "second"])])
    }

    @Test("XPUB_VERBOSE passes up repeated subscriptions to the same prefix")
    func xpubVerbose() async throws {
        let counts = try await onThread("xpub-verbose") {
            let context = try Context()
            var counts: [Int] = []
            for verbose in [false, true] {
                let xpub = try Socket(context: context, type: .xpub)
                try xpub.setXPubVerbose(verbose)
                let endpoint = try bindLoopback(xpub)
                var subscribers: [Socket] = []
                for _ in 0..<2 {
                    let subscriber = try Socket(context: context, type: .sub)
                    try subscriber.connect(endpoint)
                    try subscriber.subscribe("news")
                    subscribers.append(subscriber)
                }
                var count = 0
                while let message = try xpub.receive(timeout: .milliseconds(500)) {
                    if message[0] == [UInt8]([1]) + bytes("news") { count += 1 }
                }
                counts.append(count)
            }
            return counts
        }
        #expect(counts == [1, 2])
    }

    @Test("ROUTER sees each DEALER's routing id and replies reach the right DEALER")
    func dealerRouter() async throws {
        let (inbound, replies) = try await onThread("dealer-router") {
            let context = try Context()
            let router = try Socket(context: context, type: .router)
            let endpoint = try bindLoopback(router)
            var dealers: [String: Socket] = [:]
            for name in ["scraper-a", "scraper-b"] {
                let dealer = try Socket(context: context, type: .dealer)
                try dealer.setRoutingID(bytes(name))
                try dealer.connect(endpoint)
                try dealer.send(Multipart(strings: ["hello from \(name)", "second frame"]))
                dealers[name] = dealer
            }
            var inbound: [String: [String]] = [:]
            for _ in 0..<2 {
                let message = try receiveWithin(router)
                let id = message.string(at: 0) ?? "?"
                inbound[id] = message.frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                try router.send(Multipart([message[0], bytes("reply to \(id)")]))
            }
            var replies: [String: Multipart] = [:]
            for (name, dealer) in dealers { replies[name] = try receiveWithin(dealer) }
            return (inbound, replies)
        }
        #expect(inbound == [
            "scraper-a": ["hello from scraper-a", "second frame"],
            "scraper-b": ["hello from scraper-b", "second frame"],
        ])
        #expect(replies == [
            "scraper-a": Multipart(strings: ["reply to scraper-a"]),
            "scraper-b": Multipart(strings: ["reply to scraper-b"]),
        ])
    }

    @Test("REQ → ROUTER: the ROUTER sees [id, empty delimiter, body] and the reply needs the delimiter")
    func reqRouter() async throws {
        let (request, reply) = try await onThread("req-router") {
            let context = try Context()
            let router = try Socket(context: context, type: .router)
            let req = try Socket(context: context, type: .req)
            try req.connect(try bindLoopback(router))
            try req.send(Multipart(strings: ["ping", "two"]))
            let request = try receiveWithin(router)
            try router.send(Multipart([request[0], [], bytes("pong")]))
            return (request, try receiveWithin(req))
        }
        #expect(request.count == 4)
        #expect(!request[0].isEmpty, "libzmq gives an anonymous peer a generated routing id")
        #expect(request[1].isEmpty, "REQ puts an empty delimiter before the body")
        #expect(request.string(at: 2) == "ping")
        #expect(request.string(at: 3) == "two")
        #expect(reply == Multipart(strings: ["pong"]))
    }
}
