import Synchronization

/// A value shared between the harness's threads behind a lock. A class, so
/// that the escaping closures the threads run can capture it (a `Mutex` on
/// its own cannot be captured).
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R {
        mutex.withLock { body(&$0) }
    }

    var value: Value { mutex.withLock { $0 } }

    /// Polls every `interval` until `result` gives a value, for a task waiting
    /// on a thread that reports through this box. A `problem` the thread
    /// reported ends the wait with a ``BenchmarkFailure``.
    func wait<R>(every interval: Duration, problem: (Value) -> String?, until result: (Value) -> R?) async throws -> R {
        while true {
            let state = value
            if let problem = problem(state) { throw BenchmarkFailure(problem) }
            if let result = result(state) { return result }
            try await Task.sleep(for: interval)
        }
    }
}
