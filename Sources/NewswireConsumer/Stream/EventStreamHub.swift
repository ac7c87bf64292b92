public import ServiceLifecycle
public import Logging
public import NewsModels
internal import Metrics
internal import Synchronization

/// Fans the consumer's topic messages out to the HTTP live-stream clients
/// (`GET /api/v1/stream`), each through its own bounded ``EventStreamClient``.
///
/// ``publish(_:)`` runs on the ingestion path, right after the ZeroMQ
/// publish: it formats each message once (only when a client follows its
/// topic) and appends it to the followers' queues without ever waiting, so
/// HTTP clients never slow ingestion; a client whose queue is full is cut off.
///
/// As a `Service` it ends every stream when the consumer stops (streams never
/// end on their own, and the HTTP server waits for open responses).
public final class EventStreamHub: Service, Sendable {
    private struct State {
        var clients: [ObjectIdentifier: EventStreamClient] = [:]
        var stopping = false
    }

    /// Events that may be waiting for one client when more arrive; a client with more is cut off.
    public let clientCapacity: Int
    /// How often an idle stream gets a comment line, so proxies keep it open and a gone client is noticed.
    public let keepAliveInterval: Duration
    private let state = Mutex(State())
    let logger: Logger
    private let connected = Gauge(label: "newswire_consumer_http_stream_clients")
    private let cutOff = Counter(label: "newswire_consumer_http_stream_clients_cut_off_total")

    public init(clientCapacity: Int, keepAliveInterval: Duration, logger: Logger) {
        self.clientCapacity = max(clientCapacity, 1)
        self.keepAliveInterval = keepAliveInterval
        self.logger = logger
        connected.record(0)
    }

    /// Starts delivering live messages of `topics` (nil: all) to a new client; when
    /// the consumer is stopping, the client comes back already ended.
    func register(topics: Set<String>?) -> EventStreamClient {
        let client = EventStreamClient(topics: topics, capacity: clientCapacity)
        let (stopping, count) = state.withLock { state -> (Bool, Int) in
            if !state.stopping { state.clients[ObjectIdentifier(client)] = client }
            return (state.stopping, state.clients.count)
        }
        if stopping { client.end(.shuttingDown) } else { connected.record(count) }
        return client
    }

    /// Stops delivering to `client` (its stream has ended).
    func remove(_ client: EventStreamClient) {
        client.end(.disconnected)
        let count = state.withLock { state -> Int in
            state.clients[ObjectIdentifier(client)] = nil
            return state.clients.count
        }
        connected.record(count)
    }

    /// Clients connected now.
    public var clientCount: Int { state.withLock { $0.clients.count } }

    /// Queues each message for the clients that follow its topic, in order; never waits.
    public func publish(_ messages: [TopicMessage]) {
        let clients = state.withLock { Array($0.clients.values) }
        guard !clients.isEmpty else { return }
        var batches = [[StreamEvent]](repeating: [], count: clients.count)
        for message in messages {
            let followers = clients.indices.filter { clients[$0].follows(message.topicID) }
            guard !followers.isEmpty else { continue }
            let event = StreamEventData.event(message)
            for index in followers { batches[index].append(event) }
        }
        for (client, batch) in zip(clients, batches) where !batch.isEmpty && !client.offer(batch) {
            cutOff.increment()
            logger.info("stream client cut off: it reads slower than news arrives", metadata: [
                "topics": "\(client.topics.map { $0.sorted().joined(separator: ",") } ?? "*")",
                "waiting": "\(client.capacity)+", "sequence": "\(batch[0].sequence)",
            ])
        }
    }

    /// Waits for the consumer to stop, then ends every stream.
    public func run() async throws {
        try? await gracefulShutdown()
        let clients = state.withLock { state in
            state.stopping = true
            return Array(state.clients.values)
        }
        for client in clients { client.end(.shuttingDown) }
        if !clients.isEmpty { logger.info("stream clients told the consumer is stopping", metadata: ["clients": "\(clients.count)"]) }
    }
}
