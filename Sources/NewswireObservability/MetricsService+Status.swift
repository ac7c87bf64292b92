internal import Foundation
internal import Logging
internal import Prometheus
internal import Synchronization

extension MetricsService {
    /// How long `/status` waits for the service's provider (a database read) before answering 500.
    static let statusTimeout: Duration = .seconds(5)

    /// Answers `/status`: the service's document, completed with what the
    /// endpoint knows; 503 (with the document) when not ready, 500 when the
    /// provider failed or took too long.
    ///
    /// Runs on the endpoint's own thread, which may block: it waits there for
    /// the async provider, never on the cooperative pool.
    func statusResponse() -> HTTPEndpoint.Response {
        guard let status else { return .init(status: 404, contentType: "text/plain", body: Array("no status here\n".utf8)) }
        let snapshot = MetricsSnapshot(exposition: String(decoding: registry.emitToBuffer(), as: UTF8.self))
        let outcome = ProviderOutcome()
        Task { await outcome.run { try await status(snapshot) } }
        guard let result = outcome.wait(timeout: Self.statusTimeout) else {
            return .init(status: 500, contentType: "text/plain", body: Array("status: the service took longer than \(Self.statusTimeout) to answer\n".utf8))
        }
        do {
            var document = try result.get()
            document.startedAt = started.date
            document.uptimeSeconds = Self.seconds(ContinuousClock.now - started.instant)
            document.ready = isReady()
            document.endpoints["http"] = boundAddress
            return .init(status: document.ready ? 200 : 503, contentType: "application/json", body: try document.json() + [10])
        } catch {
            logger.warning("status failed", metadata: ["error": "\(error)"])
            return .init(status: 500, contentType: "text/plain", body: Array("status: \(error)\n".utf8))
        }
    }

    /// `duration` in seconds, to the millisecond.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) + Double(attoseconds / 1_000_000_000_000_000) / 1000)
    }
}

/// The result of one provider call, handed from its task to the waiting HTTP thread.
private final class ProviderOutcome: Sendable {
    private let result = Mutex<Result<ServiceStatus, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func run(_ provider: @Sendable () async throws -> ServiceStatus) async {
        let outcome: Result<ServiceStatus, any Error>
        do { outcome = .success(try await provider()) } catch { outcome = .failure(error) }
        result.withLock { $0 = outcome }
        done.signal()
    }

    /// Blocks the calling thread until the result is in, or nil after `timeout`.
    func wait(timeout: Duration) -> Result<ServiceStatus, any Error>? {
        guard done.wait(timeout: .now() + MetricsService.seconds(timeout)) == .success else { return nil }
        return result.withLock { $0 }
    }
}
