internal import CZeroMQ
internal import Foundation
internal import Synchronization

/// Counts the live connections of one socket, from libzmq's socket monitor.
///
/// libzmq reports a socket's connection events (`zmq_socket_monitor`) as
/// messages on an inproc PAIR socket. This type reads them on a thread of its
/// own and keeps a count: +1 for each connection accepted (a bound socket) or
/// made (a connecting socket), -1 for each one lost. It counts TCP connections
/// as libzmq sees them, so a peer that vanished without a FIN stays counted
/// until heartbeats or TCP give up on it.
///
/// Ownership: the monitored socket's owner creates the monitor, before the
/// socket binds or connects, so no event is missed. The PAIR socket belongs to
/// the monitor's thread. That thread ends when libzmq has destroyed the
/// monitored socket (it sends MONITOR_STOPPED then) or when the context shuts
/// down, and never earlier: libzmq's I/O thread would block sending an event to
/// a monitor that nobody reads.
public final class SocketMonitor: Sendable {
    /// A name for logs and status, e.g. "consumer.events".
    public let name: String
    private let count = Atomic<Int>(0)
    private let finish = Mutex<[CheckedContinuation<Void, Never>]?>([])

    /// Gives every monitor its own inproc endpoint.
    private static let serial = Atomic<Int>(0)

    /// Starts monitoring `socket`. Call from the thread that owns it, before it binds or connects.
    public init(_ socket: Socket, name: String) throws(ZMQError) {
        self.name = name
        let handle = try socket.requireHandle("zmq_socket_monitor", endpoint: name)
        let endpoint = "inproc://newswire-monitor-\(Self.serial.add(1, ordering: .relaxed).newValue)"
        let reader = try Socket(context: socket.context, type: .pair)
        // No high-water mark between libzmq's monitor socket and ours: a burst of
        // events must never block libzmq's I/O thread.
        try reader.setReceiveHighWaterMark(0)
        let events = ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_CONNECTED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_MONITOR_STOPPED
        guard zmq_socket_monitor(handle, endpoint, events) == 0 else {
            throw ZMQError.last("zmq_socket_monitor", endpoint: name)
        }
        try reader.connect(endpoint)
        let box = SocketBox(reader)
        let thread = Thread { [self] in
            run(box.take())
        }
        thread.name = "zmq-monitor:\(name)"
        thread.start()
    }

    /// Connections open now: accepted or made, and not yet lost.
    public var connectedPeers: Int { max(0, count.load(ordering: .acquiring)) }

    /// Returns once the monitored socket is gone (or its context shut down).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = finish.withLock { waiters -> Bool in
                guard waiters != nil else { return true }
                waiters!.append(continuation)
                return false
            }
            if stopped { continuation.resume() }
        }
    }

    // MARK: The monitor's thread

    private func run(_ reader: Socket) {
        defer {
            reader.close()
            let waiters = finish.withLock { waiters in
                defer { waiters = nil }
                return waiters ?? []
            }
            for waiter in waiters { waiter.resume() }
        }
        while true {
            // Each event is [6 bytes: event id (UInt16) and value (UInt32), host order][endpoint].
            guard let message = try? reader.receive(), let frame = message.frames.first, frame.count >= 2 else { return }
            let event = frame.withUnsafeBytes { Int32($0.loadUnaligned(as: UInt16.self)) }
            switch event {
            case ZMQ_EVENT_ACCEPTED, ZMQ_EVENT_CONNECTED:
                count.add(1, ordering: .releasing)
            case ZMQ_EVENT_DISCONNECTED:
                count.subtract(1, ordering: .releasing)
            case ZMQ_EVENT_MONITOR_STOPPED:
                return
            default:
                continue
            }
        }
    }
}
