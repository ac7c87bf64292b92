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
}
