import Foundation
import NewsModels
import NewswireTesting
import SwiftProtobuf
import Synchronization
import ZeroMQ

/// A raw ZeroMQ client that sends whatever frames a test gives it, malformed
/// or not, and keeps every message it receives.
///
/// Ownership: the socket is handed to an ``AsyncSocket`` at once, so only its
/// I/O thread touches it; the test sends and reads through that.
final class WirePeer: Sendable {
    /// Messages received and not yet taken, filled by a task that reads the socket.
    private final class Inbox: Sendable {
        let messages = Mutex<[Multipart]>([])
    }

    private let socket: AsyncSocket
    private let inbox = Inbox()
    private let pump: Task<Void, Never>

    /// Connects a socket of `type` to `endpoint`, reconnecting quickly when the server drops it.
    init(_ type: SocketType, connectTo endpoint: String) throws {
        let raw = try Socket(context: try Context(), type: type)
        try raw.setLinger(.zero)
        try raw.setReconnectInterval(.milliseconds(50), maximum: .milliseconds(200))
        try raw.connect(endpoint)
        let socket = try AsyncSocket(raw, name: "test.\(type)")
        self.socket = socket
        let inbox = self.inbox
        pump = Task {
            for await message in socket.messages { inbox.messages.withLock { $0.append(message) } }
        }
    }

    /// Queues `frames` as one multipart message.
    func send(_ frames: [[UInt8]]) throws {
        try socket.send(Multipart(frames))
    }

    /// Sends `message` encoded as `contentType`, as a well-behaved client would.
    func send(_ type: MessageType, _ message: some SwiftProtobuf.Message, contentType: ContentType = .protobuf) throws {
        try send(try WireMessage(type, message, contentType: contentType).frames)
    }

    /// Messages received so far.
    var received: [Multipart] { inbox.messages.withLock { $0 } }

    /// The next received message, waiting at most `timeout`.
    func next(timeout: Duration = .seconds(15)) async throws -> Multipart {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let message = inbox.messages.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return message }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ProcessFailure("no message within \(timeout)")
    }

    /// The next reply read as a protocol message: its last four frames (anything
    /// before them is routing the peer sent and the server echoed, proto-docs §3).
    func nextReply(timeout: Duration = .seconds(15)) async throws -> WireMessage {
        let message = try await next(timeout: timeout)
        do {
            return try WireMessage(frames: message.frames.suffix(WireProtocol.frameCount))
        } catch {
            throw ProcessFailure("the reply is not a protocol message: \(error)")
        }
    }

    /// The next reply, which must be a Nack; with the content type it came in.
    func nextNack(timeout: Duration = .seconds(15)) async throws -> (nack: Nack, contentType: ContentType) {
        let reply = try await nextReply(timeout: timeout)
        do {
            return (try reply.decode(Nack.self, expecting: .nack), reply.contentType)
        } catch {
            throw ProcessFailure("expected a Nack, got '\(reply.type.rawValue)': \(error)")
        }
    }

    /// True when nothing arrives for `duration`.
    func staysQuiet(for duration: Duration) async throws -> Bool {
        try await Task.sleep(for: duration)
        return received.isEmpty
    }

    func close() async {
        await socket.close()
        pump.cancel()
    }
}

/// One service's `/metrics`, read from the address it logged.
struct MetricsReader: Sendable {
    let address: String

    /// Reads the metrics address `process` logged at start.
    init(_ process: RunningProcess) async throws {
        address = try await process.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
    }

    /// The sample's value now (0 when absent: a counter never incremented is not exposed).
    func value(_ sample: String) throws -> Double {
        metricValue(try httpGet(address, "/metrics").body, sample) ?? 0
    }

    /// Waits until the sample reaches `expected` and returns its last value (which the caller checks).
    func wait(_ sample: String, toReach expected: Double, timeout: Duration = .seconds(30)) async throws -> Double {
        let deadline = ContinuousClock.now + timeout
        var current = try value(sample)
        while current < expected && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            current = try value(sample)
        }
        return current
    }
}
