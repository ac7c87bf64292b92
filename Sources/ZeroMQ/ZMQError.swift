internal import CZeroMQ
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A libzmq failure, with what a person needs to fix it: the operation, the
/// errno and libzmq's message, and the endpoint or option involved.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, by errno. Compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let errno: Int32
        public init(errno: Int32) { self.errno = errno }

        /// The operation would block (non-blocking send/receive, or a timeout).
        public static let wouldBlock = Code(errno: czmq_errno_eagain())
        /// The context was shut down while the call was waiting.
        public static let contextTerminated = Code(errno: czmq_errno_eterm())
        /// A signal interrupted the call.
        public static let interrupted = Code(errno: czmq_errno_eintr())
        /// A malformed argument: an endpoint, an option value, a key.
        public static let invalidArgument = Code(errno: EINVAL)
        /// The address is already in use (bind).
        public static let addressInUse = Code(errno: EADDRINUSE)
        /// The socket was closed, or used after close.
        public static let notSocket = Code(errno: ENOTSOCK)
        /// A message could not be routed (ROUTER with ROUTER_MANDATORY and an unknown peer).
        public static let hostUnreachable = Code(errno: EHOSTUNREACH)

        public var description: String { String(cString: zmq_strerror(errno)) }
    }

    public var code: Code
    /// What we were doing: "bind", "connect", "send", "setsockopt(LINGER)", ...
    public var operation: String
    /// The endpoint involved, when there is one.
    public var endpoint: String?

    public init(code: Code, operation: String, endpoint: String? = nil) {
        self.code = code
        self.operation = operation
        self.endpoint = endpoint
    }

    /// Reads the calling thread's last libzmq error.
    static func last(_ operation: String, endpoint: String? = nil) -> ZMQError {
        ZMQError(code: Code(errno: zmq_errno()), operation: operation, endpoint: endpoint)
    }

    public var description: String {
        var text = "zmq \(operation) failed: \(code.description) (errno \(code.errno))"
        if let endpoint { text += " [endpoint \(endpoint)]" }
        return text
    }
}
