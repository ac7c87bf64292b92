/// Why a message could not be taken off the wire. Each code maps to the
/// ``Nack`` reason a receiver answers with.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Wrong frame count, empty frames, or a payload that does not decode.
        public static let malformed = Code("malformed")
        /// The header names another protocol version.
        public static let unsupportedVersion = Code("unsupported-version")
        /// Unknown message type or content type, or one not accepted on this socket.
        public static let unsupportedType = Code("unsupported-type")
        /// Over the configured size limit.
        public static let tooLarge = Code("too-large")
    }

    public var code: Code
    /// What was wrong, naming the frame or field, e.g. "frame 2 (content type): 'text/xml' is not supported".
    public var message: String
    /// The request's id when the payload did not decode as a whole but its
    /// `request_id` field did (``RequestTagged``); empty otherwise.
    public var requestID = ""

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// The reason a receiver puts in its ``Nack``.
    public var nackReason: Nack.Reason {
        switch code {
        case .unsupportedVersion: .unsupportedVersion
        case .unsupportedType: .unsupportedType
        case .tooLarge: .tooLarge
        default: .malformed
        }
    }
}
