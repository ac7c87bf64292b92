import Histogram
import Synchronization

/// The articles of one run, shared by the feeders (which note when each was
/// due out) and the stream watcher (which notes when its first topic message
/// came back): the end-to-end latency histogram, which articles are settled,
/// and how the topic messages spread over the topics.
///
/// Latency starts when an article was *due* to be sent: for a paced feeder
/// that is its slot in the schedule, even if the window held it back, so a
/// slow pipeline cannot hide its delay by slowing the feeders down
/// (coordinated omission); for an unpaced feeder it is the send itself.
final class LatencyBook: Sendable {
    /// What the book holds at one moment.
    struct Snapshot: Sendable {
        /// End-to-end latencies in microseconds, one per article seen.
        var histogram: Histogram<UInt64>
        var seen: Int
        /// Refused by the producer for good (a non-retryable Nack).
        var abandoned: Int
        /// Topic messages per topic id (an article with two topics counts under both).
        var messagesPerTopic: [String: Int]
        /// Stream messages that named no article of this run.
        var strangers: Int
    }

    private struct State {
        var dueAt: [UInt64]
        var seen: [Bool]
        var abandoned: [Bool]
        /// Articles settled per feeder (article `i` is feeder `i % feeders`'s).
        var settledByFeeder: [Int]
        var snapshot: Snapshot
    }

    private let state: Mutex<State>
    private let feeders: Int

    init(count: Int, feeders: Int) {
        self.feeders = max(1, feeders)
        // Microseconds up to an hour, three significant digits.
        let histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        state = Mutex(State(
            dueAt: Array(repeating: 0, count: count), seen: Array(repeating: false, count: count),
            abandoned: Array(repeating: false, count: count), settledByFeeder: Array(repeating: 0, count: max(1, feeders)),
            snapshot: Snapshot(histogram: histogram, seen: 0, abandoned: 0, messagesPerTopic: [:], strangers: 0)))
    }

    /// Article `index` was due out at `time` (nanoseconds, ``MonotonicClock``).
    func noteDue(_ index: Int, at time: UInt64) {
        state.withLock { $0.dueAt[index] = time }
    }

    /// A topic message under `topic` arrived at `time` for article `index`
    /// (nil: not one of this run's). The first message of an article records its latency.
    func noteMessage(for index: Int?, topic: String, at time: UInt64) {
        state.withLock { state in
            state.snapshot.messagesPerTopic[topic, default: 0] += 1
            guard let index, state.dueAt.indices.contains(index), state.dueAt[index] != 0 else {
                state.snapshot.strangers += 1
                return
            }
            guard !state.seen[index] else { return }
            state.seen[index] = true
            state.snapshot.seen += 1
            if !state.abandoned[index] { state.settledByFeeder[index % feeders] += 1 }
            _ = state.snapshot.histogram.record(max(1, (time &- state.dueAt[index]) / 1000))
        }
    }

    /// The producer refused article `index` for good; it will never be stored.
    func noteAbandoned(_ index: Int) {
        state.withLock { state in
            guard !state.abandoned[index] else { return }
            state.abandoned[index] = true
            state.snapshot.abandoned += 1
            if !state.seen[index] { state.settledByFeeder[index % feeders] += 1 }
        }
    }

    /// How many of feeder `feeder`'s articles are settled so far: a cheap way
    /// for it to tell whether its in-flight list is worth going through.
    func settledCount(feeder: Int) -> Int {
        state.withLock { $0.settledByFeeder[feeder] }
    }

    /// Drops the articles that are settled (seen on the stream or refused for
    /// good) from a feeder's in-flight list, and those sent before
    /// `staleBefore`; one lock for the lot.
    func removeSettled(from inFlight: inout [Feeder.InFlight], sentBefore staleBefore: UInt64) {
        state.withLock { state in
            inFlight.removeAll { state.seen[$0.index] || state.abandoned[$0.index] || $0.sentAt < staleBefore }
        }
    }

    var snapshot: Snapshot {
        state.withLock { $0.snapshot }
    }
}
