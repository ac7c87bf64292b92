internal import Synchronization

/// Runs an operation with a time limit, and returns (or throws) at the limit
/// even if the operation does not end.
///
/// Why not a task group: a group waits for all its children, and a PostgresNIO
/// query written to a connection that has just closed is never answered (its
/// write is not failed back), so a group would wait for it forever. Here the
/// operation runs in a task of its own that is cancelled at the limit and left
/// to end when it can; the caller has its answer either way.
enum OperationDeadline {
    struct Exceeded: Error, CustomStringConvertible {
        var limit: Duration
        var description: String { "no answer within \(limit.components.seconds) s (server unreachable?)" }
    }

    static func run<Result: Sendable>(limit: Duration, _ operation: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let race = Race<Result>()
        return try await withCheckedThrowingContinuation { continuation in
            race.begin(continuation)
            let work = Task {
                do {
                    race.finish(.success(try await operation()))
                } catch {
                    race.finish(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if race.finish(.failure(Exceeded(limit: limit))) { work.cancel() }
            }
            race.onFinish { timer.cancel() }
        }
    }

    /// Whichever ends first, the operation or the timer, resumes the caller; the other does nothing.
    private final class Race<Result: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Result, any Error>?
            var finished = false
            var cleanup: (@Sendable () -> Void)?
        }
        private let state = Mutex(State())

        func begin(_ continuation: CheckedContinuation<Result, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        /// Runs `cleanup` once the race is over (now, if it is).
        func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
            let over = state.withLock { state -> Bool in
                if state.finished { return true }
                state.cleanup = cleanup
                return false
            }
            if over { cleanup() }
        }

        /// Resumes the caller with `result` if nothing has yet; returns whether this did.
        @discardableResult
        func finish(_ result: Swift.Result<Result, any Error>) -> Bool {
            let taken = state.withLock { state -> (CheckedContinuation<Result, any Error>, (@Sendable () -> Void)?)? in
                guard !state.finished, let continuation = state.continuation else { return nil }
                state.finished = true
                state.continuation = nil
                defer { state.cleanup = nil }
                return (continuation, state.cleanup)
            }
            guard let (continuation, cleanup) = taken else { return false }
            continuation.resume(with: result)
            cleanup?()
            return true
        }
    }
}
