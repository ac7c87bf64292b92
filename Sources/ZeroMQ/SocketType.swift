internal import CZeroMQ

/// The ZeroMQ socket types Newswire uses.
public enum SocketType: Sendable, CaseIterable, CustomStringConvertible {
    case push, pull, pub, sub, xpub, xsub, dealer, router, pair, req, rep

    var rawValue: Int32 {
        switch self {
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pair: ZMQ_PAIR
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        }
    }

    public var description: String {
        switch self {
        case .push: "PUSH"
        case .pull: "PULL"
        case .pub: "PUB"
        case .sub: "SUB"
        case .xpub: "XPUB"
        case .xsub: "XSUB"
        case .dealer: "DEALER"
        case .router: "ROUTER"
        case .pair: "PAIR"
        case .req: "REQ"
        case .rep: "REP"
        }
    }
}
