import Foundation
import Synchronization
import Testing
import ZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// SIGUSR1 deliveries seen by the test's handler.
let signalsSeen = Atomic<Int>(0)

/// Multipart atomicity, the three ways to receive, sending at the high-water
/// mark, and polling several sockets.
@Suite("Messaging")
struct MessagingTests {
    // MARK: Multipart

    @Test("a multipart message arrives whole, frames in order, empty frames kept")
    func multipartWhole() async throws {
        let big = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let sent = [
            Multipart([bytes("a"), [], bytes("ccc"), big, []]),
            Multipart([[]]),
            Multipart([[], []]),
            Multipart([bytes("single")]),
        ]
        let received = try await onThread("multipart") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            let push = try Socket(context: context, type: .push)
            try push.connect(try bindLoopback(pull))
            for message in sent { try push.send(message) }
            return try sent.map { _ in try receiveWithin(pull) }
        }
        #expect(received == sent)
        #expect(received[0].byteCount == 200_004)
        #expect(received[0].string(at: 1) == "")
        #expect(received[0].string(at: 3) == nil, "not valid UTF-8")
        #expect(received[0].string(at: 9) == nil, "absent")
    }

    @Test("an empty Multipart is sent as one empty frame")
    func emptyMultipart() async throws {
        let received = try await onThread("empty") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            let push = try Socket(context: context, type: .push)
            try push.connect(try bindLoopback(pull))
            try push.send(Multipart([]))
            return try receiveWithin(pull)
        }
        #expect(received == Multipart([[]]))
    }

    @Test("messages of many frame counts from several senders never interleave")
    func multipartNeverInterleaves() async throws {
        let senders = 3, perSender = 300
        let received = try await onThread("interleave") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            let endpoint = try bindLoopback(pull)
            let pushes = try (0..<senders).map { _ in
                let push = try Socket(context: context, type: .push)
                try push.connect(endpoint)
                return push
            }
            for index in 0..<perSender {
                for (sender, push) in pushes.enumerated() {
                    // Frame count varies 1...7; every frame names its message.
                    let tag = bytes("\(sender):\(index)")
                    try push.send(Multipart(Array(repeating: tag, count: 1 + (index + sender) % 7)))
                }
            }
            return try (0..<senders * perSender).map { _ in try receiveWithin(pull) }
        }
        var next = [Int](repeating: 0, count: senders)
        for message in received {
            let tag = try #require(message.string(at: 0))
            let parts = tag.split(separator: ":").compactMap { Int($0) }
            let (sender, index) = (parts[0], parts[1])
            #expect(message.frames.allSatisfy { $0 == message[0] }, "frames of \(tag) mixed with another message")
            #expect(message.count == 1 + (index + sender) % 7)
            #expect(index == next[sender], "sender \(sender) out of order")
            next[sender] = index + 1
        }
        #expect(next == [Int](repeating: perSender, count: senders))
    }

    // MARK: Receiving

    @Test("tryReceive returns nil at once when nothing is waiting")
    func tryReceiveEmpty() async throws {
        let (message, elapsed) = try await onThread("try-receive") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            _ = try bindLoopback(pull)
            let start = ContinuousClock.now
            let message = try pull.tryReceive()
            return (message, ContinuousClock.now - start)
        }
        #expect(message == nil)
        #expect(elapsed < .seconds(5), "returned at once, not after waiting")
    }

    @Test("receive(timeout:) returns nil after about the timeout")
    func timedReceive() async throws {
        let timeout = Duration.milliseconds(250)
        let (message, elapsed) = try await onThread("timed-receive") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            _ = try bindLoopback(pull)
            let start = ContinuousClock.now
            let message = try pull.receive(timeout: timeout)
            return (message, ContinuousClock.now - start)
        }
        #expect(message == nil)
        #expect(elapsed >= timeout * 0.8)
    }

    @Test("receive(timeout:) with a zero or negative timeout does not block")
    func timedReceiveNonPositive() async throws {
        let elapsed = try await onThread("negative-timeout", within: .seconds(10)) {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            _ = try bindLoopback(pull)
            let start = ContinuousClock.now
            _ = try pull.receive(timeout: .zero)
            // A deadline already past: must not mean "wait forever".
            _ = try pull.receive(timeout: .milliseconds(-5))
            _ = try pull.poll(events: .readable, timeout: .seconds(-1))
            return ContinuousClock.now - start
        }
        #expect(elapsed < .seconds(5), "did not wait")
    }

    @Test("receive(timeout:) returns a message that arrives before the timeout")
    func timedReceiveGetsMessage() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let receiver = ThreadTask("timed-receiver", with: pull) { pull in
            try pull.receive(timeout: .seconds(10))
        }
        try await Task.sleep(for: .milliseconds(100))
        let push = try Socket(context: context, type: .push)
        try push.connect(endpoint)
        try push.send(Multipart(strings: ["late but in time"]))
        #expect(try await receiver.value() == Multipart(strings: ["late but in time"]))
    }

    @Test("a blocking receive waits for a message sent later from elsewhere")
    func blockingReceive() async throws {
        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let receiver = ThreadTask("blocking-receiver", with: pull) { pull in
            let start = ContinuousClock.now
            let message = try pull.receive()
            return (message, ContinuousClock.now - start)
        }
        try await Task.sleep(for: .milliseconds(150))
        #expect(!receiver.isFinished)
        let push = try Socket(context: context, type: .push)
        try push.connect(endpoint)
        try push.send(Multipart(strings: ["worth the wait"]))
        let (message, waited) = try await receiver.value()
        #expect(message == Multipart(strings: ["worth the wait"]))
        #expect(waited >= .milliseconds(120))
    }

    @Test("RCVTIMEO makes a blocking receive throw wouldBlock after the timeout")
    func receiveTimeoutOption() async throws {
        let timeout = Duration.milliseconds(200)
        let (error, elapsed) = try await onThread("rcvtimeo") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            _ = try bindLoopback(pull)
            try pull.setReceiveTimeout(timeout)
            let start = ContinuousClock.now
            do {
                let message = try pull.receive()
                throw UnexpectedMessage(message: message, while: "waiting for RCVTIMEO")
            } catch let error as ZMQError {
                return (error, ContinuousClock.now - start)
            }
        }
        #expect(error.code == .wouldBlock)
        #expect(elapsed >= timeout * 0.8)
    }

    @Test("a blocking receive interrupted by a signal keeps waiting for the real message")
    func receiveSurvivesSignal() async throws {
        #if os(Linux)
        // A no-op handler without SA_RESTART, so the signal interrupts libzmq's poll with EINTR.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in signalsSeen.add(1, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGUSR1, &action, nil)

        let context = try Context()
        let pull = try Socket(context: context, type: .pull)
        let endpoint = try bindLoopback(pull)
        let threadID = Mutex<pthread_t?>(nil)
        let receiver = ThreadTask("interrupted-receiver", with: pull) { pull in
            // Threads started from the task pool inherit libdispatch's mask, which blocks signals.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGUSR1)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            threadID.withLock { $0 = pthread_self() }
            return try pull.receive()
        }
        var target: pthread_t?
        while target == nil {
            try await Task.sleep(for: .milliseconds(10))
            target = threadID.withLock { $0 }
        }
        // Give it time to block in zmq_msg_recv, then interrupt it a few times.
        for _ in 0..<5 {
            try await Task.sleep(for: .milliseconds(40))
            pthread_kill(target!, SIGUSR1)
        }
        try await Task.sleep(for: .milliseconds(50))
        let push = try Socket(context: context, type: .push)
        try push.connect(endpoint)
        try push.send(Multipart(strings: ["after the signals"]))
        #expect(try await receiver.value(within: .seconds(10)) == Multipart(strings: ["after the signals"]))
        #expect(signalsSeen.load(ordering: .relaxed) >= 1, "the signals must really have interrupted the receive")
        #endif
    }

    // MARK: High-water mark

    @Test("a non-blocking send to a peer that is not reading returns false at the high-water mark, and loses nothing")
    func nonBlockingSendAtHighWaterMark() async throws {
        let (accepted, refused, received, afterwards) = try await onThread("hwm", within: .seconds(60)) {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            try pull.setReceiveHighWaterMark(4)
            let push = try Socket(context: context, type: .push)
            try push.setSendHighWaterMark(4)
            try push.setLinger(.zero)
            try push.connect(try bindLoopback(pull))
            // Connected first, so the kernel's socket buffers are in play too.
            try push.send(Multipart(strings: ["hello"]))
            _ = try receiveWithin(pull)
            // 64 KB messages fill them quickly. A refused send means the pipe is full
            // for now; it frees up as libzmq's I/O thread moves messages on, until the
            // peer's queue and the kernel's buffers are full too and it stays full.
            var accepted = 0, refused = 0
            while accepted < 100_000 {
                if try push.send(Multipart([sequenced(UInt64(accepted), size: 65_536), bytes("tail")]), wait: false) {
                    accepted += 1
                    continue
                }
                refused += 1
                if try push.poll(events: .writable, timeout: .milliseconds(300)).isEmpty { break }
            }
            var received: [UInt64] = []
            for _ in 0..<accepted {
                let message = try receiveWithin(pull)
                guard message.count == 2, message.string(at: 1) == "tail" else {
                    throw UnexpectedMessage(message: message, while: "draining the queue")
                }
                received.append(sequence(of: message[0]))
            }
            try push.send(Multipart(strings: ["end"]))
            return (accepted, refused, received, try receiveWithin(pull))
        }
        #expect(refused >= 1)
        #expect(accepted >= 8, "the send and receive queues hold at least their high-water marks")
        #expect(accepted < 100_000, "the send never refused the message")
        #expect(received == (0..<UInt64(accepted)).map { $0 })
        #expect(afterwards == Multipart(strings: ["end"]), "a refused send sends nothing")
    }

    @Test("a non-blocking send with no peer at all returns false")
    func nonBlockingSendWithoutPeer() throws {
        let context = try Context()
        let push = try Socket(context: context, type: .push)
        _ = try bindLoopback(push)
        #expect(try push.send(Multipart(strings: ["nobody"]), wait: false) == false)
    }

    // MARK: Poller

    @Test("Poller reports which of several sockets are readable")
    func pollerSeveralSockets() async throws {
        let (readable, writable, idle, idleElapsed) = try await onThread("poller") {
            let context = try Context()
            let pulls = try (0..<3).map { _ in try Socket(context: context, type: .pull) }
            let endpoints = try pulls.map(bindLoopback)
            var poller = Poller()
            let indices = pulls.map { poller.add($0) }

            // Idle: nothing readable, and the poll waits about its timeout.
            let start = ContinuousClock.now
            let idle = try poller.poll(timeout: .milliseconds(200))
            let idleElapsed = ContinuousClock.now - start

            let pushes = try [0, 2].map { index in
                let push = try Socket(context: context, type: .push)
                try push.connect(endpoints[index])
                try push.send(Multipart(strings: ["for \(index)"]))
                return push
            }
            // Both messages may not be there on the first poll; wait until they are.
            var readable: Set<Int> = []
            let deadline = ContinuousClock.now + .seconds(5)
            while readable != [0, 2] && ContinuousClock.now < deadline {
                let events = try poller.poll(timeout: .milliseconds(100))
                for index in indices where events[index].contains(.readable) { readable.insert(index) }
            }
            // Readiness does not consume: each readable socket now has its message.
            for index in readable {
                guard try pulls[index].tryReceive() == Multipart(strings: ["for \(index)"]) else {
                    throw DeadlineExceeded(what: "message for socket \(index)", limit: .zero)
                }
            }

            var writePoller = Poller()
            writePoller.add(pushes[0], events: .writable)
            let writable = try writePoller.poll(timeout: .seconds(5))[0]
            return (readable, writable, idle, idleElapsed)
        }
        #expect(readable == [0, 2])
        #expect(writable.contains(.writable))
        #expect(idle == [[], [], []])
        #expect(idleElapsed >= .milliseconds(160))
    }

    @Test("Socket.poll waits for one socket")
    func singleSocketPoll() async throws {
        let (before, after) = try await onThread("single-poll") {
            let context = try Context()
            let pull = try Socket(context: context, type: .pull)
            let push = try Socket(context: context, type: .push)
            try push.connect(try bindLoopback(pull))
            let before = try pull.poll(events: .readable, timeout: .zero)
            try push.send(Multipart(strings: ["x"]))
            let after = try pull.poll(events: .readable, timeout: .seconds(5))
            return (before, after)
        }
        #expect(before.isEmpty)
        #expect(after == .readable)
    }
}
