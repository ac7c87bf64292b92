public import Logging
public import ServiceLifecycle
public import ZeroMQ
internal import Metrics
internal import NewswireObservability

/// CURVE for one service process: its key pair, the ZAP handler that checks
/// clients against the allow-list, and a warning plus
/// `newswire_auth_refused_total{socket}` for every refused client.
///
/// Create it right after the service's ``Context`` and before binding, call
/// ``protect(_:as:)`` on each server socket before it binds and
/// ``authenticate(_:toServerAt:)`` before each outgoing connect. With CURVE off
/// every call does nothing, so the wiring is the same either way.
///
/// It is a `Service`: put it **first** in the service group, so it shuts down
/// last: the ZAP handler keeps checking handshakes until the sockets are closed,
/// then stops so the context can terminate.
public final class ServiceSecurity: Service, Sendable {
    /// The counter of refused clients, labelled by socket.
    public static let refusedMetric = "newswire_auth_refused_total"

    /// The keys in use; nil when CURVE is off.
    public let keys: CurveKeys?
    private let handler: ZAPHandler?

    /// Reads the key files and, with CURVE on, starts the ZAP handler in `context`.
    /// - Parameter serverCount: the endpoints the service connects to (producer: `--consumer`).
    public init(_ settings: CurveSettings, serverCount: Int = 0, context: Context, logger: Logger) throws {
        guard let keys = try settings.load(serverCount: serverCount) else {
            self.keys = nil
            self.handler = nil
            return
        }
        self.keys = keys
        handler = try ZAPHandler(context: context, allowList: keys.allowList) { decision in
            Self.report(decision, logger: logger)
        }
        logger.info("CURVE on: only allow-listed clients are accepted", metadata: [
            "public_key": "\(keys.keyPair.publicKey)", "allowed_keys": "\(keys.allowList.count)",
            "allow_list": "\(settings.allowListDirectory ?? "")",
        ])
    }

    /// Makes `socket` a CURVE server that accepts allow-listed clients only, named
    /// `name` in refusals (its ZAP domain and metric label). Call before `bind`.
    public func protect(_ socket: Socket, as name: String) throws(ZMQError) {
        guard let keys else { return }
        try socket.setCurveServer(secretKey: keys.keyPair.secretKey)
        try socket.setZAPDomain(name)
        // Registered now, so /metrics shows the socket at 0 before any refusal.
        _ = Counter(label: Self.refusedMetric, dimensions: [("socket", name)])
    }

    /// Makes `socket`'s next `connect` a CURVE client of the server at `index`
    /// among the endpoints it connects to, with this service's key pair. libzmq
    /// takes the options at connect time, so each endpoint can have its own key.
    /// Does nothing when CURVE is off or no server key was given.
    public func authenticate(_ socket: Socket, toServerAt index: Int) throws(ZMQError) {
        guard let keys, let serverKey = keys.serverPublicKey(forEndpointAt: index) else { return }
        try socket.setCurveClient(serverKey: serverKey, keyPair: keys.keyPair)
    }

    public func run() async throws {
        // Cancellation ends the wait too; either way the handler stops.
        try? await gracefulShutdown()
        await handler?.stop()
    }

    /// A flood of refused clients is counted in full but logged in bursts (one per process).
    static let refusalLog = LogThrottle()

    /// Logs and counts one decision of the ZAP handler (on its thread).
    static func report(_ decision: ZAPDecision, logger: Logger) {
        guard !decision.isAccepted else {
            logger.debug("client authenticated", metadata: [
                "socket": "\(decision.domain)", "peer": "\(decision.address)", "client": "\(decision.userID)",
            ])
            return
        }
        Counter(label: refusedMetric, dimensions: [("socket", decision.domain)]).increment()
        refusalLog.log(logger, "client refused", metadata: [
            "socket": "\(decision.domain)", "peer": "\(decision.address)", "mechanism": "\(decision.mechanism)",
            "client_key": "\(decision.clientKey ?? "none")", "reason": "\(decision.reason)",
        ])
    }
}
