internal import Metrics
internal import Synchronization

/// Counts the HTTP endpoint's open connections and says whether one more may
/// open, so that a flood of idle clients costs a bounded number of sockets.
///
/// Shows the count as `newswire_http_connections_open` and every refusal in
/// `newswire_http_connections_refused_total`.
final class ConnectionLimit: Sendable {
    static let openMetric = "newswire_http_connections_open"
    static let refusedMetric = "newswire_http_connections_refused_total"

    let maximum: Int
    private let open = Mutex(0)
    private let openGauge = Gauge(label: ConnectionLimit.openMetric)
    private let refused = Counter(label: ConnectionLimit.refusedMetric)

    init(maximum: Int) {
        self.maximum = maximum
        openGauge.record(0)
    }

    /// Takes a place for a new connection; false (and counted) when all are taken.
    func admit() -> Bool {
        let admitted = open.withLock { open -> Bool in
            guard open < maximum else { return false }
            open += 1
            openGauge.record(open)
            return true
        }
        if !admitted { refused.increment() }
        return admitted
    }

    /// Gives back the place of a connection that closed.
    func release() {
        open.withLock { open in
            open -= 1
            openGauge.record(open)
        }
    }
}
