public import ServiceLifecycle
public import Logging
public import Prometheus
internal import Foundation

/// Serves `/metrics` (Prometheus text format), `/healthz` (the process is up),
/// `/readyz` (its sockets are bound and its database is open) and `/status`
/// (a JSON ``ServiceStatus``, when the service gives a provider) over HTTP.
public struct MetricsService: Service {
    /// Builds the service's ``ServiceStatus`` from its metrics; runs on the HTTP thread's behalf.
    public typealias StatusProvider = @Sendable (MetricsSnapshot) async throws -> ServiceStatus

    let endpoint: HTTPEndpoint
    let registry: PrometheusCollectorRegistry
    let isReady: @Sendable () -> Bool
    let status: StatusProvider?
    let started = (date: Date(), instant: ContinuousClock.now)
    let logger: Logger

    /// The address actually bound, e.g. "127.0.0.1:9102".
    public var boundAddress: String { endpoint.boundAddress }

    /// Binds `address` now, so a bad or busy address fails at start.
    public init(
        address: String, registry: PrometheusCollectorRegistry, logger: Logger,
        isReady: @escaping @Sendable () -> Bool = { true }, status: StatusProvider? = nil
    ) throws(HTTPEndpointError) {
        endpoint = try HTTPEndpoint(address: address)
        self.registry = registry
        self.isReady = isReady
        self.status = status
        self.logger = logger
    }

    public func run() async throws {
        let registry = self.registry
        let isReady = self.isReady
        endpoint.start { [self] method, path in
            guard method == "GET" || method == "HEAD" else {
                return .init(status: 405, contentType: "text/plain", body: Array("only GET\n".utf8))
            }
            switch path {
            case "/metrics":
                return .init(status: 200, contentType: "text/plain; version=0.0.4", body: registry.emitToBuffer())
            case "/healthz":
                return .init(status: 200, contentType: "text/plain", body: Array("ok\n".utf8))
            case "/readyz":
                return isReady()
                    ? .init(status: 200, contentType: "text/plain", body: Array("ready\n".utf8))
                    : .init(status: 503, contentType: "text/plain", body: Array("not ready\n".utf8))
            case "/status" where status != nil:
                return statusResponse()
            default:
                return .init(status: 404, contentType: "text/plain", body: Array("not found: try /metrics, /healthz, /readyz, /status\n".utf8))
            }
        }
        logger.info("metrics endpoint serving", metadata: ["metrics": "http://\(endpoint.boundAddress)/metrics"])
        try? await gracefulShutdown()
        await endpoint.stop()
    }
}
