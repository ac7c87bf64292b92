/// What one HTTP endpoint allows each client, so that a few idle or slow
/// connections cannot keep `/healthz` from answering.
public struct HTTPLimits: Sendable, Equatable {
    /// A connection that has not sent a whole request head within this time of
    /// opening, or of its last answer, is closed (a slow or idle client).
    public var readTimeout: Duration = .seconds(10)
    /// Connections open at once; one more is closed as soon as it is accepted.
    public var maximumConnections: Int = 512
    /// A streamed response (``HTTPBodyStream``) whose client takes no bytes for
    /// this long is closed: a client that stopped reading holds no connection for good.
    public var streamWriteTimeout: Duration = .seconds(30)
    /// The kernel's send buffer for a streamed response's socket, in bytes, so what
    /// a client that stops reading can hold there is bounded and small: the stream's
    /// own bounded buffer fills soon after, and the route cuts the client off. (Linux
    /// doubles it; 64 KiB in flight keeps a browser 100 ms away at 640 KB/s.)
    public var streamSendBufferBytes: Int = 32 * 1024

    /// Requests a second one client address may make (in bursts of twice as many);
    /// more are answered 429 with `Retry-After`. 0 turns the limit off. `/healthz` is never limited.
    public var requestsPerSecond: Int = 50

    public init(
        readTimeout: Duration = .seconds(10), maximumConnections: Int = 512, streamWriteTimeout: Duration = .seconds(30),
        requestsPerSecond: Int = 50
    ) {
        self.readTimeout = readTimeout
        self.maximumConnections = maximumConnections
        self.streamWriteTimeout = streamWriteTimeout
        self.requestsPerSecond = requestsPerSecond
    }
}
