internal import HummingbirdCore
internal import Logging
internal import NIOCore

/// Hummingbird's HTTP/1.1 child channel behind a cap on open connections.
///
/// Hummingbird's own cap (`MaximumAvailableConnections`) stops accepting at the
/// cap, which leaves new clients, health probes among them, waiting unanswered
/// in the listen backlog. This one accepts and closes a connection over the cap
/// at once, so a client learns straight away that the endpoint is full, and
/// the slots held by idle clients come back within the read timeout.
struct CappedHTTP1Channel: ServerChildChannel {
    /// The HTTP channel, or nil for a connection closed for being over the cap.
    struct Value: ServerChildChannelValue {
        let channel: any Channel
        let http: HTTP1Channel.Value?
    }

    let http1: HTTP1Channel
    let limit: ConnectionLimit
    /// One warning per burst of refusals, not one per connection.
    let refusals = LogThrottle(burst: 1, interval: .seconds(10))

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard limit.admit() else {
            refusals.log(
                logger, "HTTP connection closed: the endpoint is at its cap (--http-max-connections)",
                metadata: ["max_connections": "\(limit.maximum)", "peer": "\(channel.remoteAddress.map { "\($0)" } ?? "unknown")"])
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededFuture(Value(channel: channel, http: nil))
        }
        let limit = self.limit
        channel.closeFuture.whenComplete { _ in limit.release() }
        return http1.setup(channel: channel, logger: logger).map { Value(channel: channel, http: $0) }
    }

    func handle(value: Value, logger: Logger) async {
        guard let http = value.http else { return }
        await http1.handle(value: http, logger: logger)
    }
}
