internal import CZeroMQ
internal import Foundation

/// A socket that lives on a thread of its own, usable from any task.
///
/// Ownership: the caller creates, configures, binds and connects the libzmq
/// socket, then hands it over for good. From ``init(_:name:inboundCapacity:)`` on,
/// only this object's I/O thread touches it, so blocking libzmq calls never run
/// on Swift's cooperative thread pool (two threads on a 2-core machine).
///
/// - Received messages arrive through ``messages``, an `AsyncSequence`, or
///   ``batches``, the same messages grouped (all that wait when the reader
///   asks, up to 256), for readers that amortise work such as a database
///   transaction over many messages. Use one of the two. At most
///   `inboundCapacity` messages wait unread; past that the thread stops
///   reading, and libzmq's queues and high-water marks push back on the senders.
/// - ``send(_:)`` queues a message from any task and wakes the thread.
/// - ``close()`` hands queued messages to libzmq (bounded by LINGER), closes the
///   socket, ends ``messages``, and returns once the thread has exited.
public final class AsyncSocket: Sendable {
    /// Received messages, in arrival order. Iterate from one task only.
    public var messages: SocketMessages { SocketMessages(batches: batches) }
    /// Received messages, all that wait each time the reader asks (up to 256), never empty.
    /// Iterate from one task only, and not together with ``messages``.
    public let batches: SocketBatches
    /// A name for logs and errors, e.g. "consumer.events".
    public let name: String
    private let flow: SocketFlow

    /// Takes `socket` over; the caller must not use it afterwards.
    public init(_ socket: consuming sending Socket, name: String, inboundCapacity: Int = 1024) throws(ZMQError) {
        let flow = try SocketFlow(name: name, capacity: max(1, inboundCapacity))
        let inbound = InboundQueue(maximumBatch: SocketFlow.maximumBatch)
        self.name = name
        self.flow = flow
        self.batches = SocketBatches(inbound: inbound, flow: flow)
        let box = SocketBox(socket)
        let thread = Thread {
            flow.run(socket: box.take(), inbound: inbound)
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
        try flow.enqueue(CollectionOfOne(message))
    }

    /// Queues several messages at once, in order; one wake-up for all of them.
    public func send(_ messages: [Multipart]) throws(ZMQError) {
        try flow.enqueue(messages)
    }

    /// Messages queued by ``send(_:)`` and not yet taken by libzmq.
    public var pendingSends: Int { flow.pendingSends }

    /// Messages received and not yet taken by the reader: how far it is behind.
    public var waitingMessages: Int { flow.inboundWaiting }

    /// Closes the socket and waits for its thread to finish. Idempotent.
    public func close() async {
        flow.requestClose()
        await flow.waitUntilFinished()
    }
}

/// The messages an ``AsyncSocket`` receives, in batches: each is everything
/// received and not yet taken when the reader asks (at most 256 messages), so
/// a busy reader gets larger batches (see ``InboundQueue``).
public struct SocketBatches: AsyncSequence, Sendable {
    public typealias Element = [Multipart]
    let inbound: InboundQueue
    let flow: SocketFlow

    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbound: InboundQueue
        let flow: SocketFlow

        public mutating func next() async -> [Multipart]? {
            let batch = await inbound.next()
            if let batch { flow.messagesTaken(batch.count) }
            return batch
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> [Multipart]? {
            let batch = await inbound.next()
            if let batch { flow.messagesTaken(batch.count) }
            return batch
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(inbound: inbound, flow: flow)
    }
}

/// The messages an ``AsyncSocket`` receives, one at a time.
public struct SocketMessages: AsyncSequence, Sendable {
    public typealias Element = Multipart
    let batches: SocketBatches

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: SocketBatches.AsyncIterator
        var pending: [Multipart] = []
        var index = 0

        public mutating func next() async -> Multipart? {
            await next(isolation: nil)
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Multipart? {
            if index == pending.count {
                guard let batch = await base.next(isolation: actor) else { return nil }
                pending = batch
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: batches.makeAsyncIterator())
    }
}
