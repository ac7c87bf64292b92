public import ZeroMQ
public import NewsModels

/// One message a subscriber sent to the topic stream, as the XPUB passes it up.
///
/// A SUB socket only ever sends one frame: byte 1 then the topic prefix to
/// join, or byte 0 then the prefix to leave. An XSUB peer can send anything;
/// every other shape is refused (counted and logged, never fatal).
public enum SubscriptionMessage: Sendable, Equatable {
    case subscribe(prefix: [UInt8])
    case unsubscribe(prefix: [UInt8])

    /// Reads `message`; throws ``WireError/Code/malformed`` naming what is wrong.
    public init(_ message: Multipart) throws(WireError) {
        guard message.count == 1 else {
            throw WireError(.malformed, "a subscription is 1 frame, got \(message.count)")
        }
        let frame = message[0]
        switch frame.first {
        case 1: self = .subscribe(prefix: Array(frame.dropFirst()))
        case 0: self = .unsubscribe(prefix: Array(frame.dropFirst()))
        case nil: throw WireError(.malformed, "an empty frame is not a subscription")
        case let kind?: throw WireError(.malformed, "a subscription frame starts with byte 1 (join) or 0 (leave), got \(kind) (\(frame.count) bytes)")
        }
    }

    /// The prefix as text for logs: "*" for everything, invalid UTF-8 repaired.
    public var topicDescription: String {
        let prefix: [UInt8]
        switch self {
        case .subscribe(let bytes), .unsubscribe(let bytes): prefix = bytes
        }
        return prefix.isEmpty ? "*" : String(decoding: prefix.prefix(100), as: UTF8.self)
    }

    /// Largest subscription frame the stream socket takes (its MAXMSGSIZE): the
    /// join byte and a topic id fit many times over; a peer sending more is
    /// disconnected by ZeroMQ before its frame is read.
    public static let maximumFrameBytes = 1024
}
