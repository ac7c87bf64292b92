internal import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import Logging
internal import Prometheus
internal import Synchronization

extension MetricsService {
    /// How long `/status` waits for the service's provider (a database read) before answering 500.
    static let statusTimeout: Duration = .seconds(5)

    /// Answers `/status`: the service's document, completed with what the
    /// endpoint knows; 503 (with the document) when not ready, 500 when the
    /// provider failed or took too long.
    func statusResponse() async -> Response {
        guard let status else { return Self.text(.notFound, "no status here\n") }
        let snapshot = MetricsSnapshot(exposition: String(decoding: registry.emitToBuffer(), as: UTF8.self))
        guard let result = await ProviderOutcome.first(within: Self.statusTimeout, of: { try await status(snapshot) }) else {
            return Self.text(.internalServerError, "status: the service took longer than \(Self.statusTimeout) to answer\n")
        }
        do {
            var document = try result.get()
            document.startedAt = started.date
            document.uptimeSeconds = Self.seconds(ContinuousClock.now - started.instant)
            document.ready = isReady()
            document.endpoints["http"] = boundAddress ?? address
            return Self.response(document.ready ? .ok : .serviceUnavailable, contentType: "application/json", body: try document.json() + [10])
        } catch {
            logger.warning("status failed", metadata: ["error": "\(error)"])
            return Self.text(.internalServerError, "status: \(error)\n")
        }
    }

    /// `duration` in seconds, to the millisecond.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) + Double(attoseconds / 1_000_000_000_000_000) / 1000)
    }
}

/// The result of one provider call, or nothing when it takes too long.
///
/// The provider runs in a task of its own that is left to finish on its own
/// when the time is up: a task group would wait for it, and a stuck database
/// read would hold the answer past its deadline.
private final class ProviderOutcome: Sendable {
    private let waiter = Mutex<(continuation: CheckedContinuation<Result<ServiceStatus, any Error>?, Never>?, done: Bool)>((nil, false))

    static func first(
        within timeout: Duration, of provider: @escaping @Sendable () async throws -> ServiceStatus
    ) async -> Result<ServiceStatus, any Error>? {
        let outcome = ProviderOutcome()
        return await withCheckedContinuation { continuation in
            outcome.waiter.withLock { $0.continuation = continuation }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                outcome.finish(nil)
            }
            Task {
                let result: Result<ServiceStatus, any Error>
                do { result = .success(try await provider()) } catch { result = .failure(error) }
                outcome.finish(result)
                timer.cancel()
            }
        }
    }

    /// Resumes the waiter with the first answer; later ones are dropped.
    private func finish(_ result: Result<ServiceStatus, any Error>?) {
        let continuation = waiter.withLock { state -> CheckedContinuation<Result<ServiceStatus, any Error>?, Never>? in
            guard !state.done else { return nil }
            state.done = true
            return state.continuation
        }
        continuation?.resume(returning: result)
    }
}
