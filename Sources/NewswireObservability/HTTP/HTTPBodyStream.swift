/// A response body that a route produces piece by piece, for as long as it
/// likes (server-sent events), with no HTTP server types in sight.
///
/// The endpoint calls ``next`` and writes each piece as soon as it has it,
/// waiting for the client to take the previous one first; nil ends the body.
/// ``finish`` is called exactly once, when the body ends for any reason: `next`
/// gave nil, the client went away (even while `next` is waiting), a write
/// failed, or the client took nothing for ``HTTPLimits/streamWriteTimeout``.
/// A route that keeps state per stream (a subscription) drops it there, and
/// must make a waiting `next` return nil then.
///
/// Nothing happens until the first `next`, so a HEAD request, whose body is
/// never produced, costs nothing.
public struct HTTPBodyStream: Sendable {
    /// The next piece of the body; nil when it is complete.
    public let next: @Sendable () async -> [UInt8]?
    /// The body ended (see above); called once.
    public let finish: @Sendable () -> Void

    public init(next: @escaping @Sendable () async -> [UInt8]?, finish: @escaping @Sendable () -> Void) {
        self.next = next
        self.finish = finish
    }
}
