import Foundation
import Synchronization
import Testing
import ZeroMQ
import NewswireTesting

/// ``AsyncSocket``: a socket on a thread of its own, used from tasks.
@Suite("AsyncSocket")
struct AsyncSocketTests {
    @Test("received messages arrive in order through the messages AsyncSequence")
    func messagesSequence() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.pull")
        let sender = ThreadTask("sender") {
            let push = try Socket(context: context, type: .push)
            try push.connect(endpoint)
            for index in 0..<200 { try push.send(Multipart(strings: ["message", "\(index)"])) }
        }
        try await sender.value()
        let received = try await within(.seconds(20), "receiving 200 messages") {
            var received: [Multipart] = []
            for await message in async.messages {
                received.append(message)
                if received.count == 200 { break }
            }
            return received
        }
        #expect(received == (0..<200).map { Multipart(strings: ["message", "\($0)"]) })
        await async.close()
    }

    @Test("batches hold every message once, in order, never empty and never more than the inbound capacity")
    func batchesSequence() async throws {
        let count = 5_000, capacity = 64
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.batches", inboundCapacity: capacity)
        let sender = ThreadTask("sender") {
            let push = try Socket(context: context, type: .push)
            try push.connect(endpoint)
            for index in 0..<count { try push.send(Multipart(strings: ["\(index)"])) }
        }
        try await sender.value()
        let batches = try await within(.seconds(30), "receiving \(count) messages in batches") {
            var batches: [[Multipart]] = []
            var received = 0
            for await batch in async.batches {
                batches.append(batch)
                received += batch.count
                if received >= count { break }
            }
            return batches
        }
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= capacity })
        #expect(batches.flatMap { $0 } == (0..<count).map { Multipart(strings: ["\($0)"]) })
        #expect(batches.count < count, "a reader that falls behind gets several messages per batch")
        await async.close()
    }

    @Test("a reader that comes back late takes everything waiting at once, up to 256 per batch")
    func lateReaderTakesAllWaiting() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.late-reader")
        let sender = ThreadTask("sender") {
            let push = try Socket(context: context, type: .push)
            try push.connect(endpoint)
            // One at a time, so the I/O thread reads them over many polls.
            for index in 0..<300 {
                try push.send(Multipart(strings: ["\(index)"]))
                if index % 10 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            }
        }
        try await sender.value()
        try await waitUntil("all 300 messages received by the I/O thread") { async.waitingMessages == 300 }
        let sizes = try await within(.seconds(20), "taking 300 messages") {
            var sizes: [Int] = []
            for await batch in async.batches {
                sizes.append(batch.count)
                if sizes.reduce(0, +) == 300 { break }
            }
            return sizes
        }
        #expect(sizes == [256, 44])
        #expect(async.waitingMessages == 0)
        await async.close()
    }

    @Test("send() of several messages at once sends them all, in order")
    func sendSeveral() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let push = try Socket(context: context, type: .push)
        try push.connect(endpoint)
        let async = try AsyncSocket(push, name: "test.push-several")
        try async.send((0..<300).map { Multipart(strings: ["\($0)"]) })
        let receiver = ThreadTask("receiver", with: pull) { pull in
            try (0..<300).map { _ in try receiveWithin(pull, .seconds(10)) }
        }
        #expect(try await receiver.value() == (0..<300).map { Multipart(strings: ["\($0)"]) })
        await async.close()
    }

    @Test("send() from several tasks at once: every message is sent, each task's in order")
    func sendFromSeveralTasks() async throws {
        let tasks = 4, perTask = 500
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let receiver = ThreadTask("receiver", with: pull) { pull in
            try (0..<tasks * perTask).map { _ in try receiveWithin(pull, .seconds(10)) }
        }
        let push = try Socket(context: context, type: .push)
        try push.connect(endpoint)
        let async = try AsyncSocket(push, name: "test.push")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<perTask {
                        try async.send(Multipart(strings: ["\(task)", "\(index)"]))
                        if index % 50 == 0 { await Task.yield() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let received = try await receiver.value()
        var next = [Int](repeating: 0, count: tasks)
        for message in received {
            let task = try #require(message.string(at: 0).flatMap { Int($0) })
            let index = try #require(message.string(at: 1).flatMap { Int($0) })
            #expect(index == next[task], "task \(task)'s messages out of order")
            next[task] = index + 1
        }
        #expect(next == [Int](repeating: perTask, count: tasks))
        #expect(async.pendingSends == 0)
        await async.close()
    }

    @Test("sends queue while there is no peer and go out once one connects")
    func pendingSendsDrain() async throws {
        let context = try Context()
        let push = try Socket(context: context, type: .push)
        let endpoint = try bindLoopback(push)
        let async = try AsyncSocket(push, name: "test.push.pending")
        for index in 0..<5 { try async.send(Multipart(strings: ["queued \(index)"])) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(async.pendingSends == 5, "no peer: libzmq cannot take them yet")

        let received = try await onThread("late-peer") {
            let pull = try Socket(context: context, type: .pull)
            try pull.connect(endpoint)
            return try (0..<5).map { _ in try receiveWithin(pull) }
        }
        #expect(received == (0..<5).map { Multipart(strings: ["queued \($0)"]) })
        #expect(async.pendingSends == 0)
        await async.close()
    }

    @Test("close() returns promptly, ends the sequence, and later sends throw")
    func closeEndsSequence() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        _ = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.close")
        let iteration = Task {
            var count = 0
            for await _ in async.messages { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        // "Promptly" is the deadline: no wall-clock assertion, which the rest of a
        // parallel suite on 2 cores would make flaky.
        try await within(.seconds(5), "close()") { await async.close() }
        let count = try await within(.seconds(5), "the end of messages") { await iteration.value }
        #expect(count == 0)
        #expect(throws: ZMQError.self) { try async.send(Multipart(strings: ["too late"])) }
        try await within(.seconds(5), "a second close()") { await async.close() }
    }

    @Test("close() with sends that can never go out still returns promptly")
    func closeWithUndeliverableSends() async throws {
        let context = try Context()
        let push = try Socket(context: context, type: .push)
        try push.setLinger(.zero)
        _ = try bindLoopback(push)
        let async = try AsyncSocket(push, name: "test.close.pending")
        for index in 0..<100 { try async.send(Multipart(strings: ["nowhere \(index)"])) }
        // The flush on close gives up after 500 ms (SocketFlow.flushOutbound); the deadline
        // only tells a hang from that. It is wide because the task that awaits close() needs
        // a thread of the 2-thread cooperative pool, which other suites' blocking ZeroMQ
        // calls can hold for seconds on a 2-core machine (a 10 s deadline failed so in CI).
        try await within(.seconds(30), "close()") { await async.close() }
    }

    @Test("a small inbound capacity pushes back on the sender without losing or reordering messages")
    func inboundBackPressure() async throws {
        let count = 10_000
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        try pull.setReceiveHighWaterMark(100)
        let endpoint = try bindLoopback(pull)
        let async = try AsyncSocket(pull, name: "test.backpressure", inboundCapacity: 8)
        let sender = ThreadTask("sender") {
            let push = try Socket(context: context, type: .push)
            try push.setSendHighWaterMark(100)
            try push.connect(endpoint)
            for index in 0..<count { try push.send(Multipart([sequenced(UInt64(index), size: 4096)])) }
        }
        // Nobody reads for a while: 40 MB cannot all fit in the queues and kernel buffers.
        try await Task.sleep(for: .milliseconds(300))
        #expect(!sender.isFinished, "the sender should be held back while nobody reads")

        let sequences = try await within(.seconds(60), "receiving \(count) messages") {
            var sequences: [UInt64] = []
            sequences.reserveCapacity(count)
            for await message in async.messages {
                sequences.append(sequence(of: message[0]))
                if sequences.count == count { break }
            }
            return sequences
        }
        try await sender.value()
        #expect(sequences.count == count)
        #expect(sequences == (0..<UInt64(count)).map { $0 })
        await async.close()
    }

    @Test("a ROUTER AsyncSocket answers DEALER and REQ clients")
    func routerService() async throws {
        let context = try Context()
        let router = try Socket(context: context, type: .router)
        let endpoint = try bindLoopback(router)
        let service = try AsyncSocket(router, name: "test.router")
        let server = Task {
            for await request in service.messages {
                // Echo back along the route: everything but the last frame.
                try service.send(Multipart(Array(request.frames.dropLast()) + [bytes("re: " + (request.string(at: request.count - 1) ?? ""))]))
            }
        }
        let replies = try await onThread("clients") {
            let dealer = try Socket(context: context, type: .dealer)
            try dealer.connect(endpoint)
            let req = try Socket(context: context, type: .req)
            try req.connect(endpoint)
            try dealer.send(Multipart(strings: ["from dealer"]))
            try req.send(Multipart(strings: ["from req"]))
            return [try receiveWithin(dealer), try receiveWithin(req)]
        }
        #expect(replies == [Multipart(strings: ["re: from dealer"]), Multipart(strings: ["re: from req"])])
        await service.close()
        try await within(.seconds(20), "the server loop") { try await server.value }
    }
}
