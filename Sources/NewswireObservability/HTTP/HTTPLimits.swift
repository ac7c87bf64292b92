/// What one HTTP endpoint allows each client, so that a few idle or slow
/// connections cannot keep `/healthz` from answering.
public struct HTTPLimits: Sendable, Equatable {
    /// A connection that has not sent a whole request head within this time of
    /// opening, or of its last answer, is closed (a slow or idle client).
    public var readTimeout: Duration = .seconds(10)
    /// Connections open at once; one more is closed as soon as it is accepted.
    public var maximumConnections: Int = 512

    public init(readTimeout: Duration = .seconds(10), maximumConnections: Int = 512) {
        self.readTimeout = readTimeout
        self.maximumConnections = maximumConnections
    }
}
