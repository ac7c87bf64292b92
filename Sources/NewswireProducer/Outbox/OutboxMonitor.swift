internal import Synchronization
internal import Metrics

/// What the ingest and delivery sides of one producer share: how many articles
/// wait in the outbox, and a wake-up for the delivery loop when there is work.
///
/// The depth is the one figure both `/metrics` (`newswire_producer_outbox_depth`)
/// and `/status` (`outboxDepth`) report. It counts rows that changed state
/// (inserted as pending; marked delivered or rejected), so it equals the
/// outbox's pending rows. Not clamped: an event delivered before ingest counted
/// its insert makes it dip below the truth for a moment, never drift.
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

    /// Articles accepted and neither delivered nor parked.
    public var currentDepth: Int { depth.withLock { max(0, $0) } }

    func accepted(_ count: Int = 1) {
        guard count > 0 else { return }
        gauge.record(depth.withLock { $0 += count; return max(0, $0) })
        wake()
    }

    /// Rows that left the pending state (delivered or parked).
    func delivered(_ count: Int) {
        guard count > 0 else { return }
        gauge.record(depth.withLock { $0 -= count; return max(0, $0) })
    }

    func wake() { continuation.yield() }

    func finish() { continuation.finish() }
}
