internal import CZeroMQ
internal import Foundation

/// A socket that lives on a thread of its own, usable from any task.
///
/// Ownership: the caller creates, configures, binds and connects the libzmq
/// socket, then hands it over for good. From ``init(_:name:inboundCapacity:)`` on,
/// only this object's I/O thread touches it, so blocking libzmq calls never run
/// on Swift's cooperative thread pool (two threads on a 2-core machine).
///
/// - Received messages arrive through ``messages``, an `AsyncSequence`. At most
///   `inboundCapacity` wait there; past that the thread stops reading, and
///   libzmq's queues and high-water marks push back on the senders.
/// - ``send(_:)`` queues a message from any task and wakes the thread.
/// - ``close()`` hands queued messages to libzmq (bounded by LINGER), closes the
///   socket, ends ``messages``, and returns once the thread has exited.
public final class AsyncSocket: Sendable {
    /// Received messages, in arrival order. Iterate from one task only.
    public let messages: SocketMessages
    /// A name for logs and errors, e.g. "consumer.events".
    public let name: String
    private let flow: SocketFlow

    /// Takes `socket` over; the caller must not use it afterwards.
    public init(_ socket: consuming sending Socket, name: String, inboundCapacity: Int = 1024) throws(ZMQError) {
        let flow = try SocketFlow(name: name, capacity: max(1, inboundCapacity))
        let (stream, continuation) = AsyncStream<Multipart>.makeStream(bufferingPolicy: .unbounded)
        self.name = name
        self.flow = flow
        self.messages = SocketMessages(stream: stream, flow: flow)
        let box = SocketBox(socket)
        let thread = Thread {
            flow.run(socket: box.take(), continuation: continuation)
        }
        thread.name = "zmq:\(name)"
        thread.start()
    }

    deinit {
        flow.requestClose()
    }

    /// Queues `message` for sending; never blocks. Throws once closing, or when
    /// the I/O thread hit a send error that will not go away.
    public func send(_ message: Multipart) throws(ZMQError) {
        try flow.enqueue(message)
    }

    /// Messages queued by ``send(_:)`` and not yet taken by libzmq.
    public var pendingSends: Int { flow.pendingSends }

    /// Closes the socket and waits for its thread to finish. Idempotent.
    public func close() async {
        flow.requestClose()
        await flow.waitUntilFinished()
    }
}

/// The messages an ``AsyncSocket`` receives.
public struct SocketMessages: AsyncSequence, Sendable {
    public typealias Element = Multipart
    let stream: AsyncStream<Multipart>
    let flow: SocketFlow

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<Multipart>.AsyncIterator
        let flow: SocketFlow

        public mutating func next() async -> Multipart? {
            let message = await base.next()
            if message != nil { flow.messageTaken() }
            return message
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Multipart? {
            let message = await base.next(isolation: actor)
            if message != nil { flow.messageTaken() }
            return message
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), flow: flow)
    }
}

/// Moves a socket to the thread that will own it, exactly once.
final class SocketBox: @unchecked Sendable {
    // Unchecked: set at creation, taken once by the I/O thread; never shared.
    private var socket: Socket?
    init(_ socket: consuming sending Socket) { self.socket = socket }
    func take() -> Socket {
        defer { socket = nil }
        return socket!
    }
}
