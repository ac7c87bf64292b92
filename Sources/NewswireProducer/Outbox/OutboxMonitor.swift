internal import Synchronization
internal import Metrics

/// What the ingest and delivery sides of one producer share: how many articles
/// wait in the outbox, and a wake-up for the delivery loop when there is work.
public final class OutboxMonitor: Sendable {
    private let depth: Mutex<Int>
    private let gauge = Gauge(label: "newswire_producer_outbox_depth")
    private let continuation: AsyncStream<Void>.Continuation
    /// Wake-ups for the delivery loop. Coalesced: many wakes before a read are one.
    let wakes: AsyncStream<Void>

    public init(depth: Int) {
        self.depth = Mutex(depth)
        gauge.record(depth)
        (wakes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Articles accepted and not yet delivered.
    public var currentDepth: Int { depth.withLock { $0 } }

    func accepted(_ count: Int = 1) {
        guard count > 0 else { return }
        gauge.record(depth.withLock { $0 += count; return $0 })
        wake()
    }

    func delivered(_ count: Int) {
        gauge.record(depth.withLock { $0 = max(0, $0 - count); return $0 })
    }

    func wake() { continuation.yield() }

    func finish() { continuation.finish() }
}
