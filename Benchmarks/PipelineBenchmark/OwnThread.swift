import Foundation

/// Runs blocking work (a SQLite baseline, a ZeroMQ socket loop) on a thread
/// of its own and awaits its result, so it never occupies the cooperative pool.
func onOwnThread<T: Sendable>(_ name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.name = name
        thread.start()
    }
}
