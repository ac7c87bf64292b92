public import Logging
internal import Synchronization

/// Logs how much a service got through, at most once per interval, instead of
/// a line per article: at thousands of articles a second, per-article lines at
/// `info` would cost more than the work they describe (they stay at `debug`).
///
///     throughput articles=51234 total=812345 per_second=5123 what=stored
public final class ThroughputLog: Sendable {
    private let what: String
    private let interval: Duration
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var total = 0
        var sinceLast = 0
        var lastReport: ContinuousClock.Instant
    }

    /// - Parameters:
    ///   - what: the verb counted, e.g. "stored" or "accepted".
    ///   - interval: the shortest time between two lines.
    public init(what: String, interval: Duration = .seconds(10), logger: Logger) {
        self.what = what
        self.interval = interval
        self.logger = logger
        self.state = Mutex(State(lastReport: .now))
    }

    /// Counts `count` more; logs a line when the interval has passed.
    public func record(_ count: Int) {
        guard count > 0 else { return }
        let now = ContinuousClock.now
        let report = state.withLock { state -> (Int, Int, Duration)? in
            state.total += count
            state.sinceLast += count
            let elapsed = now - state.lastReport
            guard elapsed >= interval else { return nil }
            defer { state.sinceLast = 0; state.lastReport = now }
            return (state.sinceLast, state.total, elapsed)
        }
        guard let (recent, total, elapsed) = report else { return }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        logger.info("throughput", metadata: [
            "what": "\(what)", "articles": "\(recent)", "total": "\(total)",
            "per_second": "\(Int((Double(recent) / seconds).rounded()))",
        ])
    }
}
