/// A message as a ROUTER socket sees it: the route back to the sender, then
/// the protocol frames.
///
/// The protocol frames are the last four; every frame before them is routing
/// (proto-docs §3): the peer's routing id, the empty delimiter a REQ socket
/// adds, and whatever a DEALER or a proxy in between put in front. Replies go
/// back with the whole route, in order, so DEALER and REQ clients, and clients
/// behind a ROUTER–DEALER proxy, are all served.
public struct RoutedMessage: Sendable, Equatable {
    public var route: [[UInt8]]
    public var frames: ArraySlice<[UInt8]>

    /// Splits a ROUTER message into route and protocol frames.
    ///
    /// A message too short to hold four protocol frames keeps the shortest
    /// route (routing id, plus the delimiter when one follows it), so the
    /// frame-count error reaches the client, REQ sockets included.
    public init(routerFrames: [[UInt8]]) throws(WireError) {
        guard let first = routerFrames.first, !first.isEmpty else {
            throw WireError(.malformed, "no routing id frame")
        }
        let hasDelimiter = routerFrames.count > 1 && routerFrames[1].isEmpty
        let shortestRoute = hasDelimiter ? 2 : 1
        let routeLength = max(shortestRoute, routerFrames.count - WireProtocol.frameCount)
        self.route = Array(routerFrames.prefix(routeLength))
        self.frames = routerFrames.dropFirst(routeLength)
    }

    /// The frames that send `reply` back along `route`.
    public static func reply(route: [[UInt8]], _ reply: WireMessage) -> [[UInt8]] {
        route + reply.frames
    }
}
