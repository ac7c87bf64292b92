public import ServiceLifecycle
public import Logging
internal import ZeroMQ
internal import NewsModels
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
    }

    public static func build(_ configuration: ProducerConfiguration, logger: Logger) async throws -> Built {
        let outbox = try Outbox.open(path: configuration.outboxPath)
        let monitor = OutboxMonitor(depth: try await outbox.pendingCount())
        let context = try Context()

        let ingest = try Socket(context: context, type: .router)
        try ingest.setMaximumMessageSize(configuration.maximumArticleBytes + 64 * 1024)
        try ingest.setHeartbeat(interval: .seconds(1), timeout: .seconds(5))
        let ingestEndpoint = try ingest.bind(configuration.ingestEndpoint)

        let consumers = try Socket(context: context, type: .dealer)
        // Queue only to live connections, so a dead consumer never holds events.
        try consumers.setImmediate(true)
        try consumers.setHeartbeat(interval: .seconds(1), timeout: .seconds(3), ttl: .seconds(5))
        try consumers.setReconnectInterval(.milliseconds(100), maximum: .seconds(2))
        try consumers.setSendHighWaterMark(configuration.deliveryWindow * 2)
        for endpoint in configuration.consumerEndpoints {
            try consumers.connect(endpoint)
        }

        let ingestService = IngestService(
            socket: try AsyncSocket(ingest, name: "producer.ingest"), intake: ArticleIntake(maximumArticleBytes: configuration.maximumArticleBytes),
            outbox: outbox, monitor: monitor, maximumOutboxDepth: configuration.maximumOutboxDepth, logger: logger)
        let deliveryService = DeliveryService(
            socket: try AsyncSocket(consumers, name: "producer.delivery"), outbox: outbox, monitor: monitor,
            configuration: configuration, logger: logger)

        let group = ServiceGroup(
            configuration: .init(
                // Shut down in reverse order: ingest first, then delivery.
                services: [.init(service: deliveryService), .init(service: ingestService)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        logger.info("producer ready", metadata: [
            "ingest": "\(ingestEndpoint)", "consumers": "\(configuration.consumerEndpoints.joined(separator: ","))",
            "outbox": "\(configuration.outboxPath)", "pending": "\(monitor.currentDepth)",
        ])
        return Built(group: group, ingestEndpoint: ingestEndpoint, outbox: outbox)
    }
}
