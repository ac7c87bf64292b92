public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import NewswireObservability
internal import Foundation
internal import SwiftProtobuf
internal import Synchronization

/// Sends outbox articles to the consumers over a DEALER socket and records their
/// acks: at-least-once delivery.
///
/// - New events come from ingest in memory (``DeliveryHandoff``), right after
///   their rows are committed; the outbox is read only for rows pending at
///   start and when that queue overflowed (`newswire_producer_outbox_reads_total`).
///
/// - At most `deliveryWindow` events are unacknowledged at once.
/// - An event not acked within `ackTimeout` is sent again, waiting twice as long
///   each time (up to 16×). DEALER spreads sends over every connected consumer,
///   so a retry may reach another consumer if the first one died.
/// - Consumers recognise redeliveries by article id, so a duplicate send stores nothing twice.
/// - An event is never resent in a loop: a refusal that cannot change on retry
///   (TOO_LARGE, MALFORMED, INVALID_ARTICLE, UNSUPPORTED_…) parks it at once in
///   the outbox's `rejected` state with the consumer's reason; so does the
///   `maximumAttempts`-th delivery left without any answer. A consumer that
///   answers "later" (BUSY, INTERNAL) keeps the backoff and is waited for;
///   overdue events are not resent while no consumer is connected.
/// - On graceful shutdown nothing new is sent; outstanding acks are awaited for
///   the grace period; whatever stays unacked is still pending in the outbox and
///   goes out after the next start.
public struct DeliveryService: Service {
    let socket: AsyncSocket
    let outbox: Outbox
    let monitor: OutboxMonitor
    let handoff: DeliveryHandoff
    let configuration: ProducerConfiguration
    let logger: Logger
    /// Whether any consumer is connected; overdue events wait while none is.
    let consumersConnected: @Sendable () -> Bool
    /// Nacks for no event in flight come in bursts when something is wrong; each is counted.
    private let unmatchedLog = LogThrottle()

    /// - Parameter consumersConnected: whether a consumer is connected now (from the socket monitor).
    public init(
        socket: AsyncSocket, outbox: Outbox, monitor: OutboxMonitor, handoff: DeliveryHandoff, configuration: ProducerConfiguration, logger: Logger,
        consumersConnected: @escaping @Sendable () -> Bool = { true }
    ) {
        self.socket = socket
        self.outbox = outbox
        self.monitor = monitor
        self.handoff = handoff
        self.configuration = configuration
        self.logger = logger
        self.consumersConnected = consumersConnected
    }

    private let published = Counter(label: "newswire_producer_events_published_total")
    private let acked = Counter(label: "newswire_producer_events_acked_total")
    private let redelivered = Counter(label: "newswire_producer_events_redelivered_total")
    private let deadLettered = Counter(label: "newswire_producer_events_dead_lettered_total")
    private let unmatchedNacks = Counter(label: "newswire_producer_nacks_unmatched_total")
    /// Reads of pending rows from the outbox: after a restart or an overflow of the handoff, never in steady state.
    private let outboxReads = Counter(label: "newswire_producer_outbox_reads_total")
    /// Events loaded by those reads.
    private let outboxEventsRead = Counter(label: "newswire_producer_outbox_events_read_total")
    /// Events taken from ingest in memory.
    private let handedOver = Counter(label: "newswire_producer_handoff_events_total")

    public func run() async throws {
        let tracker = DeliveryTracker()
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await receiveReplies(tracker) }
                group.addTask {
                    // Overdue acks, and the end of the grace period, are found on this
                    // tick even when nothing else happens; cancelled once sendLoop returns.
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(100))
                        monitor.wake()
                    }
                }
                await sendLoop(tracker, stopping: stopping)
                await socket.close()  // ends receiveReplies
                group.cancelAll()
            }
        } onGracefulShutdown: {
            stopping.set()
            monitor.wake()
        }
        let unacked = tracker.count
        logger.info("delivery stopped", metadata: ["unacked": "\(unacked)"])
    }

    private func sendLoop(_ tracker: DeliveryTracker, stopping: StopFlag) async {
        var stopDeadline: ContinuousClock.Instant?
        for await _ in monitor.wakes {
            if stopping.isSet {
                await recordFinished(tracker)
                let deadline = stopDeadline ?? ContinuousClock.now + configuration.shutdownGracePeriod
                stopDeadline = deadline
                if tracker.count == 0 || ContinuousClock.now >= deadline { return }
                continue
            }
            do {
                // Send first: the window's room counts acks as they arrive, and
                // recording them waits its turn on the outbox's writer.
                try await resendOverdue(tracker)
                try await sendNew(tracker)
            } catch {
                logger.error("delivery failed; will retry", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(200))
            }
            await recordFinished(tracker)
        }
    }

    private func sendNew(_ tracker: DeliveryTracker) async throws {
        let room = configuration.deliveryWindow - tracker.count
        guard room > 0 else { return }
        let batch: [PendingEvent]
        switch handoff.take(limit: room) {
        case .events(let events):
            guard !events.isEmpty else { return }
            handedOver.increment(by: events.count)
            // Rows an outbox read already loaded are skipped by seq below.
            batch = events.map { PendingEvent(seq: $0.seq, articleID: $0.articleID, event: $0.bytes, attempts: 0) }
            if events.count == room && handoff.count > 0 { monitor.wake() }  // more are waiting
        case .readOutbox:
            batch = try await readOutbox(after: tracker.cursor, limit: room)
            if batch.count == room { monitor.wake() }  // more may be waiting
        }
        var messages: [Multipart] = []
        messages.reserveCapacity(batch.count)
        let cursor = tracker.cursor
        for pending in batch where pending.seq > cursor && !tracker.contains(pending.articleID) {
            let attempt = pending.attempts + 1
            messages.append(try message(pending.event, attempt: attempt))
            tracker.sent(pending.articleID, seq: pending.seq, event: pending.event, attempt: attempt, dueAt: dueTime(attempt))
        }
        try socket.send(messages)
        published.increment(by: messages.count)
    }

    /// Pending rows after `seq` from the outbox, for rows the handoff does not
    /// hold (pending at start, or left to the outbox when its queue was full).
    /// A full read asks for another; a short one means the queue has the rest.
    private func readOutbox(after seq: Int64, limit: Int) async throws -> [PendingEvent] {
        handoff.beginOutboxRead()
        let batch: [PendingEvent]
        do {
            batch = try await outbox.pending(after: seq, limit: limit)
        } catch {
            handoff.continueOutboxRead()  // nothing loaded: read again next round
            throw error
        }
        outboxReads.increment()
        outboxEventsRead.increment(by: batch.count)
        if batch.count == limit { handoff.continueOutboxRead() }
        return batch
    }

    /// Sends again the events whose ack is overdue, or parks those whose
    /// `maximumAttempts`-th delivery went unanswered while the consumers answered
    /// others. Waits while no consumer is connected: a delivery nobody could
    /// receive is no attempt, and neither is one lost with a consumer that crashed.
    private func resendOverdue(_ tracker: DeliveryTracker) async throws {
        guard consumersConnected() else { return }
        // Smallest first: should a consumer drop the connection over an
        // oversized frame, the events queued before it have been delivered.
        let overdue = tracker.overdue(now: .now).sorted { $0.1.event.count < $1.1.event.count }
        guard !overdue.isEmpty else { return }
        var messages: [Multipart] = []
        var resent: [String] = []
        for (articleID, flight) in overdue {
            let dropped = flight.retryLater == nil && tracker.answeredSince(flight.sentAt)
            let unanswered = flight.unanswered + (dropped ? 1 : 0)
            if unanswered >= configuration.maximumAttempts {
                let reason = "no answer from a consumer to \(unanswered) deliveries (--max-attempts \(configuration.maximumAttempts)); "
                    + "a consumer drops an event larger than its --max-event-bytes + 64 KiB without a reply"
                if tracker.park(articleID, reason: reason, label: "unanswered") {
                    logger.error("event parked: never answered", metadata: ["article_id": "\(articleID)", "deliveries": "\(flight.attempt)"])
                }
                continue
            }
            let attempt = flight.attempt + 1
            guard tracker.resent(articleID, attempt: attempt, unanswered: unanswered, dueAt: dueTime(attempt)) else { continue }
            messages.append(try message(flight.event, attempt: attempt))
            resent.append(articleID)
            logger.info("event sent again", metadata: [
                "article_id": "\(articleID)", "attempt": "\(attempt)", "last_answer": "\(flight.retryLater ?? "none")",
            ])
        }
        guard !messages.isEmpty else { return }
        try socket.send(messages)
        try await outbox.recordAttempts(resent)
        published.increment(by: messages.count)
        redelivered.increment(by: messages.count)
    }

    private func dueTime(_ attempt: Int) -> ContinuousClock.Instant {
        .now + configuration.ackTimeout * (1 << min(max(attempt - 1, 0), 4))
    }

    private func message(_ event: [UInt8], attempt: Int) throws -> Multipart {
        var payload = event
        if attempt > 1 {
            // Tell the consumer this is a redelivery.
            var decoded = try ArticleEvent(serializedBytes: event)
            decoded.deliveryAttempt = UInt32(attempt)
            payload = try decoded.serializedBytes()
        }
        return Multipart(WireMessage(type: .articleEvent, payload: payload).frames)
    }

    private func recordFinished(_ tracker: DeliveryTracker) async {
        let (ackedEvents, rejected) = tracker.takeFinished()
        guard !ackedEvents.isEmpty || !rejected.isEmpty else { return }
        do {
            // Count rows that changed state: each event once, whatever the redeliveries.
            let delivered = try await outbox.markDelivered(seqs: ackedEvents.map(\.seq))
            let parked = try await outbox.markRejected(rejected.map { ($0.articleID, $0.reason) })
            monitor.delivered(delivered + parked)
            acked.increment(by: delivered)
            for entry in rejected {
                Counter(label: "newswire_producer_events_parked_total", dimensions: [("reason", entry.label)]).increment()
            }
        } catch {
            // The rows stay pending; keep the outcomes and record them on the next round.
            tracker.restoreFinished(acked: ackedEvents, rejected: rejected)
            logger.error("could not record acks; will retry", metadata: ["error": "\(error)", "count": "\(ackedEvents.count)"])
        }
    }

    private func receiveReplies(_ tracker: DeliveryTracker) async {
        for await batch in socket.batches {
            var ackedIDs: [String] = []
            var finished = false
            for message in batch {
                do {
                    let wire = try WireMessage(frames: message.frames)
                    switch wire.type {
                    case .ack:
                        let ack = try wire.decode(Ack.self, expecting: .ack)
                        ackedIDs.append(ack.articleID)
                        if ack.status == .deadLettered {
                            // In the consumer's custody, in its dead-letter table: done here.
                            deadLettered.increment()
                            logger.warning("consumer dead-lettered article", metadata: ["article_id": "\(ack.articleID)"])
                        }
                    case .nack:
                        let nack = try wire.decode(Nack.self, expecting: .nack)
                        let reason = "\(nack.reason.label): \(nack.message)"
                        if Self.isRetryable(nack.reason) {
                            if tracker.retryLater(nack.articleID, reason: reason) {
                                logger.warning("consumer asked to retry later", metadata: ["article_id": "\(nack.articleID)", "reason": "\(nack.reason.label)", "detail": "\(nack.message)"])
                            } else {
                                unmatched(nack)
                            }
                        } else if tracker.park(nack.articleID, reason: reason, label: nack.reason.label) {
                            logger.error("consumer refused article for good; parked", metadata: ["article_id": "\(nack.articleID)", "reason": "\(nack.reason.label)", "detail": "\(nack.message)"])
                            finished = true
                        } else {
                            unmatched(nack)
                        }
                    default:
                        logger.warning("unexpected reply from consumer", metadata: ["type": "\(wire.type.rawValue)"])
                    }
                } catch {
                    logger.warning("malformed reply from consumer", metadata: ["error": "\(error)"])
                }
            }
            if !batch.isEmpty { tracker.heardFromConsumer() }
            if tracker.acknowledged(ackedIDs) > 0 || finished { monitor.wake() }
        }
    }
}

extension DeliveryService {
    /// Whether a consumer's Nack means "send it again later" (the consumer is
    /// busy or its database failed) rather than "this event will never be taken".
    /// UNSPECIFIED is read as INTERNAL (proto-docs §8).
    static func isRetryable(_ reason: Nack.Reason) -> Bool {
        switch reason {
        case .busy, .internal, .unspecified: true
        default: false
        }
    }

    /// A Nack for no event in flight: already acked or parked, from before a
    /// restart, or one without an `article_id`. Counted and logged, never silent.
    fileprivate func unmatched(_ nack: Nack) {
        unmatchedNacks.increment()
        unmatchedLog.log(logger, level: .warning, "consumer Nack matches no event in flight", metadata: [
            "article_id": "\(nack.articleID.isEmpty ? "(none)" : nack.articleID)", "reason": "\(nack.reason.label)", "detail": "\(nack.message)",
        ])
    }
}

/// A one-way flag set from the graceful-shutdown handler.
final class StopFlag: Sendable {
    private let value = Synchronization.Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
