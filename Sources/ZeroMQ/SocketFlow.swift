internal import CZeroMQ
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The state an ``AsyncSocket``'s I/O thread shares with the tasks that use it:
/// the outbound queue, the count of received messages not yet taken, the close
/// request, and a pipe that wakes the thread out of `zmq_poll`.
final class SocketFlow: Sendable {
    let name: String
    let capacity: Int
    /// The most messages handed over as one batch: enough to amortise a
    /// transaction, few enough that the first message's reply is not held
    /// back long by the rest.
    static let maximumBatch = 256
    private let wakeReadFD: Int32
    private let wakeWriteFD: Int32
    private let state = Mutex(State())
    private let finish = Mutex(Finish())

    private struct State {
        var outbound: [Multipart] = []
        var outboundHead = 0
        var inboundWaiting = 0
        var closing = false
        var fatalError: ZMQError?
        var pendingSends: Int { outbound.count - outboundHead }
    }

    private struct Finish {
        var done = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init(name: String, capacity: Int) throws(ZMQError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ZMQError(code: .init(errno: errno), operation: "pipe for \(name)") }
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        self.name = name
        self.capacity = capacity
        self.wakeReadFD = fds[0]
        self.wakeWriteFD = fds[1]
    }

    deinit {
        _ = close(wakeReadFD)
        _ = close(wakeWriteFD)
    }

    // MARK: Called from any task

    func enqueue(_ messages: some Collection<Multipart>) throws(ZMQError) {
        guard !messages.isEmpty else { return }
        let wasEmpty = try state.withLock { (state) throws(ZMQError) -> Bool in
            if let error = state.fatalError { throw error }
            if state.closing { throw ZMQError(code: .notSocket, operation: "send", endpoint: name) }
            let wasEmpty = state.pendingSends == 0
            state.outbound.append(contentsOf: messages)
            return wasEmpty
        }
        if wasEmpty { wake() }
    }

    var pendingSends: Int { state.withLock { $0.pendingSends } }

    var inboundWaiting: Int { state.withLock { $0.inboundWaiting } }

    /// The reader took `count` received messages; reading resumes if it had stopped.
    func messagesTaken(_ count: Int) {
        let wasFull = state.withLock { state -> Bool in
            let wasFull = state.inboundWaiting >= capacity
            state.inboundWaiting -= count
            return wasFull && state.inboundWaiting < capacity
        }
        if wasFull { wake() }
    }

    func requestClose() {
        state.withLock { $0.closing = true }
        wake()
    }

    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = finish.withLock { finish -> Bool in
                if !finish.done { finish.waiters.append(continuation) }
                return finish.done
            }
            if done { continuation.resume() }
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriteFD, &byte, 1)
    }

    // MARK: The I/O thread

    func run(socket: Socket, inbound: InboundQueue) {
        // Why the thread stopped on its own (context terminated, receive failed), if it did.
        var exitError: ZMQError?
        defer {
            socket.close()
            // From now on send() fails instead of queueing messages nobody will send.
            state.withLock { state in
                state.closing = true
                if state.fatalError == nil { state.fatalError = exitError }
            }
            inbound.finish()
            let waiters = finish.withLock { finish in
                finish.done = true
                defer { finish.waiters = [] }
                return finish.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        guard let handle = socket.handle else { return }
        var drain = [UInt8](repeating: 0, count: 256)
        while true {
            let (closing, canRead, hasOutbound) = state.withLock { state in
                (state.closing, state.inboundWaiting < capacity, state.pendingSends > 0)
            }
            if closing {
                flushOutbound(socket)
                return
            }
            var events: Int16 = 0
            if canRead { events |= Int16(ZMQ_POLLIN) }
            if hasOutbound { events |= Int16(ZMQ_POLLOUT) }
            var items = [
                zmq_pollitem_t(socket: handle, fd: 0, events: events, revents: 0),
                zmq_pollitem_t(socket: nil, fd: wakeReadFD, events: Int16(ZMQ_POLLIN), revents: 0),
            ]
            // The pipe wakes us; the timeout only bounds the cost of a lost wake-up.
            if zmq_poll(&items, 2, 250) < 0 {
                if zmq_errno() == czmq_errno_eintr() { continue }
                exitError = ZMQError.last("poll", endpoint: name)  // context terminated
                return
            }
            if items[1].revents != 0 {
                while read(wakeReadFD, &drain, drain.count) > 0 {}
            }
            if items[0].revents & Int16(ZMQ_POLLOUT) != 0 {
                sendQueued(socket)
            }
            if items[0].revents & Int16(ZMQ_POLLIN) != 0 {
                // Everything libzmq has queued (up to the room left) goes up as one
                // batch, so a busy reader pays one hand-over per round, not per message.
                let room = min(Self.maximumBatch, state.withLock { capacity - $0.inboundWaiting })
                var batch: [Multipart] = []
                var receiveError: ZMQError?
                while batch.count < room {
                    do {
                        guard let message = try socket.tryReceive() else { break }
                        batch.append(message)
                    } catch {
                        receiveError = error
                        break
                    }
                }
                if !batch.isEmpty {
                    state.withLock { $0.inboundWaiting += batch.count }
                    inbound.append(batch)
                }
                if let receiveError {
                    exitError = receiveError
                    return
                }
            }
        }
    }

    private func nextOutbound() -> Multipart? {
        state.withLock { $0.pendingSends > 0 ? $0.outbound[$0.outboundHead] : nil }
    }

    private func markSent(error: ZMQError? = nil) {
        state.withLock { state in
            state.outboundHead += 1
            if let error, error.code != .hostUnreachable { state.fatalError = error }
            if state.outboundHead >= 1024 && state.outboundHead * 2 >= state.outbound.count {
                state.outbound.removeFirst(state.outboundHead)
                state.outboundHead = 0
            }
        }
    }

    /// Hands queued messages to libzmq until it would block.
    private func sendQueued(_ socket: Socket) {
        while let message = nextOutbound() {
            do {
                guard try socket.send(message, wait: false) else { return }  // high-water mark: wait for POLLOUT
                markSent()
            } catch {
                // Unroutable (a ROUTER peer that left) is dropped silently, as ZeroMQ does;
                // anything else is remembered and fails the next send().
                markSent(error: error)
            }
        }
    }

    /// On close: give libzmq what is queued without waiting long; LINGER bounds the rest.
    private func flushOutbound(_ socket: Socket) {
        let deadline = ContinuousClock.now + .milliseconds(500)
        while nextOutbound() != nil && ContinuousClock.now < deadline {
            sendQueued(socket)
            if nextOutbound() != nil { _ = try? socket.poll(events: .writable, timeout: .milliseconds(50)) }
        }
    }
}
