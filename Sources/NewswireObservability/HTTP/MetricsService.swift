public import ServiceLifecycle
public import Logging
public import Prometheus
internal import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import NIOCore
internal import Synchronization

/// Serves `/metrics` (Prometheus text format), `/healthz` (the process is up),
/// `/readyz` (its sockets are bound and its database is open) and `/status`
/// (a JSON ``ServiceStatus``, when the service gives a provider) over HTTP.
///
/// The server is Hummingbird's (SwiftNIO): every connection is served on its
/// own, so a slow or idle client never holds up a health probe. A connection
/// that sends no whole request head within ``HTTPLimits/readTimeout`` is
/// closed, and one over ``HTTPLimits/maximumConnections`` is closed at once.
public struct MetricsService: Service {
    /// Builds the service's ``ServiceStatus`` from its metrics; called for each `GET /status`.
    public typealias StatusProvider = @Sendable (MetricsSnapshot) async throws -> ServiceStatus

    /// The address as asked, e.g. "127.0.0.1:0"; the bound one is logged
    /// ("metrics endpoint serving", `metrics=http://HOST:PORT/metrics`) and shown in `/status`.
    public let address: String
    let bindAddress: HTTPAddress
    let limits: HTTPLimits
    let registry: PrometheusCollectorRegistry
    let isReady: @Sendable () -> Bool
    let status: StatusProvider?
    let started = (date: Date(), instant: ContinuousClock.now)
    let logger: Logger
    let bound = BoundAddress()

    /// Checks `address` now, so a malformed one fails at start; the port is bound when the service runs.
    public init(
        address: String, limits: HTTPLimits = HTTPLimits(), registry: PrometheusCollectorRegistry, logger: Logger,
        isReady: @escaping @Sendable () -> Bool = { true }, status: StatusProvider? = nil
    ) throws(HTTPEndpointError) {
        self.address = address
        bindAddress = try HTTPAddress(address)
        self.limits = limits
        self.registry = registry
        self.isReady = isReady
        self.status = status
        self.logger = logger
    }

    /// The address actually bound, e.g. "127.0.0.1:9102"; nil until the server runs.
    public var boundAddress: String? { bound.value }

    public func run() async throws {
        let limit = ConnectionLimit(maximum: limits.maximumConnections)
        let readTimeout = TimeAmount.milliseconds(Int64(limits.readTimeout / .milliseconds(1)))
        let server = HTTPServerBuilder { responder in
            CappedHTTP1Channel(
                http1: HTTP1Channel(
                    responder: responder,
                    configuration: .init(
                        idleTimeout: readTimeout,
                        // Requests here are a line and a few headers; anything larger is not a probe.
                        httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
                limit: limit)
        }
        let application = Application(
            responder: CallbackResponder<BasicRequestContext> { [self] request, _ in await respond(to: request) },
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(bindAddress.host, port: bindAddress.port)),
            onServerRunning: { [self] channel in
                let address = HTTPAddress.authority(
                    host: channel.localAddress?.ipAddress ?? bindAddress.host, port: channel.localAddress?.port ?? bindAddress.port)
                bound.set(address)
                logger.info("metrics endpoint serving", metadata: [
                    "metrics": "http://\(address)/metrics", "read_timeout_ms": "\(Int(limits.readTimeout / .milliseconds(1)))",
                    "max_connections": "\(limits.maximumConnections)",
                ])
            },
            logger: logger)
        do {
            try await application.run()
        } catch where bound.value == nil {
            throw HTTPEndpointError("--metrics \(address): cannot listen: \(error)")
        }
    }

    /// The answer to one request; only GET and HEAD are served.
    func respond(to request: Request) async -> Response {
        switch request.method {
        case .get: return await answer(path: request.uri.path)
        case .head: return await answer(path: request.uri.path).createHeadResponse()
        default: return Self.text(.methodNotAllowed, "only GET\n")
        }
    }

    private func answer(path: String) async -> Response {
        switch path {
        case "/metrics":
            return Self.response(.ok, contentType: "text/plain; version=0.0.4", body: registry.emitToBuffer())
        case "/healthz":
            return Self.text(.ok, "ok\n")
        case "/readyz":
            return isReady() ? Self.text(.ok, "ready\n") : Self.text(.serviceUnavailable, "not ready\n")
        case "/status" where status != nil:
            return await statusResponse()
        default:
            return Self.text(.notFound, "not found: try /metrics, /healthz, /readyz, /status\n")
        }
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        response(status, contentType: "text/plain", body: Array(body.utf8))
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The address the server bound, set once it runs (for `/status` and the log).
final class BoundAddress: Sendable {
    private let address = Mutex<String?>(nil)
    var value: String? { address.withLock { $0 } }
    func set(_ value: String) { address.withLock { $0 = value } }
}
