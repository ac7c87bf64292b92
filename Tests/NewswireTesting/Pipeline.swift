public import Foundation

/// A real consumer and producer, started as processes on free loopback ports
/// (each binds `tcp://127.0.0.1:*` and the test reads the port from its log).
public final class Pipeline: Sendable {
    public let directory: TemporaryDirectory
    public let consumer: RunningProcess
    public let producer: RunningProcess
    public let eventsEndpoint: String
    public let streamEndpoint: String
    public let replayEndpoint: String
    public let ingestEndpoint: String
    /// The consumer's SQLite file.
    public let databasePath: String
    /// The producer's outbox SQLite file.
    public let outboxPath: String

    /// - Parameters:
    ///   - databasePath: the consumer's SQLite file; by default in the pipeline's temporary folder.
    ///   - outboxPath: the producer's outbox; by default in the pipeline's temporary folder.
    ///   - executables: the folder holding both services (another build's, for a side-by-side
    ///     benchmark); by default ``BuiltExecutable/directory``.
    public init(
        consumerArguments: [String] = ["--metrics", "127.0.0.1:0"], producerArguments: [String] = ["--metrics", "127.0.0.1:0"],
        databasePath: String? = nil, outboxPath: String? = nil, executables: URL? = nil
    ) async throws {
        directory = try TemporaryDirectory(prefix: "newswire-pipeline")
        self.databasePath = databasePath ?? directory.path("newswire.db")
        self.outboxPath = outboxPath ?? directory.path("outbox.db")
        let any = "tcp://127.0.0.1:*"
        consumer = try RunningProcess("newswire-consumer", ["--db", self.databasePath, "--events", any, "--stream", any, "--replay", any] + consumerArguments, directory: directory, executables: executables)
        eventsEndpoint = try await consumer.waitForLog(#"events"?[=:]"?(tcp://[0-9.]+:[0-9]+)"#)
        streamEndpoint = try await consumer.waitForLog(#"stream"?[=:]"?(tcp://[0-9.]+:[0-9]+)"#)
        replayEndpoint = try await consumer.waitForLog(#"replay"?[=:]"?(tcp://[0-9.]+:[0-9]+)"#)
        producer = try RunningProcess("newswire-producer", ["--outbox", self.outboxPath, "--ingest", any, "--consumer", eventsEndpoint] + producerArguments, directory: directory, executables: executables)
        ingestEndpoint = try await producer.waitForLog(#"ingest"?[=:]"?(tcp://[0-9.]+:[0-9]+)"#)
    }

    /// Stops both with SIGTERM (producer first) and returns their exit statuses.
    public func stop(timeout: Duration = .seconds(20)) async throws -> (producer: Int32, consumer: Int32) {
        producer.signal(SIGTERM)
        let producerStatus = try await producer.waitForExit(timeout: timeout)
        consumer.signal(SIGTERM)
        let consumerStatus = try await consumer.waitForExit(timeout: timeout)
        return (producerStatus, consumerStatus)
    }
}
