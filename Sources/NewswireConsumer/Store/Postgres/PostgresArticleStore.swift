public import Logging
internal import PostgresNIO
internal import Foundation
internal import Synchronization
internal import NIOCore

/// The consumer's store in a PostgreSQL database that many consumers share
/// (`--db postgres://…`): the same tables as the SQLite store (``ArticleStore``),
/// with what sharing needs.
///
/// - Exactly once across consumers: `articles.id` is unique, and an insert of a
///   known id does nothing (`ON CONFLICT DO NOTHING`), so a redelivery that
///   reaches another consumer is acked there as a duplicate.
/// - One ordered stream: the stream's sequence numbers come from the one row of
///   `stream_head`, and each topic's from `topic_heads`, both updated in the
///   transaction that stores the batch. The row lock on `stream_head` is held
///   until that commit, so batches commit in the order of their numbers and
///   every reader sees a prefix of the stream: no gaps, ever
///   (``PostgresArticleStore+Writing.swift``).
/// - Every commit that adds stream rows sends `NOTIFY newswire_stream`; every
///   consumer listens and publishes the new rows (``StoredStreamFollower``).
///
/// Connection loss: every operation fails while the server is away (so no
/// event is acked), ``isAvailable`` turns false for `/readyz`, and the
/// connection pool connects again with backoff.
public struct PostgresArticleStore: ConsumerStore {
    /// The channel `NOTIFY` uses when stream rows commit.
    static let streamChannel = "newswire_stream"

    let client: PostgresClient
    let url: PostgresURL
    let logger: Logger
    /// This process's id as a consumer: made at open, stored in the stream rows it writes.
    let ownID: String
    private let health: Health
    private let running: Task<Void, Never>

    public var location: String { url.description }
    public var isShared: Bool { true }
    public var isAvailable: Bool { health.isAvailable }
    /// Pages, search, detail and volume are SQLite's only, for now.
    public var browsing: (any ArticleBrowsing)? { nil }

    /// Connects (the pool runs until ``close()``), and brings the schema up to
    /// date unless `migrate` is false; either way refuses a newer schema.
    public static func open(_ url: PostgresURL, migrate: Bool = true, logger: Logger) async throws -> PostgresArticleStore {
        let tls: PostgresClient.Configuration.TLS = switch url.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 8
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .notice)  // the pool's own chatter, not the store's
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        let running = Task { await client.run() }
        let store = PostgresArticleStore(client: client, url: url, logger: logger, ownID: UUID().uuidString.lowercased(), health: Health(), running: running)
        do {
            try await store.prepareSchema(migrate: migrate)
        } catch {
            running.cancel()
            throw error
        }
        return store
    }

    public func consumerID() async throws -> String { ownID }

    public func isCausedByEvent(_ error: any Error) -> Bool {
        (error as? PostgresStoreError)?.isCausedByEvent ?? true
    }

    public func close() async throws {
        running.cancel()
        await running.value
    }

    /// Longest an operation may wait, for a connection included: while the
    /// server is away the pool keeps trying, and the caller must hear of it.
    static let operationTimeout: Duration = .seconds(10)

    /// Longest the schema's preparation at start may take: it may wait for another
    /// consumer's migration (the advisory lock) and may rewrite large tables.
    static let schemaTimeout: Duration = .seconds(120)

    /// Runs `body` within `limit` (``operationTimeout`` unless given), turning a failure into a
    /// ``PostgresStoreError`` that names `operation`, and keeping ``isAvailable`` up to date.
    @discardableResult
    func perform<Result: Sendable>(
        _ operation: @autoclosure () -> String, limit: Duration = operationTimeout, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        do {
            let result = try await OperationDeadline.run(limit: limit, body)
            health.record(available: true, logger: logger, location: location)
            return result
        } catch {
            let failure = PostgresStoreError(operation(), location: location, error: error)
            health.record(available: failure.serverAnswered, logger: logger, location: location, error: failure)
            throw failure
        }
    }

    /// BEGIN, `body`, COMMIT on one pooled connection (ROLLBACK when `body`
    /// throws). Not PostgresClient's `withTransaction`: that sends ROLLBACK
    /// even on a connection the server has just closed, and a query written to
    /// a closed connection is never answered; here a closed one gets none.
    func inTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await client.withConnection { [logger] connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                if !connection.isClosed { _ = try? await connection.query("ROLLBACK", logger: logger) }
                throw error
            }
        }
    }

    /// Whether the last operation reached the server; the change is logged once each way.
    final class Health: Sendable {
        private let available = Atomic<Bool>(true)

        var isAvailable: Bool { available.load(ordering: .relaxed) }

        func record(available now: Bool, logger: Logger, location: String, error: PostgresStoreError? = nil) {
            let before = available.exchange(now, ordering: .relaxed)
            if before && !now {
                logger.error("PostgreSQL unreachable: not ready, no acks until it answers", metadata: ["db": "\(location)", "error": "\(error.map { "\($0)" } ?? "")"])
            } else if !before && now {
                logger.notice("PostgreSQL reachable again", metadata: ["db": "\(location)"])
            }
        }
    }
}
