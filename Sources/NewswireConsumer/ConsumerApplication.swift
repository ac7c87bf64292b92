public import ServiceLifecycle
public import Logging
public import Prometheus
internal import NewswireObservability
public import NewsClassification
internal import ZeroMQ
internal import NewsModels
internal import NewswireSecurity
internal import NewswireStorage
internal import UnixSignals

/// Wires a consumer together: the store, the classifier, and the three sockets,
/// each served by its own `Service` under one `ServiceGroup` that turns SIGTERM
/// and SIGINT into a graceful stop.
public enum ConsumerApplication {
    /// The running parts, with the endpoints actually bound (ports chosen for `*`).
    public struct Built: Sendable {
        public var group: ServiceGroup
        public var eventsEndpoint: String
        public var streamEndpoint: String
        public var replayEndpoint: String
        public var classifier: ArticleClassifier
        /// The metrics endpoint's address as asked (port 0 is chosen when it binds), nil when it is off.
        public var metricsAddress: String?
    }

    /// Loads the taxonomy named by the configuration (or the default one).
    public static func loadTaxonomy(_ configuration: ConsumerConfiguration) throws(TaxonomyError) -> Taxonomy {
        if let path = configuration.topicsPath { return try Taxonomy(contentsOf: path) }
        return .default
    }

    /// - Parameter metrics: the registry `/metrics` serves (from `Observability.bootstrap`); nil serves none.
    public static func build(_ configuration: ConsumerConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry? = nil) async throws -> Built {
        let taxonomy = try loadTaxonomy(configuration)
        let location = try ConsumerStoreLocation(configuration.databasePath)
        let store: any ConsumerStore
        do {
            store = try await location.open(logger: logger)
        } catch let error as PostgresSchemaTooNewError {
            throw error
        } catch {
            throw DatabaseOpenError(setting: "--db", path: location.description, underlying: error)
        }
        let consumerID = try await store.consumerID()
        let context = try Context()
        let security = try ServiceSecurity(configuration.curve, context: context, logger: logger)

        let events = try Socket(context: context, type: .router)
        let eventsPeers = try SocketMonitor(events, name: "consumer.events")
        try events.setMaximumMessageSize(configuration.maximumEventBytes + 64 * 1024)
        try events.setHeartbeat(interval: .seconds(1), timeout: .seconds(5))
        try security.protect(events, as: "events")
        let eventsEndpoint = try events.bind(configuration.eventsEndpoint)

        let stream = try Socket(context: context, type: .xpub)
        let streamPeers = try SocketMonitor(stream, name: "consumer.stream")
        try stream.setSendHighWaterMark(100_000)
        try security.protect(stream, as: "stream")
        try stream.setMaximumMessageSize(SubscriptionMessage.maximumFrameBytes)
        let streamEndpoint = try stream.bind(configuration.streamEndpoint)

        let replay = try Socket(context: context, type: .router)
        let replayPeers = try SocketMonitor(replay, name: "consumer.replay")
        try replay.setMaximumMessageSize(1024 * 1024)
        // Room for one whole replay per client (its messages, then the end or a nack), so a client
        // that reads each replay before asking again never loses part of one; one that keeps asking
        // without reading cannot make the consumer hold more than that for it (the rest is dropped).
        try replay.setSendHighWaterMark(configuration.replayLimit + 2)
        try security.protect(replay, as: "replay")
        let replayEndpoint = try replay.bind(configuration.replayEndpoint)

        let classifier = ArticleClassifier(taxonomy: taxonomy)
        let hub = EventStreamHub(clientCapacity: configuration.streamClientBuffer, keepAliveInterval: configuration.streamKeepAlive, logger: logger)
        let publisher = TopicPublisher(socket: try AsyncSocket(stream, name: "consumer.stream"), logger: logger, hub: hub)
        let eventsService = EventsService(
            socket: try AsyncSocket(events, name: "consumer.events"), store: store, classifier: classifier,
            publisher: publisher, consumerID: consumerID, maximumEventBytes: configuration.maximumEventBytes,
            maximumAttempts: configuration.maximumAttempts, logger: logger)
        let replayService = ReplayService(
            socket: try AsyncSocket(replay, name: "consumer.replay"), store: store, consumerID: consumerID,
            replayLimit: configuration.replayLimit, logger: logger)
        let reload = TaxonomyReloadService(configuration: configuration, classifier: classifier, logger: logger)

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var metricsAddress: String?
        if let metrics, !configuration.metricsAddress.isEmpty {
            let status = statusProvider(
                configuration, endpoints: ["events": eventsEndpoint, "stream": streamEndpoint, "replay": replayEndpoint], store: store,
                peers: ["events": eventsPeers, "stream": streamPeers, "replay": replayPeers])
            let token = try configuration.httpTokenPath.map { path throws(HTTPEndpointError) in try BearerToken(contentsOf: path) }
            let api = ArticleAPI(store: store, classifier: classifier, hub: hub, consumerID: consumerID)
            let service = try MetricsService(
                address: configuration.metricsAddress, limits: configuration.httpLimits, registry: metrics, logger: logger,
                isReady: { store.isAvailable }, status: status,
                routes: api.routes, bearerToken: token)
            metricsAddress = service.address
            // The hub stops before the HTTP server, which waits for open streams to end.
            services += [.init(service: service), .init(service: hub)]
        }
        // Shut down in reverse order: events first, then replay, reload, the live streams and metrics, then the WAL checkpoint.
        services += [.init(service: reload), .init(service: replayService), .init(service: eventsService)]
        if store.isShared {
            // Every message any consumer stores, in sequence order; stops after events, before the sockets close.
            services.insert(.init(service: StoredStreamFollower(store: store, publisher: publisher, logger: logger)), at: 0)
        }
        services.insert(.init(service: security), at: 0)  // stops last, after the sockets
        if case .sqlite(let path) = location {
            services.insert(.init(service: WALCheckpointer(path: path, role: "store", logger: logger)), at: 0)
        }
        services.insert(.init(service: MemoryTrimmer(logger: logger)), at: 0)
        // SQLite: the WAL is checkpointed into the file; PostgreSQL: the connections close.
        let finalStep = if case .sqlite(let path) = location { "checkpoint \(path)" } else { "close \(location)" }
        let budget = ShutdownBudget(grace: configuration.shutdownGracePeriod)
        let group = budget.serviceGroup(services, logger: logger, finalStep: finalStep) {
            try await store.close()
        }
        logger.info("consumer ready", metadata: [
            "events": "\(eventsEndpoint)", "stream": "\(streamEndpoint)", "replay": "\(replayEndpoint)",
            "db": "\(location)", "consumer_id": "\(consumerID)",
            "taxonomy": "\(taxonomy.name)@\(taxonomy.version)", "topics": "\(taxonomy.topics.count)",
            "metrics": "\(metricsAddress ?? "off")",  // as asked; "metrics endpoint serving" names the bound port
        ])
        return Built(group: group, eventsEndpoint: eventsEndpoint, streamEndpoint: streamEndpoint, replayEndpoint: replayEndpoint, classifier: classifier, metricsAddress: metricsAddress)
    }
}
