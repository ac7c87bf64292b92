import Foundation
import NewswireTesting
import Synchronization

/// An HTTP client that sends its request one byte at a time, slowly, on a
/// thread of its own: the client that held the old one-at-a-time endpoint.
///
/// It stops when the request is sent, when the server closes the connection
/// (``closedAfter`` says when), or when ``stop()`` is called.
final class SlowDripClient: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let closed = Mutex<Duration?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Connects to `address` and starts dripping `request`, one byte per `interval`.
    init(_ address: String, request: String = "GET /healthz HTTP/1.1\r\nHost: drip\r\nUser-Agent: slow\r\n\r\n", interval: Duration = .milliseconds(100)) throws {
        let connection = try RawTCPConnection(address)
        let bytes = Array(request.utf8)
        let start = ContinuousClock.now
        let thread = Thread { [self] in
            defer { finished.signal() }
            for byte in bytes {
                if stopping.load(ordering: .acquiring) { return }
                // Sends a byte, then waits out the interval, noticing at once when the server closes on us.
                if !connection.send([byte]) || connection.isClosedByPeer(within: interval) {
                    closed.withLock { $0 = ContinuousClock.now - start }
                    return
                }
            }
        }
        thread.name = "slow-drip"
        thread.start()
    }

    /// How long after connecting the server closed the connection; nil while it is open.
    var closedAfter: Duration? { closed.withLock { $0 } }

    /// Stops dripping and waits for the thread (the connection closes with it).
    func stop() {
        stopping.store(true, ordering: .releasing)
        finished.wait()
    }
}
