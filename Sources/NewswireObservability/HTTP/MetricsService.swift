public import ServiceLifecycle
public import Logging
public import Prometheus
internal import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import NIOCore
internal import Synchronization
internal import Metrics

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
    /// The service's own endpoints (the consumer's read API): the answer to a
    /// GET for a path the endpoint does not serve itself, or nil for "not mine" (404).
    public typealias Routes = @Sendable (HTTPRouteRequest) async -> HTTPRouteResponse?

    /// The address as asked, e.g. "127.0.0.1:0"; the bound one is logged
    /// ("metrics endpoint serving", `metrics=http://HOST:PORT/metrics`) and shown in `/status`.
    public let address: String
    let bindAddress: HTTPAddress
    let limits: HTTPLimits
    let registry: PrometheusCollectorRegistry
    let isReady: @Sendable () -> Bool
    let status: StatusProvider?
    let routes: Routes?
    /// When set, every path but `/healthz` needs `Authorization: Bearer <token>`, or the
    /// session cookie a browser gets from `/signin` (``MetricsService/signInResponse(_:token:)``).
    let bearerToken: BearerToken?
    let started = (date: Date(), instant: ContinuousClock.now)
    /// Per client address; nil when ``HTTPLimits/requestsPerSecond`` is 0.
    let rateLimiter: RequestRateLimiter?
    private let limited = Counter(label: "newswire_http_requests_limited_total")
    let logger: Logger
    let bound = BoundAddress()

    /// Checks `address` now, so a malformed one fails at start; the port is bound when the service runs.
    public init(
        address: String, limits: HTTPLimits = HTTPLimits(), registry: PrometheusCollectorRegistry, logger: Logger,
        isReady: @escaping @Sendable () -> Bool = { true }, status: StatusProvider? = nil,
        routes: Routes? = nil, bearerToken: BearerToken? = nil
    ) throws(HTTPEndpointError) {
        self.address = address
        bindAddress = try HTTPAddress(address)
        self.limits = limits
        self.registry = registry
        self.isReady = isReady
        self.status = status
        self.routes = routes
        self.bearerToken = bearerToken
        self.logger = logger
        rateLimiter = limits.requestsPerSecond > 0
            ? RequestRateLimiter(rate: Double(limits.requestsPerSecond), burst: Double(2 * limits.requestsPerSecond)) : nil
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
            responder: CallbackResponder<EndpointRequestContext> { [self] request, context in await respond(to: request, channel: context.channel) },
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
    func respond(to request: Request, channel: any Channel) async -> Response {
        if let rateLimiter, request.uri.path != "/healthz",
           let wait = rateLimiter.admit(channel.remoteAddress?.ipAddress ?? "unknown") {
            limited.increment()
            let seconds = max(Int((Double(wait / .milliseconds(1)) / 1000).rounded(.up)), 1)
            var response = Self.text(
                .tooManyRequests, "too many requests: at most \(limits.requestsPerSecond) a second from one address; retry after \(seconds) s\n")
            response.headers[.retryAfter] = "\(seconds)"
            return response
        }
        if let bearerToken, request.uri.path == "/signin" {
            return await signInResponse(request, token: bearerToken)
        }
        if let bearerToken, request.uri.path != "/healthz", !isAuthorized(request, token: bearerToken) {
            return unauthorizedResponse(request)
        }
        switch request.method {
        case .get: return await answer(request, channel: channel)
        case .head: return await answer(request, channel: channel).createHeadResponse()
        default: return Self.text(.methodNotAllowed, "only GET\n")
        }
    }

    private func answer(_ request: Request, channel: any Channel) async -> Response {
        let path = request.uri.path
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
            if let routes {
                switch HTTPRouteRequest.decodeQuery(request.uri.query ?? "") {
                case .failure(let error):
                    return Self.response(.badRequest, contentType: "application/json", body: Self.jsonError(status: 400, message: "\(error)"))
                case .success(let query):
                    let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
                    if let answer = await routes(HTTPRouteRequest(path: path, query: query, headers: headers)) {
                        return routeResponse(answer, channel: channel)
                    }
                }
            }
            return Self.text(.notFound, "not found: try /metrics, /healthz, /readyz, /status\(routes == nil ? "" : ", /api/v1/topics, /api/v1/articles, /openapi.json")\n")
        }
    }

    /// A route's answer as a Hummingbird response: its header fields, and its body whole or streamed.
    func routeResponse(_ answer: HTTPRouteResponse, channel: any Channel) -> Response {
        var fields: HTTPFields = [.contentType: answer.contentType]
        for (name, value) in answer.headers {
            if let field = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: field, value: value)) }
        }
        guard let stream = answer.stream else {
            return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        return Response(status: .init(code: answer.status), headers: fields, body: Self.streamedBody(stream, channel: channel, limits: limits))
    }

    /// Writes `stream` piece by piece, in writes of at most
    /// ``HTTPLimits/streamSendBufferBytes``; a write the client does not take within
    /// ``HTTPLimits/streamWriteTimeout`` closes the connection.
    static func streamedBody(_ stream: HTTPBodyStream, channel: any Channel, limits: HTTPLimits) -> ResponseBody {
        let timeout = TimeAmount.milliseconds(Int64(limits.streamWriteTimeout / .milliseconds(1)))
        let sendBuffer = SocketOptionValue(clamping: limits.streamSendBufferBytes)
        return ResponseBody { writer in
            let finish = FinishOnce(stream.finish)
            defer { finish.run() }
            // The client going away ends a `next` that waits for news.
            channel.closeFuture.whenComplete { _ in finish.run() }
            // Little waits outside the route's own queue: in the kernel, and in SwiftNIO's
            // buffer, which takes one write past its high mark (so writes are cut small).
            try? await channel.setOption(.socketOption(.so_sndbuf), value: sendBuffer).get()
            let mark = max(limits.streamSendBufferBytes, 2)
            try? await channel.setOption(.writeBufferWaterMark, value: .init(low: mark / 2, high: mark)).get()
            while let piece = await stream.next() {
                for start in stride(from: 0, to: piece.count, by: mark) {
                    let watchdog = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
                    defer { watchdog.cancel() }
                    try await writer.write(ByteBuffer(bytes: piece[start..<min(start + mark, piece.count)]))
                }
            }
            try await writer.finish(nil)
        }
    }

    /// `{"error":{"status":N,"message":"…"}}`, the shape of every JSON error the service routes answer.
    static func jsonError(status: Int, message: String) -> [UInt8] {
        let document = ["error": ["status": status, "message": message] as [String: any Sendable]]
        return ((try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])).map { [UInt8]($0) } ?? []) + [10]
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        response(status, contentType: "text/plain", body: Array(body.utf8))
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Runs a stream's `finish` once, whichever of its callers comes first.
final class FinishOnce: Sendable {
    private let action: Mutex<(@Sendable () -> Void)?>
    init(_ action: @escaping @Sendable () -> Void) { self.action = Mutex(action) }
    func run() { action.withLock { action in let pending = action; action = nil; return pending }?() }
}

/// The address the server bound, set once it runs (for `/status` and the log).
final class BoundAddress: Sendable {
    private let address = Mutex<String?>(nil)
    var value: String? { address.withLock { $0 } }
    func set(_ value: String) { address.withLock { $0 = value } }
}
