public import SwiftProtobuf

/// One protocol message: type, content type and payload, without routing frames.
public struct WireMessage: Sendable, Equatable {
    public var type: MessageType
    public var contentType: ContentType
    public var payload: [UInt8]

    public init(type: MessageType, contentType: ContentType = .protobuf, payload: [UInt8]) {
        self.type = type
        self.contentType = contentType
        self.payload = payload
    }

    /// Encodes `message` as `contentType`.
    public init(_ type: MessageType, _ message: some SwiftProtobuf.Message, contentType: ContentType = .protobuf) throws {
        let payload: [UInt8] = switch contentType {
        case .protobuf: try message.serializedBytes()
        case .json: try message.jsonUTF8Bytes()
        }
        self.init(type: type, contentType: contentType, payload: payload)
    }

    /// The four protocol frames: header, type, content type, payload. The first
    /// three are shared constant arrays and the payload is this message's own
    /// buffer: nothing is copied or allocated per frame.
    public var frames: [[UInt8]] {
        [Self.headerFrame, Self.typeFrames[Self.typeIndex(type)], contentType == .protobuf ? Self.protobufFrame : Self.jsonFrame, payload]
    }

    private static let headerFrame = Array(WireProtocol.header.utf8)
    private static let typeFrames = MessageType.allCases.map { Array($0.rawValue.utf8) }
    private static let protobufFrame = Array(ContentType.protobuf.rawValue.utf8)
    private static let jsonFrame = Array(ContentType.json.rawValue.utf8)

    /// `type`'s place in `MessageType.allCases` (and so in ``typeFrames``), without hashing its name.
    private static func typeIndex(_ type: MessageType) -> Int {
        switch type {
        case .rawArticle: 0
        case .articleEvent: 1
        case .ack: 2
        case .nack: 3
        case .topicMessage: 4
        case .replayRequest: 5
        case .replayEnd: 6
        }
    }

    /// Reads the four protocol frames (routing frames already removed).
    ///
    /// Checks, in order: frame count, header (name, then version), type, content
    /// type, size. Errors name the frame at fault.
    public init(frames: some Collection<[UInt8]>, maximumBytes: Int = WireProtocol.defaultMaximumMessageBytes) throws(WireError) {
        guard frames.count == WireProtocol.frameCount else {
            throw WireError(.malformed, "expected \(WireProtocol.frameCount) frames (header, type, content type, payload), got \(frames.count)")
        }
        var iterator = frames.makeIterator()
        let header = iterator.next()!, type = iterator.next()!, contentType = iterator.next()!, payload = iterator.next()!
        guard let headerText = String(validating: header, as: UTF8.self) else {
            throw WireError(.malformed, "frame 1 (header) is not UTF-8 text; expected '\(WireProtocol.header)'")
        }
        if headerText != WireProtocol.header {
            if headerText.hasPrefix(WireProtocol.name + "/") {
                throw WireError(.unsupportedVersion, "frame 1 (header) is '\(headerText)'; this service speaks '\(WireProtocol.header)'")
            }
            throw WireError(.malformed, "frame 1 (header) is '\(headerText.prefix(40))'; expected '\(WireProtocol.header)'")
        }
        guard let typeText = String(validating: type, as: UTF8.self), let messageType = MessageType(rawValue: typeText) else {
            let shown = String(decoding: type.prefix(40), as: UTF8.self)
            throw WireError(.unsupportedType, "frame 2 (type) '\(shown)' is not one of \(MessageType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let content = ContentType(frame: contentType) else {
            let shown = String(decoding: contentType.prefix(60), as: UTF8.self)
            throw WireError(.unsupportedType, "frame 3 (content type) '\(shown)' is not application/x-protobuf or application/json")
        }
        guard payload.count <= maximumBytes else {
            throw WireError(.tooLarge, "frame 4 (payload) is \(payload.count) bytes; the limit is \(maximumBytes)")
        }
        self.init(type: messageType, contentType: content, payload: payload)
    }

    /// Decodes the payload as `M`, after checking the type is `expected`.
    ///
    /// Unknown fields are kept (protobuf) or ignored (JSON), so newer senders can
    /// add fields without breaking older receivers.
    public func decode<M: SwiftProtobuf.Message>(_: M.Type, expecting expected: MessageType) throws(WireError) -> M {
        guard type == expected else {
            throw WireError(.unsupportedType, "frame 2 (type) is '\(type.rawValue)'; this socket expects '\(expected.rawValue)'")
        }
        do {
            switch contentType {
            case .protobuf:
                return try M(serializedBytes: payload)
            case .json:
                var options = JSONDecodingOptions()
                options.ignoreUnknownFields = true
                return try M(jsonUTF8Bytes: payload, options: options)
            }
        } catch {
            var failure = WireError(.malformed, DecodeFailure.explain(error, payload: payload, contentType: contentType, as: M.self))
            if M.self is any RequestTagged.Type {
                failure.requestID = DecodeFailure.requestID(in: payload, contentType: contentType, as: M.self)
            }
            throw failure
        }
    }
}
