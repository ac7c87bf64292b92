internal import Synchronization

/// The events sent to consumers and not yet acknowledged, with when to send
/// each again.
///
/// Shared by the delivery service's send loop and its reply loop; a lock, not
/// an actor, because both touch it once per event and an actor hop per event
/// costs more than the work.
final class DeliveryTracker: Sendable {
    struct Flight: Sendable {
        var seq: Int64
        var event: [UInt8]
        /// Deliveries so far, the one in flight included (`delivery_attempt`).
        var attempt: Int
        var dueAt: ContinuousClock.Instant
        /// When the delivery in flight was sent.
        var sentAt: ContinuousClock.Instant
        /// Earlier deliveries, in this process, that got no answer at all while
        /// the consumers answered others (see ``answeredSince(_:)``).
        var unanswered: Int = 0
        /// The consumer's "later" (BUSY or INTERNAL) to the delivery in flight, if any.
        var retryLater: String?
    }

    /// An event to park in the outbox's `rejected` state.
    struct Parked: Sendable, Equatable {
        var articleID: String
        /// `last_error`: the consumer's reason and message, or why the producer gave up.
        var reason: String
        /// A metric label: the Nack reason, or `unanswered`.
        var label: String
    }

    private struct State {
        var inFlight: [String: Flight] = [:]
        /// The highest outbox `seq` loaded so far; newer rows come after it.
        var cursor: Int64 = 0
        /// Acked events: id and outbox `seq` (the row is marked delivered by its integer key).
        var completed: [(articleID: String, seq: Int64)] = []
        var rejected: [Parked] = []
        /// The earliest `dueAt` among the flights, or later; checked before scanning.
        var nextDue: ContinuousClock.Instant?
        /// When a consumer last answered anything (an ack or a Nack).
        var lastAnswerAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.inFlight.count } }
    var cursor: Int64 { state.withLock { $0.cursor } }

    func sent(_ articleID: String, seq: Int64, event: [UInt8], attempt: Int, unanswered: Int = 0, dueAt: ContinuousClock.Instant) {
        state.withLock { state in
            state.inFlight[articleID] = Flight(
                seq: seq, event: event, attempt: attempt, dueAt: dueAt, sentAt: .now, unanswered: unanswered)
            state.cursor = max(state.cursor, seq)
            state.nextDue = min(state.nextDue ?? dueAt, dueAt)
        }
    }

    /// Records a resend of an event still in flight; returns false, changing
    /// nothing, when its ack or refusal came in since ``overdue(now:)`` listed
    /// it (so a finished event is never put back in flight and sent again).
    func resent(_ articleID: String, attempt: Int, unanswered: Int, dueAt: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            guard var flight = state.inFlight[articleID] else { return false }
            flight.attempt = attempt
            flight.unanswered = unanswered
            flight.retryLater = nil
            flight.sentAt = .now
            flight.dueAt = dueAt
            state.inFlight[articleID] = flight
            state.nextDue = min(state.nextDue ?? dueAt, dueAt)
            return true
        }
    }

    func contains(_ articleID: String) -> Bool { state.withLock { $0.inFlight[articleID] != nil } }

    /// A consumer answered something (an ack or a Nack, to any event).
    func heardFromConsumer() {
        state.withLock { $0.lastAnswerAt = .now }
    }

    /// Whether a consumer answered anything after `instant`. A delivery that got
    /// no answer counts toward parking only then: the consumers were up and
    /// answering, so this event was dropped (a frame over a consumer's size cap).
    /// A consumer that crashed or restarted answers nothing meanwhile, and what it
    /// held is simply sent again, however often that happens.
    func answeredSince(_ instant: ContinuousClock.Instant) -> Bool {
        state.withLock { state in state.lastAnswerAt.map { $0 > instant } ?? false }
    }

    /// Acks came in; returns how many were for events in flight (unknown or
    /// already-acked ids are ignored).
    func acknowledged(_ articleIDs: [String]) -> Int {
        state.withLock { state in
            var known = 0
            for id in articleIDs {
                guard let flight = state.inFlight.removeValue(forKey: id) else { continue }
                state.completed.append((id, flight.seq))
                known += 1
            }
            return known
        }
    }

    /// The article is to be parked: refused for good, or never answered.
    /// Returns false for an id not in flight.
    func park(_ articleID: String, reason: String, label: String) -> Bool {
        state.withLock { state in
            guard state.inFlight.removeValue(forKey: articleID) != nil else { return false }
            state.rejected.append(Parked(articleID: articleID, reason: reason, label: label))
            return true
        }
    }

    /// The consumer answered the delivery in flight with "later" (BUSY,
    /// INTERNAL): it stays in flight for its backoff, and that delivery does
    /// not count as unanswered. Returns false for an id not in flight.
    func retryLater(_ articleID: String, reason: String) -> Bool {
        state.withLock { state in
            guard state.inFlight[articleID] != nil else { return false }
            state.inFlight[articleID]?.retryLater = reason
            return true
        }
    }

    /// Acked and parked ids since the last call, to record in one transaction.
    func takeFinished() -> (acked: [(articleID: String, seq: Int64)], rejected: [Parked]) {
        state.withLock { state in
            defer { state.completed = []; state.rejected = [] }
            return (state.completed, state.rejected)
        }
    }

    /// Puts back outcomes that could not be recorded, to try again.
    func restoreFinished(acked: [(articleID: String, seq: Int64)], rejected: [Parked]) {
        state.withLock { state in
            state.completed = acked + state.completed
            state.rejected = rejected + state.rejected
        }
    }

    /// Flights whose ack is overdue. Cheap when none can be: the full scan runs
    /// only once the earliest deadline has passed.
    func overdue(now: ContinuousClock.Instant) -> [(String, Flight)] {
        state.withLock { state in
            guard let nextDue = state.nextDue, nextDue <= now else { return [] }
            var result: [(String, Flight)] = []
            var earliest: ContinuousClock.Instant?
            for (id, flight) in state.inFlight {
                if flight.dueAt <= now {
                    result.append((id, flight))
                } else {
                    earliest = min(earliest ?? flight.dueAt, flight.dueAt)
                }
            }
            state.nextDue = earliest
            return result
        }
    }
}
