internal import Synchronization

/// One HTTP client of the live stream as the ``EventStreamHub`` sees it: the
/// topics it follows and a bounded queue of events waiting to be written.
///
/// The hub only ever appends without waiting; when `capacity` events are
/// still waiting as more arrive, the client is cut off (the queue is dropped
/// and only the reason is left to send), so a client that reads slower than
/// news arrives holds at most `capacity` events and one batch (references to
/// events all clients share) and never holds up ingestion. It resumes from its
/// last event id when it reconnects.
public final class EventStreamClient: Sendable {
    /// Why a client's stream ends.
    public enum Ending: Sendable, Equatable {
        /// Too many events were waiting: the client reads slower than news arrives.
        case slowClient(capacity: Int)
        /// The consumer is stopping.
        case shuttingDown
        /// The client went away (nothing more is sent).
        case disconnected
    }

    /// What the writer finds when it looks.
    public enum Pending: Sendable {
        case events([StreamEvent])
        case ending(Ending)
        case nothing
    }

    private struct State {
        var queue: [StreamEvent] = []
        var ending: Ending?
        var waiter: CheckedContinuation<Void, Never>?
    }

    /// Topic ids the client follows; nil for all.
    public let topics: Set<String>?
    /// Events that may be waiting when more arrive without the client being cut off.
    public let capacity: Int
    private let state = Mutex(State())

    public init(topics: Set<String>?, capacity: Int) {
        self.topics = topics
        self.capacity = max(capacity, 1)
    }

    /// Whether the client follows `topicID`.
    public func follows(_ topicID: String) -> Bool {
        topics?.contains(topicID) ?? true
    }

    /// Queues one batch of events (the messages of one stored batch); returns
    /// false when this cut the client off: `capacity` or more events from earlier
    /// batches were still waiting, so the client reads slower than news arrives.
    /// A batch is taken whole, so a burst alone never cuts off a client that keeps up.
    func offer(_ events: [StreamEvent]) -> Bool {
        let (waiter, cutOff) = state.withLock { state -> (CheckedContinuation<Void, Never>?, Bool) in
            guard state.ending == nil else { return (nil, false) }
            var cutOff = false
            if state.queue.count < capacity {
                state.queue += events
            } else {
                state.queue = []
                state.ending = .slowClient(capacity: capacity)
                cutOff = true
            }
            let waiter = state.waiter
            state.waiter = nil
            return (waiter, cutOff)
        }
        waiter?.resume()
        return !cutOff
    }

    /// Ends the stream for `reason` (the first reason given wins); queued events are dropped.
    func end(_ reason: Ending) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.ending == nil {
                state.ending = reason
                state.queue = []
            }
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Takes everything queued, or the ending once the queue is empty.
    func take() -> Pending {
        state.withLock { state in
            if !state.queue.isEmpty {
                defer { state.queue = [] }
                return .events(state.queue)
            }
            if let ending = state.ending { return .ending(ending) }
            return .nothing
        }
    }

    /// Returns once there is something to ``take()``, or when the task is
    /// cancelled (it takes nothing itself, so cancelling it loses nothing).
    func waitForNews() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if !state.queue.isEmpty || state.ending != nil || Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { state in
                let waiter = state.waiter
                state.waiter = nil
                return waiter
            }?.resume()
        }
    }
}
