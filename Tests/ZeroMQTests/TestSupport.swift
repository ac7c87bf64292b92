import Foundation
import Synchronization
@testable import ZeroMQ

// Helpers shared by the ZeroMQ tests.
//
// Rule: a blocking libzmq call never runs on a Swift task. Every test that
// blocks does so on a `Thread` of its own (``ThreadTask``), and the test task
// awaits the thread's result with a deadline, so a hang fails the test instead
// of stalling the whole run.

/// Binds `socket` to a port the system chooses on loopback and returns the real endpoint.
func bindLoopback(_ socket: Socket) throws -> String {
    try socket.bind("tcp://127.0.0.1:*")
}

/// The port of a `tcp://host:port` endpoint.
func portNumber(of endpoint: String) -> Int? {
    endpoint.split(separator: ":").last.flatMap { Int($0) }
}

/// Moves a non-Sendable value (a ``Socket``) to another thread exactly once.
final class Transfer<Value>: @unchecked Sendable {
    // Unchecked: written at creation, taken once by the receiving thread.
    private var value: Value?
    init(_ value: consuming sending Value) { self.value = value }
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

/// A message arrived that the test did not expect.
struct UnexpectedMessage: Error, CustomStringConvertible {
    let message: Multipart
    let `while`: String
    var description: String { "unexpected \(message) \(`while`): \(message.frames.map { String(decoding: $0.prefix(40), as: UTF8.self) })" }
}

/// A blocking test did not finish in time.
struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    let limit: Duration
    var description: String { "\(what) did not finish within \(limit)" }
}

/// A piece of blocking work on a `Thread` of its own, started at once.
///
/// `value(within:)` waits for its result from a task without blocking the task;
/// after the deadline it throws ``DeadlineExceeded`` (the thread is abandoned).
final class ThreadTask<T: Sendable>: Sendable {
    private struct State {
        var result: Result<T, any Error>?
        var waiter: CheckedContinuation<T, any Error>?
    }
    private let state = Mutex(State())
    let name: String

    init(_ name: String, _ body: @escaping @Sendable () throws -> T) {
        self.name = name
        let thread = Thread { [self] in
            let result = Result<T, any Error> { try body() }
            let waiter = state.withLock { state in
                state.result = result
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(with: result)
        }
        thread.name = "test:\(name)"
        thread.start()
    }

    /// Hands `value` (usually a socket) to the thread.
    convenience init<V>(_ name: String, with value: consuming sending V, _ body: @escaping @Sendable (V) throws -> T) {
        let box = Transfer(value)
        self.init(name) { try body(box.take()) }
    }

    var isFinished: Bool { state.withLock { $0.result != nil } }

    func value(within limit: Duration = .seconds(30)) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let ready = state.withLock { state -> Result<T, any Error>? in
                if let result = state.result { return result }
                state.waiter = continuation
                return nil
            }
            if let ready {
                continuation.resume(with: ready)
                return
            }
            let name = self.name
            DispatchQueue.global().asyncAfter(deadline: .now() + limit.seconds) { [self] in
                let waiter = state.withLock { state in
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume(throwing: DeadlineExceeded(what: "thread '\(name)'", limit: limit))
            }
        }
    }
}

/// Runs `body` on a thread of its own and waits (without blocking the task) for its result.
func onThread<T: Sendable>(_ name: String, within limit: Duration = .seconds(30), _ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await ThreadTask(name, body).value(within: limit)
}

/// Runs `body` on a thread of its own with `value` (a socket) handed over.
func onThread<V, T: Sendable>(_ name: String, with value: consuming sending V, within limit: Duration = .seconds(30), _ body: @escaping @Sendable (V) throws -> T) async throws -> T {
    try await ThreadTask(name, with: value, body).value(within: limit)
}

/// Runs async `operation` and fails with ``DeadlineExceeded`` if it has not finished within `limit`.
/// Unlike a task group, this returns on time even when the operation never does.
func within<T: Sendable>(_ limit: Duration, _ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let once = Once(continuation)
        Task {
            let result = await capture(operation)
            once.resume(with: result)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit.seconds) {
            once.resume(with: .failure(DeadlineExceeded(what: what, limit: limit)))
        }
    }
}

/// Resumes a continuation at most once.
final class Once<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, any Error>?>
    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = Mutex(continuation) }
    func resume(with result: Result<T, any Error>) {
        let continuation = self.continuation.withLock { value in
            defer { value = nil }
            return value
        }
        continuation?.resume(with: result)
    }
}

/// The outcome of `body`, as a value.
func capture<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

extension Duration {
    /// In seconds, for DispatchTime arithmetic and throughput.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Bytes of `text`.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A UInt64 as 8 little-endian bytes followed by `padding` filler bytes.
func sequenced(_ sequence: UInt64, size: Int) -> [UInt8] {
    var frame = [UInt8](repeating: UInt8(truncatingIfNeeded: sequence), count: max(size, 8))
    withUnsafeBytes(of: sequence.littleEndian) { raw in
        for index in 0..<8 { frame[index] = raw[index] }
    }
    return frame
}

/// The sequence number at the start of a frame made by ``sequenced(_:size:)``.
func sequence(of frame: [UInt8]) -> UInt64 {
    precondition(frame.count >= 8)
    var value: UInt64 = 0
    for index in (0..<8).reversed() { value = value << 8 | UInt64(frame[index]) }
    return value
}

/// Receives one message, waiting at most `timeout`; throws when none came.
func receiveWithin(_ socket: Socket, _ timeout: Duration = .seconds(20), _ what: String = "a message") throws -> Multipart {
    guard let message = try socket.receive(timeout: timeout) else {
        throw DeadlineExceeded(what: "receiving \(what)", limit: timeout)
    }
    return message
}

/// PUB/SUB joins asynchronously ("slow joiner"): publishes `probe` until the
/// subscriber sees it, then drains the probes. Both sockets belong to the calling thread.
func waitUntilSubscribed(publisher: Socket, subscriber: Socket, probe: Multipart, limit: Duration = .seconds(10)) throws {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        try publisher.send(probe)
        if let message = try subscriber.receive(timeout: .milliseconds(20)), message == probe {
            while let extra = try subscriber.receive(timeout: .milliseconds(50)) {
                guard extra == probe else { throw UnexpectedMessage(message: extra, while: "draining subscription probes") }
            }
            return
        }
    }
    throw DeadlineExceeded(what: "subscription", limit: limit)
}

/// A loopback TCP port that refuses connections for as long as this object lives.
///
/// A kernel socket is bound to the port but never listens, so connects get
/// ECONNREFUSED and no other test can bind the port meanwhile. (Binding a
/// ZeroMQ socket and closing it is not enough: zmq_close is asynchronous, so
/// the listener may still accept for a moment, and the port may be reused.)
final class DeadEndpoint: Sendable {
    let endpoint: String
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(descriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        self.descriptor = descriptor
        self.endpoint = "tcp://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    deinit { close(descriptor) }
}
