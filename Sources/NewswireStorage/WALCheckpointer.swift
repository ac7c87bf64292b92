public import GRDB
public import Logging
public import ServiceLifecycle
internal import Metrics

/// Copies a WAL database's committed pages into the database file from a
/// connection of its own, so writers never do it themselves.
///
/// By default SQLite checkpoints inside the commit that takes the WAL past
/// 1,000 pages: that commit then also copies the WAL into the database file
/// and syncs both, and the batch behind it waits. Measured here, that wait
/// was a third of the consumer's time per article. With this service
/// running, a database opened with ``configureWriter(_:)`` checkpoints only
/// as a fallback (past ``fallbackPages``), and this service runs a `PASSIVE`
/// checkpoint every `interval` on its own connection and thread: it takes no
/// write lock, so commits go on meanwhile.
///
/// Durability is unchanged: commits are as durable as `synchronous` says
/// either way; a checkpoint only moves pages from one file to the other.
public struct WALCheckpointer: Service {
    /// WAL pages at which a writer checkpoints anyway, should this service
    /// fall behind or not run (about 40 MB of 4 KB pages).
    public static let fallbackPages = 10_000
    /// How large an idle WAL file may stay once it has been checkpointed.
    public static let walSizeLimitBytes = 64 * 1024 * 1024

    let path: String
    let interval: Duration
    let logger: Logger
    private let duration: Metrics.Timer
    private let failures: Counter

    /// - Parameters:
    ///   - path: the database file (in WAL mode).
    ///   - role: names the database in metrics (`outbox`, `store`).
    public init(path: String, role: String, interval: Duration = .milliseconds(200), logger: Logger) {
        self.path = path
        self.interval = interval
        self.logger = logger
        self.duration = Metrics.Timer(label: "newswire_sqlite_checkpoint_seconds", dimensions: [("database", role)])
        self.failures = Counter(label: "newswire_sqlite_checkpoint_failures_total", dimensions: [("database", role)])
    }

    /// Settings for every connection of a database this service checkpoints:
    /// the writer's own checkpoints only past ``fallbackPages``, and the WAL
    /// file trimmed to ``walSizeLimitBytes`` when it restarts.
    public static func configureWriter(_ db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = \(fallbackPages); PRAGMA journal_size_limit = \(walSizeLimitBytes)")
    }

    public func run() async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "checkpointer"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            let started = ContinuousClock.now
            do {
                _ = try await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
                duration.record(duration: ContinuousClock.now - started)
            } catch is CancellationError {
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && Task.isCancelled {
                // GRDB interrupts a statement whose task is cancelled: that is the stop, not a failure.
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                // A writer is running its own (fallback) checkpoint right now:
                // the pages get copied either way, so there is nothing to report.
                logger.debug("WAL checkpoint skipped: another connection is checkpointing", metadata: ["database": "\(path)"])
            } catch {
                failures.increment()
                logger.warning("WAL checkpoint failed; writers fall back to their own", metadata: ["database": "\(path)", "error": "\(error)"])
            }
        }
    }
}
