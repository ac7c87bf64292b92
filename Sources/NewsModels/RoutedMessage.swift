/// A message as a ROUTER socket sees it: the route back to the sender, then
/// the protocol frames.
///
/// The route is the peer's routing id, plus the empty delimiter frame when the
/// peer is a REQ socket; replies go back with the same route, so DEALER and REQ
/// clients are both served.
public struct RoutedMessage: Sendable, Equatable {
    public var route: [[UInt8]]
    public var frames: ArraySlice<[UInt8]>

    /// Splits a ROUTER message into route and protocol frames.
    public init(routerFrames: [[UInt8]]) throws(WireError) {
        guard let first = routerFrames.first, !first.isEmpty else {
            throw WireError(.malformed, "no routing id frame")
        }
        let hasDelimiter = routerFrames.count > 1 && routerFrames[1].isEmpty
        let routeLength = hasDelimiter ? 2 : 1
        self.route = Array(routerFrames.prefix(routeLength))
        self.frames = routerFrames.dropFirst(routeLength)
    }

    /// The frames that send `reply` back along `route`.
    public static func reply(route: [[UInt8]], _ reply: WireMessage) -> [[UInt8]] {
        route + reply.frames
    }
}
