/// Moves a socket to the thread that will own it, exactly once (see
/// ``AsyncSocket`` and ``SocketMonitor``).
final class SocketBox: @unchecked Sendable {
    // Unchecked: set at creation, taken once by the receiving thread; never shared.
    private var socket: Socket?
    init(_ socket: consuming sending Socket) { self.socket = socket }
    func take() -> Socket {
        defer { socket = nil }
        return socket!
    }
}
