import Foundation
import GRDB
import NewsModels
import NewswireClient
import NewswireTesting
import Synchronization
import Testing
import ZeroMQ

/// Two producers and two consumers on one machine, each with its own ports and
/// database, every producer connected to every consumer.
@Suite("Scale-out", .serialized)
struct ScaleOutTests {
    /// A SUB socket on its own thread, connected to several streams, keeping every topic message.
    final class StreamRecorder: Sendable {
        private let received = Mutex<[TopicMessage]>([])
        private let stop = Atomic<Bool>(false)

        /// `configure` sets up the socket before it connects (CURVE keys, for example).
        init(endpoints: [String], configure: (Socket) throws -> Void = { _ in }) throws {
            let context = try Context()
            let socket = try Socket(context: context, type: .sub)
            try configure(socket)
            try socket.subscribe()
            for endpoint in endpoints { try socket.connect(endpoint) }
            let box = SocketHandoff(socket)
            Thread { [self] in
                let socket = box.socket
                while !stop.load(ordering: .acquiring) {
                    guard let message = try? socket.receive(timeout: .milliseconds(100)) else { continue }
                    if let wire = try? WireMessage(frames: message.frames.dropFirst()),
                        let topicMessage = try? wire.decode(TopicMessage.self, expecting: .topicMessage)
                    {
                        received.withLock { $0.append(topicMessage) }
                    }
                }
                socket.close()
            }.start()
        }

        var messages: [TopicMessage] { received.withLock { $0 } }
        func finish() { stop.store(true, ordering: .releasing) }
    }

    /// Hands a socket to the recorder's thread; the test never touches it again.
    final class SocketHandoff: @unchecked Sendable {
        let socket: Socket
        init(_ socket: Socket) { self.socket = socket }
    }

    /// One consumer of several on free loopback ports, with its own database in `directory`.
    struct Consumer {
        let process: RunningProcess
        let events: String
        let stream: String
        let db: String

        init(_ index: Int, in directory: TemporaryDirectory) async throws {
            let any = "tcp://127.0.0.1:*"
            db = directory.path("consumer\(index).db")
            process = try RunningProcess(
                "newswire-consumer", ["--db", db, "--events", any, "--stream", any, "--replay", any, "--metrics", ""], directory: directory)
            events = try await process.waitForLog(#"events=(tcp://[0-9.]+:[0-9]+)"#)
            stream = try await process.waitForLog(#"stream=(tcp://[0-9.]+:[0-9]+)"#)
        }
    }

    @Test("2 producers × 2 consumers: every article stored once in total; a subscriber to both sees every topic message")
    func twoByTwo() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-2x2")
        let any = "tcp://127.0.0.1:*"
        var consumers: [Consumer] = []
        for index in 1...2 { consumers.append(try await Consumer(index, in: directory)) }
        var producers: [(process: RunningProcess, ingest: String)] = []
        for index in 1...2 {
            let process = try RunningProcess(
                "newswire-producer",
                // A generous ack timeout: a resend after a merely slow ack (debug builds on a
                // loaded 2-core machine) may go to the other consumer and be stored there too,
                // which README's "Scaling out" documents; this test checks the steady state.
                ["--outbox", directory.path("outbox\(index).db"), "--ingest", any, "--metrics", "", "--ack-timeout-ms", "30000",
                 "--consumer", consumers[0].events, "--consumer", consumers[1].events],
                directory: directory)
            producers.append((process, try await process.waitForLog(#"ingest=(tcp://[0-9.]+:[0-9]+)"#)))
        }
        let recorder = try StreamRecorder(endpoints: consumers.map(\.stream))
        try await Task.sleep(for: .milliseconds(500))  // let the subscriptions reach both publishers

        let perProducer = 300
        let feeds = producers.enumerated().map { index, producer in
            BackgroundFeed(endpoint: producer.ingest, items: GeneratedArticles.items(perProducer, offset: index * perProducer))
        }
        var acked = Set<String>()
        for feed in feeds {
            let summary = try await feed.finish(timeout: .seconds(120))
            #expect(summary.accepted == perProducer)
            acked.formUnion(feed.ackedIDs)
        }
        #expect(acked.count == 2 * perProducer)

        // Stored once in total: the two databases split the articles between them.
        let deadline = ContinuousClock.now + .seconds(60)
        var stores = try consumers.map { try FaultTests.storeCounts($0.db) }
        while stores[0].ids.union(stores[1].ids).count < acked.count && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            stores = try consumers.map { try FaultTests.storeCounts($0.db) }
        }
        #expect(stores[0].ids.union(stores[1].ids) == acked)
        #expect(stores[0].ids.isDisjoint(with: stores[1].ids), "no article stored by both consumers")
        #expect(stores[0].articles + stores[1].articles == acked.count)
        #expect(stores[0].articles > 0 && stores[1].articles > 0, "both consumers took a share")

        // Every topic message of both consumers reached the subscriber, once.
        let expectedMessages = stores[0].streamRows + stores[1].streamRows
        #expect(expectedMessages > 0)
        while recorder.messages.count < expectedMessages && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        recorder.finish()
        let messages = recorder.messages
        #expect(messages.count == expectedMessages)
        let keys = Set(messages.map { "\($0.consumerID)#\($0.sequence)" })
        #expect(keys.count == messages.count, "each (consumer, sequence) once")
        #expect(Set(messages.map(\.consumerID)).count == 2)

        for producer in producers { producer.process.signal(SIGTERM) }
        for producer in producers { #expect(try await producer.process.waitForExit() == 0) }
        for consumer in consumers { consumer.process.signal(SIGTERM) }
        for consumer in consumers { #expect(try await consumer.process.waitForExit() == 0) }
    }

    @Test("one of two consumers is killed (SIGKILL) mid-feed: the other takes over its unacked events, and every acked article is stored")
    func consumerKilledMidFeed() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-kill-one")
        let any = "tcp://127.0.0.1:*"
        var consumers: [Consumer] = []
        for index in 1...2 { consumers.append(try await Consumer(index, in: directory)) }
        // A short ack timeout, so the events the dead consumer never acked are resent soon.
        let producer = try RunningProcess(
            "newswire-producer",
            ["--outbox", directory.path("outbox.db"), "--ingest", any, "--metrics", "", "--ack-timeout-ms", "2000",
             "--consumer", consumers[0].events, "--consumer", consumers[1].events],
            directory: directory)
        let ingest = try await producer.waitForLog(#"ingest=(tcp://[0-9.]+:[0-9]+)"#)

        // Enough that the feed is still going when the first consumer has stored 30: the
        // in-memory handoff stores 600 in well under a second, and one clean-clone run
        // had all but 33 on the other consumer before the kill.
        let total = 3000
        let feed = BackgroundFeed(endpoint: ingest, items: GeneratedArticles.items(total))
        // Kill the first consumer once it has stored part of its share, while the feed goes on.
        let deadline = ContinuousClock.now + .seconds(120)
        while try FaultTests.storeCounts(consumers[0].db).articles < 30 {
            guard ContinuousClock.now < deadline else { throw ProcessFailure("the first consumer never stored 30 articles") }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Stopped first, so events keep arriving at it that it never stores or acks; then killed.
        try await consumers[0].process.freezeThenKill()
        let storedByTheDead = try FaultTests.storeCounts(consumers[0].db)
        let survivorAtKill = try FaultTests.storeCounts(consumers[1].db).articles

        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == total)
        let acked = feed.ackedIDs
        #expect(acked.count == total)

        // Everything the dead consumer had not stored reaches the survivor.
        let survivor = try await FaultTests.waitUntilStored(acked.subtracting(storedByTheDead.ids), in: consumers[1].db)
        #expect(storedByTheDead.ids.union(survivor.ids) == acked, "every acked article is stored, and nothing else")
        #expect(survivor.articles > survivorAtKill, "the survivor kept storing after the kill")
        // Some events went to the stopped consumer, were never acked, and were sent again:
        // the producer counted the resends, and the survivor stored them as redeliveries.
        let resent = try await DatabaseQueue(path: directory.path("outbox.db")).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE attempts > 0") ?? 0
        }
        let redelivered = try await DatabaseQueue(path: consumers[1].db).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE delivery_attempts > 1") ?? 0
        }
        #expect(resent > 0, "events the dead consumer held were sent again")
        #expect(redelivered > 0, "the survivor stored events first sent to the dead consumer")
        // Exactly once within each database: one stream row per topic row, no more.
        #expect(survivor.streamRows == survivor.topicRows)
        #expect(storedByTheDead.streamRows == storedByTheDead.topicRows)

        producer.signal(SIGTERM)
        #expect(try await producer.waitForExit() == 0)
        consumers[1].process.signal(SIGTERM)
        #expect(try await consumers[1].process.waitForExit() == 0)
    }
}
