internal import CZeroMQ

/// Waits on several sockets at once (zmq_poll).
///
/// Like its sockets, a poller belongs to the one thread that owns them.
public struct Poller {
    private var sockets: [Socket] = []
    private var interests: [Socket.Events] = []

    public init() {}

    /// Adds a socket and the events to wait for; returns its index in ``poll(timeout:)``'s answer.
    @discardableResult
    public mutating func add(_ socket: Socket, events: Socket.Events = .readable) -> Int {
        sockets.append(socket)
        interests.append(events)
        return sockets.count - 1
    }

    /// Waits up to `timeout` (nil: forever) and returns, for each socket in the
    /// order added, the events it is ready for (empty when none).
    public func poll(timeout: Duration?) throws(ZMQError) -> [Socket.Events] {
        var items: [zmq_pollitem_t] = []
        items.reserveCapacity(sockets.count)
        for (socket, events) in zip(sockets, interests) {
            items.append(zmq_pollitem_t(socket: try socket.requireHandle("poll"), fd: 0, events: events.rawValue, revents: 0))
        }
        let result = zmq_poll(&items, Int32(items.count), timeout.map { $0.milliseconds } ?? -1)
        if result < 0 {
            let error = ZMQError.last("poll")
            if error.code == .interrupted { return Array(repeating: [], count: items.count) }
            throw error
        }
        return items.map { Socket.Events(rawValue: $0.revents) }
    }
}
