internal import Foundation

/// Constants of the Newswire wire protocol (proto-docs/README.md is normative).
///
/// Every message is a ZeroMQ multipart message whose last four frames are:
///
/// | frame | content |
/// |---|---|
/// | header | `newswire/1`: protocol name and major version |
/// | type | the message type, e.g. `raw-article` (``MessageType``) |
/// | content type | `application/x-protobuf` or `application/json` (``ContentType``) |
/// | payload | the message, encoded as the content type says |
///
/// Frames in front of these are routing: a ROUTER socket sees the peer's
/// routing id (and an empty delimiter frame when the peer is a REQ socket); a
/// topic stream puts the topic id first so SUB sockets filter by prefix.
public enum WireProtocol {
    /// The protocol header frame this version speaks.
    public static let header = "newswire/1"
    /// The header's name part; a header with this name and another version is
    /// answered with ``WireError/Code/unsupportedVersion``.
    public static let name = "newswire"
    /// Frames after routing: header, type, content type, payload.
    public static let frameCount = 4
    /// Default largest accepted message, in bytes (configurable per service).
    public static let defaultMaximumMessageBytes = 32 * 1024 * 1024
}

/// What a message is; the second frame of every message.
public enum MessageType: String, Sendable, CaseIterable {
    case rawArticle = "raw-article"
    case articleEvent = "article-event"
    case ack = "ack"
    case nack = "nack"
    case topicMessage = "topic-message"
    case replayRequest = "replay-request"
    case replayEnd = "replay-end"
}

/// How the payload is encoded; the third frame of every message.
public enum ContentType: String, Sendable, CaseIterable {
    /// Binary protobuf (proto3).
    case protobuf = "application/x-protobuf"
    /// The canonical protobuf JSON mapping of the same message.
    case json = "application/json"

    /// Accepts the registered alias `application/protobuf` and ignores parameters
    /// such as `; charset=utf-8`.
    public init?(header: String) {
        // Keep an empty leading part: "; application/json" has no media type.
        let base = header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        switch base {
        case "application/x-protobuf", "application/protobuf", "application/vnd.google.protobuf": self = .protobuf
        case "application/json": self = .json
        default: return nil
        }
    }

    /// Reads a content-type frame. The two canonical names, which every message
    /// from our own services carries, match byte for byte without building a
    /// String (this runs for every message on every socket); anything else goes
    /// through ``init(header:)``.
    public init?(frame: [UInt8]) {
        if frame.elementsEqual(Self.protobufFrame) {
            self = .protobuf
        } else if frame.elementsEqual(Self.jsonFrame) {
            self = .json
        } else if let text = String(validating: frame, as: UTF8.self) {
            self.init(header: text)
        } else {
            return nil
        }
    }

    private static let protobufFrame = Array(ContentType.protobuf.rawValue.utf8)
    private static let jsonFrame = Array(ContentType.json.rawValue.utf8)
}

extension ContentType {
    /// The content type to answer a request in: the request's own when its
    /// third protocol frame names one we speak, protobuf otherwise (so a JSON
    /// client gets JSON replies, Nacks included).
    public init(replyingTo frames: some Collection<[UInt8]>) {
        if frames.count == WireProtocol.frameCount, let type = ContentType(frame: frames[frames.index(frames.startIndex, offsetBy: 2)]) {
            self = type
        } else {
            self = .protobuf
        }
    }
}

/// Where each socket listens unless configured otherwise.
public enum DefaultEndpoints {
    /// Producer ROUTER; scrapers send raw articles here.
    public static let ingest = "tcp://127.0.0.1:5555"
    /// Consumer ROUTER; the producer's DEALER connects here.
    public static let events = "tcp://127.0.0.1:5556"
    /// Consumer XPUB; subscribers join topic streams here.
    public static let stream = "tcp://127.0.0.1:5557"
    /// Consumer ROUTER; late joiners ask for history here.
    public static let replay = "tcp://127.0.0.1:5558"
}
