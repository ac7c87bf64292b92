internal import ServiceLifecycle
internal import Logging

/// Runs one action after every other service of its group has stopped (the
/// WAL checkpoint). First in its group, it is the last one told to stop.
struct FinalStepService: Service {
    let name: String
    let action: @Sendable () async throws -> Void
    let logger: Logger

    func run() async throws {
        // Returns on graceful shutdown, throws on cancellation: either way the group is stopping.
        try? await gracefulShutdown()
        do {
            try await action()
            logger.info("\(name): done")
        } catch {
            logger.error("\(name): failed", metadata: ["error": "\(error)"])
        }
    }
}
