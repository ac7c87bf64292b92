public import Foundation

/// What a running service reports on `GET /status`, and what `newswire status`
/// reads: who it is, how long it has run, where it listens, who is connected,
/// and what it has done since it started.
///
/// The service fills in its own parts (counts, peers, database); the HTTP
/// endpoint adds what it knows (start time, uptime, readiness, its address).
/// Counts since start come from the process's metrics, so they always agree
/// with `/metrics`; database figures are read from SQLite when asked.
public struct ServiceStatus: Codable, Sendable, Equatable {
    /// The Newswire release these executables belong to.
    public static let softwareVersion = "0.1.0"

    /// "newswire-producer" or "newswire-consumer".
    public var service: String
    /// ``softwareVersion`` of the running process.
    public var version: String
    /// The libzmq it runs against, e.g. "4.3.4".
    public var libzmqVersion: String
    public var processID: Int32
    /// When the HTTP endpoint started serving (just after the service started).
    public var startedAt: Date
    public var uptimeSeconds: Double
    /// Same answer as `/readyz`.
    public var ready: Bool
    /// Bound or connected endpoints and files by role ("ingest", "consumer",
    /// "events", "stream", "replay", "http", "outbox", "db"); several
    /// endpoints of one role are comma-separated.
    public var endpoints: [String: String]
    /// Live TCP connections per socket role, from libzmq's socket monitor.
    public var connectedPeers: [String: Int]
    /// Counters since start. Producer: received, accepted, duplicates, rejected,
    /// published, acked, redelivered. Consumer: received, stored, duplicates,
    /// rejected, published (topic messages).
    public var counts: [String: Int]
    /// Rejections since start, by reason (`malformed`, `busy`, …).
    public var rejectedByReason: [String: Int]
    /// Consumer: articles classified per topic since start; empty on the producer.
    public var classifiedByTopic: [String: Int]
    /// Producer: articles in the outbox waiting for a consumer's ack (from SQLite).
    public var outboxDepth: Int?
    /// Row counts from the service's SQLite file. Producer: outbox rows by
    /// state (`pending`, `delivered`, `rejected`). Consumer: `articles`, and
    /// stored articles per topic as `topic:<id>`.
    public var database: [String: Int]

    /// A status for `service` with nothing counted yet; `libzmq` is `Context.libraryVersion`.
    public init(service: String, libzmq: (major: Int, minor: Int, patch: Int)) {
        self.service = service
        self.version = Self.softwareVersion
        self.libzmqVersion = "\(libzmq.major).\(libzmq.minor).\(libzmq.patch)"
        self.processID = ProcessInfo.processInfo.processIdentifier
        self.startedAt = Date()
        self.uptimeSeconds = 0
        self.ready = true
        self.endpoints = [:]
        self.connectedPeers = [:]
        self.counts = [:]
        self.rejectedByReason = [:]
        self.classifiedByTopic = [:]
        self.outboxDepth = nil
        self.database = [:]
    }

    /// The JSON `/status` serves: sorted keys, ISO 8601 dates, one line.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(self))
    }

    /// Reads a document ``json()`` wrote.
    public init(json: [UInt8]) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        self = try decoder.decode(Self.self, from: Data(json))
    }
}
