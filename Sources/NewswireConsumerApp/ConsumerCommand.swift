import ArgumentParser
import Foundation
import Logging
import NewswireObservability
import NewsModels
import NewswireConsumer
import NewswireSecurity
import ServiceLifecycle

/// `newswire-consumer`: classifies article events, stores them in SQLite,
/// acknowledges them, and republishes them as topic streams.
@main
struct ConsumerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-consumer",
        abstract: "Classify article events into topics, store them in SQLite, and publish topic streams.",
        discussion: """
            Binds three sockets (protocol: proto-docs/README.md): --events (ROUTER) where \
            producers deliver article events, --stream (XPUB) where subscribers join topic \
            streams by topic id, and --replay (ROUTER) where late joiners fetch history. \
            Each article is stored once in --db, whatever the redeliveries.

            Every option has an environment variable twin, shown with it; the flag wins.
            SIGHUP reloads --topics. SIGTERM or SIGINT finish the article in hand, checkpoint \
            the database's WAL and exit 0, within --shutdown-grace-seconds.
            """)

    @Option(help: "The store of articles, topics and stream history: a SQLite file, or postgres://USER@HOST:PORT/DATABASE for a PostgreSQL database many consumers share (password from PGPASSWORD). (env: NEWSWIRE_DB)")
    var db: String = EnvironmentDefault.string("NEWSWIRE_DB", "newswire.db")

    @Option(help: "Endpoint to bind for producers (ROUTER). (env: NEWSWIRE_EVENTS)")
    var events: String = EnvironmentDefault.string("NEWSWIRE_EVENTS", DefaultEndpoints.events)

    @Option(help: "Endpoint to bind for topic subscribers (XPUB). (env: NEWSWIRE_STREAM)")
    var stream: String = EnvironmentDefault.string("NEWSWIRE_STREAM", DefaultEndpoints.stream)

    @Option(help: "Endpoint to bind for replay requests (ROUTER). (env: NEWSWIRE_REPLAY)")
    var replay: String = EnvironmentDefault.string("NEWSWIRE_REPLAY", DefaultEndpoints.replay)

    @Option(help: "Taxonomy YAML file; empty for the built-in default taxonomy. Reloaded on SIGHUP. (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Option(help: "Largest article event accepted, in bytes. (env: NEWSWIRE_MAX_EVENT_BYTES)")
    var maxEventBytes: Int = EnvironmentDefault.int("NEWSWIRE_MAX_EVENT_BYTES", WireProtocol.defaultMaximumMessageBytes)

    @Option(help: "Most messages one replay request returns. (env: NEWSWIRE_REPLAY_LIMIT)")
    var replayLimit: Int = EnvironmentDefault.int("NEWSWIRE_REPLAY_LIMIT", 10_000)

    @Option(help: "Deliveries of one event that may fail to store before it is set aside in the dead-letter table (see `newswire dead-letters`). Failures of the database itself (locked, read-only, full) never count. (env: NEWSWIRE_MAX_ATTEMPTS)")
    var maxAttempts: Int = EnvironmentDefault.int("NEWSWIRE_MAX_ATTEMPTS", 5)

    @Option(help: "Seconds from SIGTERM or SIGINT to exit, at most: finish the article in hand, close the sockets, checkpoint --db. (env: NEWSWIRE_SHUTDOWN_GRACE_SECONDS)")
    var shutdownGraceSeconds: Int = EnvironmentDefault.int("NEWSWIRE_SHUTDOWN_GRACE_SECONDS", 10)

    @Option(help: "HOST:PORT serving /metrics (Prometheus), /healthz, /readyz and /status (JSON) over HTTP; empty turns it off; port 0 picks one. (env: NEWSWIRE_METRICS)")
    var metrics: String = EnvironmentDefault.string("NEWSWIRE_METRICS", "127.0.0.1:9102")

    @Option(help: "File with a bearer token that every HTTP request but /healthz must send (Authorization: Bearer TOKEN); empty serves without one. (env: NEWSWIRE_HTTP_TOKEN_FILE)")
    var httpTokenFile: String = EnvironmentDefault.string("NEWSWIRE_HTTP_TOKEN_FILE", "")

    @Option(help: "Live-stream events (GET /api/v1/stream) that may wait for one HTTP client; a client further behind is cut off with a final event and resumes with Last-Event-ID. (env: NEWSWIRE_HTTP_STREAM_BUFFER)")
    var httpStreamBuffer: Int = EnvironmentDefault.int("NEWSWIRE_HTTP_STREAM_BUFFER", 1000)

    @Option(help: "Seconds between keep-alive comments on a quiet live stream. (env: NEWSWIRE_HTTP_STREAM_KEEPALIVE_SECONDS)")
    var httpStreamKeepaliveSeconds: Int = EnvironmentDefault.int("NEWSWIRE_HTTP_STREAM_KEEPALIVE_SECONDS", 15)

    @OptionGroup var curve: CurveServerOptions

    @OptionGroup var http: HTTPOptions

    @OptionGroup var logging: LoggingOptions

    @Flag(help: "Print the effective configuration and exit.")
    var printConfig = false

    var settings: ConsumerConfiguration {
        var configuration = ConsumerConfiguration()
        configuration.databasePath = db
        configuration.eventsEndpoint = events
        configuration.streamEndpoint = stream
        configuration.replayEndpoint = replay
        configuration.topicsPath = topics.isEmpty ? nil : topics
        configuration.maximumEventBytes = maxEventBytes
        configuration.replayLimit = replayLimit
        configuration.maximumAttempts = maxAttempts
        configuration.metricsAddress = metrics
        configuration.httpLimits = http.limits
        configuration.httpTokenPath = httpTokenFile.isEmpty ? nil : httpTokenFile
        configuration.streamClientBuffer = httpStreamBuffer
        configuration.streamKeepAlive = .seconds(httpStreamKeepaliveSeconds)
        configuration.shutdownGracePeriod = .seconds(shutdownGraceSeconds)
        configuration.curve = curve.settings()
        return configuration
    }

    func validate() throws {
        var problems = settings.validate()
        problems += logging.problems
        problems += http.problems
        if shutdownGraceSeconds < 1 { problems.append("--shutdown-grace-seconds: must be at least 1, got \(shutdownGraceSeconds)") }
        if !httpTokenFile.isEmpty {
            do {
                _ = try BearerToken(contentsOf: httpTokenFile)
            } catch {
                problems.append("\(error)")
            }
        }
        do {
            _ = try ConsumerApplication.loadTaxonomy(settings)
        } catch {
            problems.append("--topics: \(error)")
        }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() async throws {
        if printConfig {
            print("""
                NEWSWIRE_DB=\((try? ConsumerStoreLocation(db))?.description ?? db)
                NEWSWIRE_EVENTS=\(events)
                NEWSWIRE_STREAM=\(stream)
                NEWSWIRE_REPLAY=\(replay)
                NEWSWIRE_TOPICS=\(topics)
                NEWSWIRE_MAX_EVENT_BYTES=\(maxEventBytes)
                NEWSWIRE_REPLAY_LIMIT=\(replayLimit)
                NEWSWIRE_MAX_ATTEMPTS=\(maxAttempts)
                NEWSWIRE_SHUTDOWN_GRACE_SECONDS=\(shutdownGraceSeconds)
                NEWSWIRE_METRICS=\(metrics)
                NEWSWIRE_HTTP_TOKEN_FILE=\(httpTokenFile)
                NEWSWIRE_HTTP_STREAM_BUFFER=\(httpStreamBuffer)
                NEWSWIRE_HTTP_STREAM_KEEPALIVE_SECONDS=\(httpStreamKeepaliveSeconds)
                \(curve.configurationLines)
                \(http.configurationLines)
                \(logging.configurationLines)
                """)
            return
        }
        let registry = logging.bootstrap()
        let logger = Logger(label: "newswire-consumer")
        let built = try await ConsumerApplication.build(settings, logger: logger, metrics: registry)
        try await built.group.run()
    }
}
