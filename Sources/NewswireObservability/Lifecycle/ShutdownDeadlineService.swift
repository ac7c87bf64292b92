internal import ServiceLifecycle
internal import Logging
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// Makes the grace period a promise: once shutdown starts, a watchdog thread
/// ends the process with status 1 if it is still running `grace` later. Last
/// in its group, it is the first one told to stop, so it is armed at the signal.
struct ShutdownDeadlineService: Service {
    let grace: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        let grace = self.grace, logger = self.logger
        let watchdog = Thread {
            let (seconds, attoseconds) = grace.components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
            logger.critical("still running when the shutdown grace period ended; exiting now", metadata: ["grace": "\(grace)"])
            _exit(1)
        }
        watchdog.name = "shutdown-deadline"
        watchdog.start()
    }
}
