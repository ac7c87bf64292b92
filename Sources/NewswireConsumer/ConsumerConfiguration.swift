internal import NewsModels
public import NewswireObservability
public import NewswireSecurity

/// Everything a consumer needs to run. The executable fills it from flags and
/// `NEWSWIRE_…` environment variables; tests fill it directly.
public struct ConsumerConfiguration: Sendable, Equatable {
    /// The store of articles, topics and the stream history: a SQLite file, or a
    /// `postgres://` URL (``ConsumerStoreLocation``).
    public var databasePath: String = "newswire.db"
    /// ROUTER endpoint the producers connect to (bound).
    public var eventsEndpoint: String = DefaultEndpoints.events
    /// XPUB endpoint of the topic streams (bound).
    public var streamEndpoint: String = DefaultEndpoints.stream
    /// ROUTER endpoint of the replay service (bound).
    public var replayEndpoint: String = DefaultEndpoints.replay
    /// Taxonomy YAML file; nil uses the built-in default taxonomy.
    public var topicsPath: String?
    /// Largest event accepted, in bytes.
    public var maximumEventBytes: Int = WireProtocol.defaultMaximumMessageBytes
    /// Deliveries of one event that may fail to store before it goes to the
    /// dead-letter table (failures of the database itself never count).
    public var maximumAttempts: Int = 5
    /// Most messages one replay request returns.
    public var replayLimit: Int = 10_000
    /// HOST:PORT for the /metrics, /healthz and /readyz HTTP endpoint; empty turns it off.
    public var metricsAddress: String = "127.0.0.1:9102"
    /// Read timeout and connection cap of that HTTP endpoint.
    public var httpLimits = HTTPLimits()
    /// Live-stream events (`GET /api/v1/stream`) that may wait for one HTTP client before it is cut off.
    public var streamClientBuffer: Int = 1000
    /// A quiet live stream gets a keep-alive comment this often.
    public var streamKeepAlive: Duration = .seconds(15)
    /// File holding the bearer token every HTTP request but `/healthz` must send; nil serves without one.
    public var httpTokenPath: String?
    /// From SIGTERM or SIGINT to exit, at most (see `ShutdownBudget`).
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// CURVE keys for the events, stream and replay sockets; off by default.
    public var curve = CurveSettings()

    public init() {}

    /// Problems that must stop the consumer at start, each naming the setting.
    public func validate() -> [String] {
        var problems: [String] = []
        if databasePath.isEmpty {
            problems.append("--db: must not be empty")
        } else {
            do {
                _ = try ConsumerStoreLocation(databasePath)
            } catch {
                problems.append(error.description)
            }
        }
        for (flag, endpoint) in [("--events", eventsEndpoint), ("--stream", streamEndpoint), ("--replay", replayEndpoint)] where endpoint.isEmpty {
            problems.append("\(flag): must not be empty")
        }
        if maximumEventBytes < 1024 { problems.append("--max-event-bytes: must be at least 1024, got \(maximumEventBytes)") }
        if maximumAttempts < 1 { problems.append("--max-attempts: must be at least 1, got \(maximumAttempts)") }
        if streamClientBuffer < 1 { problems.append("--http-stream-buffer: must be at least 1, got \(streamClientBuffer)") }
        if streamKeepAlive < .seconds(1) { problems.append("--http-stream-keepalive-seconds: must be at least 1, got \(streamKeepAlive.components.seconds)") }
        if replayLimit < 1 { problems.append("--replay-limit: must be at least 1, got \(replayLimit)") }
        problems += curve.problems()
        return problems
    }
}
