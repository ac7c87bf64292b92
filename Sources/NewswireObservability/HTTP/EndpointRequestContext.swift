internal import Hummingbird
internal import NIOCore

/// The request context of ``MetricsService``: Hummingbird's basic one plus the
/// connection's channel, which a streamed response needs (its socket's send
/// buffer, its write deadline, noticing the client going away) and the rate
/// limit keys by (the client's address).
struct EndpointRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
