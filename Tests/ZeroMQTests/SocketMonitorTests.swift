import Foundation
import Testing
import ZeroMQ

/// `SocketMonitor` counts real TCP connections from libzmq's monitor events.
@Suite("Socket monitor")
struct SocketMonitorTests {
    /// Waits until `monitor` counts `expected` peers; fails after a generous deadline.
    func waitForPeers(_ monitor: SocketMonitor, _ expected: Int, limit: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + limit
        while monitor.connectedPeers != expected {
            if ContinuousClock.now >= deadline {
                throw DeadlineExceeded(what: "\(monitor.name) reaching \(expected) peers (has \(monitor.connectedPeers))", limit: limit)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until `monitor`'s thread has ended; fails after a generous deadline.
    func waitForStop(_ monitor: SocketMonitor, after what: String = "its socket closed") async throws {
        try await within(.seconds(10), "\(monitor.name) stopping after \(what)") { await monitor.waitUntilStopped() }
    }

    @Test("a bound ROUTER counts DEALERs as they connect and leave, and the monitor stops with the socket")
    func boundSocketCountsAcceptedConnections() async throws {
        let context = try Context()
        let router = try Socket(context: context, type: .router)
        let monitor = try SocketMonitor(router, name: "test.router")
        let endpoint = try bindLoopback(router)
        #expect(monitor.connectedPeers == 0)

        let first = try Socket(context: context, type: .dealer)
        let second = try Socket(context: context, type: .dealer)
        try first.connect(endpoint)
        try second.connect(endpoint)
        try await waitForPeers(monitor, 2)

        first.close()
        try await waitForPeers(monitor, 1)
        second.close()
        try await waitForPeers(monitor, 0)

        router.close()
        try await waitForStop(monitor)
    }

    @Test("a connecting DEALER counts its connection and loses it when the peer goes away")
    func connectingSocketCountsConnections() async throws {
        let context = try Context()
        let router = try Socket(context: context, type: .router)
        let endpoint = try bindLoopback(router)
        let dealer = try Socket(context: context, type: .dealer)
        let monitor = try SocketMonitor(dealer, name: "test.dealer")
        try dealer.connect(endpoint)
        try await waitForPeers(monitor, 1)

        router.close()
        try await waitForPeers(monitor, 0)
        dealer.close()
        try await waitForStop(monitor)
    }

    @Test("a refused connection is never counted")
    func refusedConnectionIsNotCounted() async throws {
        let context = try Context()
        let dead = try DeadEndpoint()
        let dealer = try Socket(context: context, type: .dealer)
        let monitor = try SocketMonitor(dealer, name: "test.refused")
        try dealer.setReconnectInterval(.milliseconds(10))
        try dealer.connect(dead.endpoint)
        // Give the connecter many refused attempts, then check nothing was counted.
        try await Task.sleep(for: .milliseconds(200))
        #expect(monitor.connectedPeers == 0)
        dealer.close()
        try await waitForStop(monitor)
    }

    @Test("Context.shutdown() stops a monitor whose socket is still open")
    func contextShutdownStopsTheMonitor() async throws {
        let context = try Context()
        let router = try Socket(context: context, type: .router)
        let monitor = try SocketMonitor(router, name: "test.shutdown")
        _ = try bindLoopback(router)
        context.shutdown()
        try await waitForStop(monitor, after: "Context.shutdown()")
        router.close()
    }

    @Test("monitoring a closed socket fails with an error naming the monitor")
    func closedSocketIsRefused() throws {
        let context = try Context()
        let router = try Socket(context: context, type: .router)
        router.close()
        #expect(throws: ZMQError(code: .notSocket, operation: "zmq_socket_monitor", endpoint: "test.closed")) {
            _ = try SocketMonitor(router, name: "test.closed")
        }
    }
}
