public import ServiceLifecycle
public import Logging
public import Prometheus
internal import NewswireObservability
internal import ZeroMQ
internal import NewsModels
internal import NewswireSecurity
internal import NewswireStorage
internal import UnixSignals

/// Wires a producer together: the outbox, the ingest ROUTER and the delivery
/// DEALER, each served by its own `Service` under one `ServiceGroup` that turns
/// SIGTERM and SIGINT into a graceful stop (ingest stops first, then delivery
/// waits for outstanding acks).
public enum ProducerApplication {
    /// The running parts, with the ingest endpoint actually bound.
    public struct Built: Sendable {
        public var group: ServiceGroup
        public var ingestEndpoint: String
        public var outbox: Outbox
        /// The metrics endpoint's address as asked (port 0 is chosen when it binds), nil when it is off.
        public var metricsAddress: String?
    }

    /// - Parameter metrics: the registry `/metrics` serves (from `Observability.bootstrap`); nil serves none.
    public static func build(_ configuration: ProducerConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry? = nil) async throws -> Built {
        let outbox: Outbox
        do {
            outbox = try Outbox.open(path: configuration.outboxPath)
        } catch {
            throw DatabaseOpenError(setting: "--outbox", path: configuration.outboxPath, underlying: error)
        }
        let monitor = OutboxMonitor(depth: try await outbox.pendingCount())
        // Room for a few ingest batches ahead of a full delivery window; past it
        // (a consumer down or slow), delivery reads the outbox, so memory stays flat.
        let handoff = DeliveryHandoff(
            capacity: max(1024, configuration.deliveryWindow * 2), byteCapacity: 16 << 20, startWithOutboxRead: monitor.currentDepth > 0)
        let context = try Context()
        let security = try ServiceSecurity(configuration.curve, serverCount: configuration.consumerEndpoints.count, context: context, logger: logger)

        let ingest = try Socket(context: context, type: .router)
        let ingestPeers = try SocketMonitor(ingest, name: "producer.ingest")
        let intake = ArticleIntake(maximumArticleBytes: configuration.maximumArticleBytes, maximumEventBytes: configuration.maximumEventBytes)
        // 64 KiB over the payload limit: a frame a little too large gets a
        // TOO_LARGE Nack naming its size; only a far larger one is dropped unseen.
        try ingest.setMaximumMessageSize(intake.maximumPayloadBytes + 64 * 1024)
        try ingest.setHeartbeat(interval: .seconds(1), timeout: .seconds(5))
        try security.protect(ingest, as: "ingest")
        let ingestEndpoint = try ingest.bind(configuration.ingestEndpoint)

        let consumers = try Socket(context: context, type: .dealer)
        let consumerPeers = try SocketMonitor(consumers, name: "producer.delivery")
        // Queue only to live connections, so a dead consumer never holds events.
        try consumers.setImmediate(true)
        try consumers.setHeartbeat(interval: .seconds(1), timeout: .seconds(3), ttl: .seconds(5))
        try consumers.setReconnectInterval(.milliseconds(100), maximum: .seconds(2))
        try consumers.setSendHighWaterMark(configuration.deliveryWindow * 2)
        for (index, endpoint) in configuration.consumerEndpoints.enumerated() {
            try security.authenticate(consumers, toServerAt: index)
            try consumers.connect(endpoint)
        }

        let ingestService = IngestService(
            socket: try AsyncSocket(ingest, name: "producer.ingest"), intake: intake,
            outbox: outbox, monitor: monitor, handoff: handoff, maximumOutboxDepth: configuration.maximumOutboxDepth, logger: logger)
        // Acks are awaited for the draining part of the grace period; the rest closes and checkpoints.
        let budget = ShutdownBudget(grace: configuration.shutdownGracePeriod)
        var draining = configuration
        draining.shutdownGracePeriod = budget.draining
        let deliveryService = DeliveryService(
            socket: try AsyncSocket(consumers, name: "producer.delivery"), outbox: outbox, monitor: monitor, handoff: handoff,
            configuration: draining, logger: logger, consumersConnected: { consumerPeers.connectedPeers > 0 })

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var metricsAddress: String?
        if let metrics, !configuration.metricsAddress.isEmpty {
            let status = statusProvider(configuration, ingestEndpoint: ingestEndpoint, outbox: outbox, peers: ["ingest": ingestPeers, "consumer": consumerPeers])
            let service = try MetricsService(address: configuration.metricsAddress, limits: configuration.httpLimits, registry: metrics, logger: logger, status: status)
            metricsAddress = service.address
            services.append(.init(service: service))
        }
        // Shut down in reverse order: ingest first, then delivery, then metrics, then the WAL checkpoint.
        services += [.init(service: deliveryService), .init(service: ingestService)]
        services.insert(.init(service: security), at: 0)  // stops last, after the sockets
        services.insert(.init(service: WALCheckpointer(path: configuration.outboxPath, role: "outbox", logger: logger)), at: 0)
        services.insert(.init(service: MemoryTrimmer(logger: logger)), at: 0)
        let group = budget.serviceGroup(services, logger: logger, finalStep: "checkpoint \(configuration.outboxPath)") {
            try outbox.checkpoint()
        }
        logger.info("producer ready", metadata: [
            "ingest": "\(ingestEndpoint)", "consumers": "\(configuration.consumerEndpoints.joined(separator: ","))",
            "outbox": "\(configuration.outboxPath)", "pending": "\(monitor.currentDepth)",
            "metrics": "\(metricsAddress ?? "off")",  // as asked; "metrics endpoint serving" names the bound port
        ])
        return Built(group: group, ingestEndpoint: ingestEndpoint, outbox: outbox, metricsAddress: metricsAddress)
    }
}
