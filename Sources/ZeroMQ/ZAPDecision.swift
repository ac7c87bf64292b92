/// What a ``ZAPHandler`` answered to one connection's authentication request,
/// with what a log line or a metric needs to say who was refused where.
public struct ZAPDecision: Sendable, Equatable, CustomStringConvertible {
    /// The server socket's ZAP domain (``Socket/setZAPDomain(_:)``): which socket, e.g. "ingest".
    public var domain: String
    /// The peer's IP address, as libzmq reports it.
    public var address: String
    /// The security mechanism the peer used: "CURVE", or "NULL"/"PLAIN" (always refused).
    public var mechanism: String
    /// The peer's CURVE public key in Z85, when it sent one.
    public var clientKey: String?
    /// 200 accepted, 400 refused, 500 a request the handler could not read.
    public var statusCode: Int
    /// Why, in words (also sent to libzmq as the status text).
    public var reason: String
    /// The allow-list name of an accepted key (libzmq's User-Id for the connection); empty when refused.
    public var userID: String

    public init(domain: String, address: String, mechanism: String, clientKey: String?, statusCode: Int, reason: String, userID: String) {
        self.domain = domain
        self.address = address
        self.mechanism = mechanism
        self.clientKey = clientKey
        self.statusCode = statusCode
        self.reason = reason
        self.userID = userID
    }

    /// True when the connection may proceed.
    public var isAccepted: Bool { statusCode == 200 }

    public var description: String {
        "\(isAccepted ? "accepted" : "refused") \(mechanism) \(clientKey ?? "-") from \(address) on '\(domain)': \(statusCode) \(reason)"
    }
}
