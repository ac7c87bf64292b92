public import Logging
internal import Synchronization

/// Keeps a flood of one kind of warning out of the log without hiding it.
///
/// A peer sending garbage as fast as it can would otherwise write one warning
/// line per message, and fill the disk the log lives on. A throttle lets the
/// first `burst` lines of each `interval` through, holds back the rest, and
/// says with the next line it lets through how many it held back
/// (`suppressed` in the metadata). Counters stay exact: count every event,
/// throttle only its log line.
public final class LogThrottle: Sendable {
    private struct Window {
        var start: ContinuousClock.Instant
        var passed = 0
        var suppressed = 0
    }

    public let burst: Int
    public let interval: Duration
    private let window: Mutex<Window?>

    /// - Parameters:
    ///   - burst: lines let through per interval (at least 1).
    ///   - interval: the length of each window.
    public init(burst: Int = 20, interval: Duration = .seconds(10)) {
        self.burst = max(1, burst)
        self.interval = interval
        self.window = Mutex(nil)
    }

    /// Whether a line may go out at `now`: nil to hold it back, otherwise how
    /// many lines were held back since the last one that went out.
    public func admit(now: ContinuousClock.Instant = .now) -> Int? {
        window.withLock { window in
            if let current = window, now - current.start < interval {
                guard current.passed < burst else {
                    window?.suppressed += 1
                    return nil
                }
                window?.passed += 1
                return 0
            }
            let heldBack = window?.suppressed ?? 0
            window = Window(start: now, passed: 1)
            return heldBack
        }
    }

    /// Logs `message` at `level` unless the throttle holds it back; adds
    /// `suppressed` to the metadata when earlier lines were held back.
    public func log(
        _ logger: Logger, level: Logger.Level = .warning, _ message: @autoclosure () -> Logger.Message,
        metadata: @autoclosure () -> Logger.Metadata = [:]
    ) {
        guard logger.logLevel <= level, let heldBack = admit() else { return }
        var metadata = metadata()
        if heldBack > 0 { metadata["suppressed"] = "\(heldBack)" }
        logger.log(level: level, message(), metadata: metadata)
    }
}
