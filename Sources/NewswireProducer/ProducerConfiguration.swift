internal import NewsModels
public import NewswireObservability
public import NewswireSecurity

/// Everything a producer needs to run. The executable fills it from flags and
/// `NEWSWIRE_…` environment variables; tests fill it directly.
public struct ProducerConfiguration: Sendable, Equatable {
    /// SQLite file of the durable outbox.
    public var outboxPath: String = "outbox.db"
    /// ROUTER endpoint scrapers send raw articles to (bound).
    public var ingestEndpoint: String = DefaultEndpoints.ingest
    /// Consumer events endpoints (connected); events are spread over all of them.
    public var consumerEndpoints: [String] = [DefaultEndpoints.events]
    /// Largest raw article accepted (its `body` or `text`), in bytes.
    public var maximumArticleBytes: Int = WireProtocol.defaultMaximumMessageBytes
    /// Largest article event the consumers take, in bytes: ingest refuses an
    /// article whose event would be larger, so nothing acked is refused
    /// downstream. Must not exceed any consumer's `--max-event-bytes`.
    public var maximumEventBytes: Int = WireProtocol.defaultMaximumMessageBytes
    /// Deliveries of one event, at most, that a consumer may leave unanswered
    /// before the event is parked as `rejected` in the outbox. Answers that say
    /// "later" (BUSY, INTERNAL) do not count: a consumer whose database is down
    /// is waited for; refusals that cannot change (TOO_LARGE, MALFORMED, …) park at once.
    public var maximumAttempts: Int = 5
    /// Events sent and not yet acknowledged, at most.
    public var deliveryWindow: Int = 512
    /// How long to wait for a consumer's ack before sending again (doubles per attempt, up to 16×).
    public var ackTimeout: Duration = .seconds(5)
    /// Undelivered articles the outbox may hold; past it, ingest answers BUSY.
    public var maximumOutboxDepth: Int = 1_000_000
    /// From SIGTERM or SIGINT to exit, at most; most of it waits for outstanding acks (see `ShutdownBudget`).
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// HOST:PORT for the /metrics, /healthz and /readyz HTTP endpoint; empty turns it off.
    public var metricsAddress: String = "127.0.0.1:9101"
    /// Read timeout and connection cap of that HTTP endpoint.
    public var httpLimits = HTTPLimits()
    /// CURVE keys for ingest and for the connections to the consumers; off by default.
    public var curve = CurveSettings()

    public init() {}

    /// Problems that must stop the producer at start, each naming the setting.
    public func validate() -> [String] {
        var problems: [String] = []
        if outboxPath.isEmpty { problems.append("--outbox: must not be empty") }
        if ingestEndpoint.isEmpty { problems.append("--ingest: must not be empty") }
        if consumerEndpoints.isEmpty { problems.append("--consumer: give at least one consumer endpoint") }
        if maximumArticleBytes < 1024 { problems.append("--max-article-bytes: must be at least 1024, got \(maximumArticleBytes)") }
        if maximumEventBytes < 1024 { problems.append("--max-event-bytes: must be at least 1024, got \(maximumEventBytes)") }
        if maximumAttempts < 1 { problems.append("--max-attempts: must be at least 1, got \(maximumAttempts)") }
        if deliveryWindow < 1 { problems.append("--delivery-window: must be at least 1, got \(deliveryWindow)") }
        if ackTimeout < .milliseconds(10) { problems.append("--ack-timeout: must be at least 10 ms") }
        if maximumOutboxDepth < 1 { problems.append("--max-outbox: must be at least 1, got \(maximumOutboxDepth)") }
        problems += curve.problems(serverCount: consumerEndpoints.count)
        return problems
    }
}
