import ArgumentParser
import Foundation
import Logging
import NewswireObservability
import NewsModels
import NewswireProducer
import NewswireSecurity
import ServiceLifecycle

/// `newswire-producer`: takes raw articles from scrapers, parses them, keeps them
/// in a durable outbox and delivers them to the consumers.
@main
struct ProducerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-producer",
        abstract: "Parse raw articles from scrapers, keep them in a durable outbox, and deliver them to consumers.",
        discussion: """
            Binds the ingest ROUTER socket (--ingest) where scrapers send raw articles \
            (protocol: proto-docs/README.md) and answers each with an ack once the article \
            is committed to the outbox (--outbox), or a nack with the reason. Connects to \
            every consumer given with --consumer and sends each article until one acks it.

            Every option has an environment variable twin, shown with it; the flag wins.
            SIGTERM or SIGINT stop ingest, wait for outstanding acks, checkpoint the outbox's \
            WAL and exit 0, within --shutdown-grace-seconds.
            """)

    @Option(help: "SQLite file of the durable outbox. (env: NEWSWIRE_OUTBOX)")
    var outbox: String = EnvironmentDefault.string("NEWSWIRE_OUTBOX", "outbox.db")

    @Option(help: "Endpoint to bind for scrapers (ROUTER). Use tcp://127.0.0.1:* for a free port. (env: NEWSWIRE_INGEST)")
    var ingest: String = EnvironmentDefault.string("NEWSWIRE_INGEST", DefaultEndpoints.ingest)

    @Option(name: .customLong("consumer"), help: "Consumer events endpoint to connect to; repeat for several (env: NEWSWIRE_CONSUMER, comma-separated).")
    var consumers: [String] = EnvironmentDefault.list("NEWSWIRE_CONSUMER", [DefaultEndpoints.events])

    @Option(help: "Largest raw article accepted (its body or text), in bytes; the raw-article frame may be 64 KiB larger, for url and metadata. (env: NEWSWIRE_MAX_ARTICLE_BYTES)")
    var maxArticleBytes: Int = EnvironmentDefault.int("NEWSWIRE_MAX_ARTICLE_BYTES", WireProtocol.defaultMaximumMessageBytes)

    @Option(help: "Largest article event sent to consumers, in bytes: an article whose event would be larger is refused at ingest with TOO_LARGE, never acked. Must not exceed the consumers' --max-event-bytes. (env: NEWSWIRE_MAX_EVENT_BYTES)")
    var maxEventBytes: Int = EnvironmentDefault.int("NEWSWIRE_MAX_EVENT_BYTES", WireProtocol.defaultMaximumMessageBytes)

    @Option(help: "Deliveries of one event a consumer may leave unanswered before it is parked as rejected in --outbox (see `newswire dead-letters --outbox`); BUSY and INTERNAL answers do not count, refusals that cannot change park at once. (env: NEWSWIRE_MAX_ATTEMPTS)")
    var maxAttempts: Int = EnvironmentDefault.int("NEWSWIRE_MAX_ATTEMPTS", 5)

    @Option(help: "Events in flight to consumers without an ack, at most. (env: NEWSWIRE_DELIVERY_WINDOW)")
    var deliveryWindow: Int = EnvironmentDefault.int("NEWSWIRE_DELIVERY_WINDOW", 512)

    @Option(help: "Milliseconds to wait for a consumer's ack before sending again (doubles per retry). (env: NEWSWIRE_ACK_TIMEOUT_MS)")
    var ackTimeoutMs: Int = EnvironmentDefault.int("NEWSWIRE_ACK_TIMEOUT_MS", 5000)

    @Option(help: "Undelivered articles the outbox may hold before ingest answers BUSY. (env: NEWSWIRE_MAX_OUTBOX)")
    var maxOutbox: Int = EnvironmentDefault.int("NEWSWIRE_MAX_OUTBOX", 1_000_000)

    @Option(help: "Seconds from SIGTERM or SIGINT to exit, at most: wait for outstanding acks, close the sockets, checkpoint --outbox. (env: NEWSWIRE_SHUTDOWN_GRACE_SECONDS)")
    var shutdownGraceSeconds: Int = EnvironmentDefault.int("NEWSWIRE_SHUTDOWN_GRACE_SECONDS", 10)

    @Option(help: "HOST:PORT serving /metrics (Prometheus), /healthz, /readyz and /status (JSON) over HTTP; empty turns it off; port 0 picks one. (env: NEWSWIRE_METRICS)")
    var metrics: String = EnvironmentDefault.string("NEWSWIRE_METRICS", "127.0.0.1:9101")

    @OptionGroup var curve: CurveServerOptions

    @Option(name: .customLong("consumer-public-key"), help: "The consumer's CURVE public key file (its NAME.pub), for the events connection; once for all consumers or once per --consumer. Needs --curve-secret-key, whose key the consumer must allow. (env: NEWSWIRE_CONSUMER_PUBLIC_KEY, comma-separated)")
    var consumerPublicKeys: [String] = EnvironmentDefault.list("NEWSWIRE_CONSUMER_PUBLIC_KEY", [])

    @OptionGroup var http: HTTPOptions

    @OptionGroup var logging: LoggingOptions

    @Flag(help: "Print the effective configuration and exit.")
    var printConfig = false

    var settings: ProducerConfiguration {
        var configuration = ProducerConfiguration()
        configuration.outboxPath = outbox
        configuration.ingestEndpoint = ingest
        configuration.consumerEndpoints = consumers
        configuration.maximumArticleBytes = maxArticleBytes
        configuration.maximumEventBytes = maxEventBytes
        configuration.maximumAttempts = maxAttempts
        configuration.deliveryWindow = deliveryWindow
        configuration.ackTimeout = .milliseconds(ackTimeoutMs)
        configuration.maximumOutboxDepth = maxOutbox
        configuration.shutdownGracePeriod = .seconds(shutdownGraceSeconds)
        configuration.metricsAddress = metrics
        configuration.httpLimits = http.limits
        configuration.curve = curve.settings(serverPublicKeyPaths: consumerPublicKeys)
        return configuration
    }

    func validate() throws {
        var problems = settings.validate()
        problems += logging.problems
        problems += http.problems
        if shutdownGraceSeconds < 1 { problems.append("--shutdown-grace-seconds: must be at least 1, got \(shutdownGraceSeconds)") }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() async throws {
        if printConfig {
            print("""
                NEWSWIRE_OUTBOX=\(outbox)
                NEWSWIRE_INGEST=\(ingest)
                NEWSWIRE_CONSUMER=\(consumers.joined(separator: ","))
                NEWSWIRE_MAX_ARTICLE_BYTES=\(maxArticleBytes)
                NEWSWIRE_MAX_EVENT_BYTES=\(maxEventBytes)
                NEWSWIRE_MAX_ATTEMPTS=\(maxAttempts)
                NEWSWIRE_DELIVERY_WINDOW=\(deliveryWindow)
                NEWSWIRE_ACK_TIMEOUT_MS=\(ackTimeoutMs)
                NEWSWIRE_MAX_OUTBOX=\(maxOutbox)
                NEWSWIRE_SHUTDOWN_GRACE_SECONDS=\(shutdownGraceSeconds)
                NEWSWIRE_METRICS=\(metrics)
                \(curve.configurationLines)
                NEWSWIRE_CONSUMER_PUBLIC_KEY=\(consumerPublicKeys.joined(separator: ","))
                \(http.configurationLines)
                \(logging.configurationLines)
                """)
            return
        }
        let registry = logging.bootstrap()
        let logger = Logger(label: "newswire-producer")
        let built = try await ProducerApplication.build(settings, logger: logger, metrics: registry)
        try await built.group.run()
    }
}
