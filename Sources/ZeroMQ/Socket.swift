internal import CZeroMQ

/// A libzmq socket.
///
/// Ownership: a libzmq socket is **not** thread-safe, so neither is this class
/// (it is deliberately not `Sendable`). It belongs to the thread or actor that
/// uses it; to hand it to another thread, give it up entirely (see
/// ``AsyncSocket``, which moves a socket onto a thread of its own).
///
/// Every socket starts with a bounded LINGER (``defaultLinger``), so closing it
/// never waits forever on a peer that is gone.
public final class Socket {
    /// Pending messages are kept at most this long after close (libzmq's default is forever).
    public static let defaultLinger: Duration = .seconds(1)

    public let type: SocketType
    let context: Context
    private(set) var handle: UnsafeMutableRawPointer?

    public init(context: Context, type: SocketType) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket(\(type))")
        }
        self.context = context
        self.type = type
        self.handle = handle
        try setOption(ZMQ_LINGER, Int32(Socket.defaultLinger.milliseconds), name: "LINGER")
    }

    deinit { close() }

    /// True until ``close()``.
    public var isOpen: Bool { handle != nil }

    func requireHandle(_ operation: String, endpoint: String? = nil) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(code: .notSocket, operation: operation, endpoint: endpoint) }
        return handle
    }

    // MARK: Endpoints

    /// Binds and returns the endpoint actually bound: bind `tcp://127.0.0.1:*`
    /// and the answer carries the port the system chose.
    @discardableResult
    public func bind(_ endpoint: String) throws(ZMQError) -> String {
        let handle = try requireHandle("bind", endpoint: endpoint)
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind", endpoint: endpoint) }
        return try lastEndpoint ?? endpoint
    }

    public func unbind(_ endpoint: String) throws(ZMQError) {
        let handle = try requireHandle("unbind", endpoint: endpoint)
        guard zmq_unbind(handle, endpoint) == 0 else { throw ZMQError.last("unbind", endpoint: endpoint) }
    }

    public func connect(_ endpoint: String) throws(ZMQError) {
        let handle = try requireHandle("connect", endpoint: endpoint)
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect", endpoint: endpoint) }
    }

    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let handle = try requireHandle("disconnect", endpoint: endpoint)
        guard zmq_disconnect(handle, endpoint) == 0 else { throw ZMQError.last("disconnect", endpoint: endpoint) }
    }

    /// The endpoint of the last bind or connect, with the real port for `*`.
    public var lastEndpoint: String? {
        get throws(ZMQError) {
            let value = try stringOption(ZMQ_LAST_ENDPOINT, name: "LAST_ENDPOINT")
            return value.isEmpty ? nil : value
        }
    }

    // MARK: Sending

    /// Sends every frame of `message` as one atomic multipart message.
    ///
    /// - Parameter wait: when false, returns `false` instead of blocking if the
    ///   socket cannot take the message now (high-water mark, no peer); nothing
    ///   is sent in that case.
    /// - Returns: true when libzmq took the whole message.
    @discardableResult
    public func send(_ message: Multipart, wait: Bool = true) throws(ZMQError) -> Bool {
        let handle = try requireHandle("send")
        let frames = message.frames.isEmpty ? [[]] : message.frames
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            // Only the first frame may block or be refused: once libzmq takes the
            // first frame of a multipart message it takes the rest.
            if !wait && index == 0 { flags |= ZMQ_DONTWAIT }
            while true {
                let result = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if result >= 0 { break }
                let error = ZMQError.last("send")
                if error.code == .interrupted { continue }
                if error.code == .wouldBlock && index == 0 && !wait { return false }
                throw error
            }
        }
        return true
    }

    // MARK: Receiving

    /// Waits for the next message.
    public func receive() throws(ZMQError) -> Multipart {
        // A blocking receive returns a message or throws; nil is impossible.
        guard let message = try receive(flags: 0) else { throw ZMQError(code: .wouldBlock, operation: "receive") }
        return message
    }

    /// Returns the next message if one is waiting, nil otherwise. Never blocks.
    public func tryReceive() throws(ZMQError) -> Multipart? {
        try receive(flags: ZMQ_DONTWAIT)
    }

    /// Waits at most `timeout` for the next message; nil when none came.
    public func receive(timeout: Duration) throws(ZMQError) -> Multipart? {
        guard try poll(events: .readable, timeout: timeout).contains(.readable) else { return nil }
        return try tryReceive()
    }

    private func receive(flags: Int32) throws(ZMQError) -> Multipart? {
        let handle = try requireHandle("receive")
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            // Only the first frame can be missing; the others of a multipart message are already here.
            let size = zmq_msg_recv(&message, handle, frames.isEmpty ? flags : 0)
            if size < 0 {
                let error = ZMQError.last("receive")
                // Retry the same frame. (A `continue` in a repeat-while loop would test
                // `zmq_msg_more` of the empty message and return zero frames.)
                if error.code == .interrupted { continue }
                if error.code == .wouldBlock && frames.isEmpty { return nil }
                throw error
            }
            let count = Int(size)
            let data = zmq_msg_data(&message)
            frames.append([UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0, let data { buffer.baseAddress!.initialize(from: data.assumingMemoryBound(to: UInt8.self), count: count) }
                initialized = count
            })
            if zmq_msg_more(&message) == 0 { break }
        }
        return Multipart(frames)
    }

    // MARK: Waiting

    /// Events a socket can be ready for.
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
    }

    /// Waits up to `timeout` (nil: forever) until the socket is ready for `events`.
    public func poll(events: Events, timeout: Duration?) throws(ZMQError) -> Events {
        let handle = try requireHandle("poll")
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: events.rawValue, revents: 0)
        let result = zmq_poll(&item, 1, timeout.map { $0.milliseconds } ?? -1)
        if result < 0 {
            let error = ZMQError.last("poll")
            if error.code == .interrupted { return [] }
            throw error
        }
        return Events(rawValue: item.revents)
    }

    // MARK: Closing

    /// Closes the socket. Unsent messages are kept for at most LINGER. Idempotent.
    public func close() {
        guard let handle else { return }
        zmq_close(handle)
        self.handle = nil
    }
}

extension Duration {
    /// Whole milliseconds, clamped to 0...Int32.max for libzmq options and poll timeouts.
    ///
    /// Never negative: libzmq reads -1 as "forever", so a deadline already past
    /// (`deadline - .now`) must mean "don't wait", not "wait forever".
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let limit = Int64(Int32.max)
        guard seconds < limit / 1000 else { return Int(limit) }  // also avoids overflow below
        return Int(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000, limit))
    }
}
