internal import Foundation

/// The events sent to consumers and not yet acknowledged, with when to send
/// each again. Owned by the delivery service; an actor because its send loop and
/// its reply loop both touch it.
actor DeliveryTracker {
    struct Flight {
        var seq: Int64
        var event: [UInt8]
        var attempt: Int
        var dueAt: ContinuousClock.Instant
    }

    private(set) var inFlight: [String: Flight] = [:]
    /// The highest outbox `seq` loaded so far; newer rows come after it.
    private(set) var cursor: Int64 = 0
    private var completed: [String] = []
    private var rejected: [(String, String)] = []

    var count: Int { inFlight.count }

    func sent(_ articleID: String, seq: Int64, event: [UInt8], attempt: Int, dueAt: ContinuousClock.Instant) {
        inFlight[articleID] = Flight(seq: seq, event: event, attempt: attempt, dueAt: dueAt)
        cursor = max(cursor, seq)
    }

    func contains(_ articleID: String) -> Bool { inFlight[articleID] != nil }

    /// An ack came in; returns false for an unknown or already-acked id.
    func acknowledged(_ articleID: String) -> Bool {
        guard inFlight.removeValue(forKey: articleID) != nil else { return false }
        completed.append(articleID)
        return true
    }

    /// The consumer refused the article for good.
    func refused(_ articleID: String, reason: String) -> Bool {
        guard inFlight.removeValue(forKey: articleID) != nil else { return false }
        rejected.append((articleID, reason))
        return true
    }

    /// Acked and refused ids since the last call, to record in one transaction.
    func takeFinished() -> (acked: [String], rejected: [(String, String)]) {
        defer { completed = []; rejected = [] }
        return (completed, rejected)
    }

    /// Flights whose ack is overdue.
    func overdue(now: ContinuousClock.Instant) -> [(String, Flight)] {
        inFlight.filter { $0.value.dueAt <= now }.map { ($0.key, $0.value) }
    }
}
