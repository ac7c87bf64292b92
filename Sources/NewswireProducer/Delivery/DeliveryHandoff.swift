internal import Synchronization

/// Events that ingest has just committed to the outbox, handed to delivery in
/// memory so that delivery need not read them back from SQLite.
///
/// The outbox stays the truth: an event is offered only after its row is
/// committed, and anything the queue cannot take is found by an outbox read
/// instead. Delivery reads the outbox only when told to (``Take/readOutbox``):
/// at start when rows were pending, and after the queue overflowed.
///
/// Why the two never lose an event between them: every committed pending row
/// after delivery's cursor is either in the queue, or covered by the
/// "read the outbox" flag. ``beginOutboxRead()`` empties the queue and clears
/// the flag *before* delivery's read starts, so that read sees every row
/// whose offer came earlier (offers follow commits); an offer after it lands
/// in the queue or sets the flag again. A row both read and queued is skipped
/// by its `seq` (delivery keeps the highest it loaded).
public final class DeliveryHandoff: Sendable {
    /// One committed event, with its outbox row's `seq`.
    public struct Event: Sendable {
        public var seq: Int64
        public var articleID: String
        /// The serialized `ArticleEvent` as committed (`delivery_attempt` 1).
        public var bytes: [UInt8]

        public init(seq: Int64, articleID: String, bytes: [UInt8]) {
            self.seq = seq
            self.articleID = articleID
            self.bytes = bytes
        }
    }

    /// What delivery should do next.
    public enum Take: Sendable {
        /// Events from the queue, oldest first (possibly none).
        case events([Event])
        /// The queue overflowed or rows were pending at start: read the outbox
        /// (after ``beginOutboxRead()``) until a read comes back short.
        case readOutbox
    }

    private struct State {
        var queue: [Event] = []
        var head = 0
        var queuedBytes = 0
        var mustReadOutbox: Bool
        var count: Int { queue.count - head }
    }

    /// Most events held at once.
    public let capacity: Int
    /// Most event bytes held at once.
    public let byteCapacity: Int
    private let state: Mutex<State>

    /// - Parameter startWithOutboxRead: true when the outbox held pending rows at
    ///   start (they are delivered from there first).
    public init(capacity: Int, byteCapacity: Int = 16 << 20, startWithOutboxRead: Bool) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(1, byteCapacity)
        state = Mutex(State(mustReadOutbox: startWithOutboxRead))
    }

    /// Offers events whose rows are committed, in `seq` order. Returns how many
    /// the queue took: all of them, or none when it is full (delivery then
    /// reads them from the outbox).
    @discardableResult
    public func offer(_ events: [Event]) -> Int {
        guard !events.isEmpty else { return 0 }
        let bytes = events.reduce(0) { $0 + $1.bytes.count }
        return state.withLock { state in
            // Once an event is left to the outbox, later ones go there too: the
            // queue then holds no gap delivery could not see.
            guard !state.mustReadOutbox,
                  state.count + events.count <= capacity, state.queuedBytes + bytes <= byteCapacity
            else {
                state.mustReadOutbox = true
                return 0
            }
            state.queue.append(contentsOf: events)
            state.queuedBytes += bytes
            return events.count
        }
    }

    /// Up to `limit` queued events, or the instruction to read the outbox.
    public func take(limit: Int) -> Take {
        state.withLock { state in
            if state.mustReadOutbox { return .readOutbox }
            let end = min(state.queue.count, state.head + max(0, limit))
            let taken = Array(state.queue[state.head..<end])
            state.head = end
            for event in taken { state.queuedBytes -= event.bytes.count }
            if state.head == state.queue.count {
                state.queue.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 1024 && state.head * 2 >= state.queue.count {
                state.queue.removeFirst(state.head)
                state.head = 0
            }
            return .events(taken)
        }
    }

    /// Call right before an outbox read: drops what is queued (the read will
    /// see those rows, committed before they were offered) and clears the flag.
    public func beginOutboxRead() {
        state.withLock { state in
            state.queue.removeAll(keepingCapacity: true)
            state.head = 0
            state.queuedBytes = 0
            state.mustReadOutbox = false
        }
    }

    /// The outbox read came back full: more rows may follow, read again.
    public func continueOutboxRead() {
        state.withLock { $0.mustReadOutbox = true }
    }

    /// Events waiting in the queue.
    public var count: Int { state.withLock { $0.count } }

    /// Whether delivery must read the outbox before taking from the queue.
    public var mustReadOutbox: Bool { state.withLock { $0.mustReadOutbox } }
}
