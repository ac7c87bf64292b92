internal import Synchronization

/// The received messages an ``AsyncSocket``'s I/O thread has read and its
/// reader has not yet taken.
///
/// Why not an `AsyncStream` of batches: the I/O thread reads whatever libzmq
/// has at each poll, often one or two messages, and runs ahead of a busy
/// reader. A stream would hand those small batches over one by one, so a
/// reader that commits a transaction per batch would commit per message just
/// when it is busiest. Here the reader takes *everything* waiting (up to
/// `maximumBatch`) each time it comes back, so batches grow with the load.
///
/// One reader at a time (the task iterating ``SocketBatches``); the I/O thread
/// is the only writer.
final class InboundQueue: Sendable {
    private let maximumBatch: Int
    private let state = Mutex(State())

    private struct State {
        var messages: [Multipart] = []
        /// Messages before `head` were taken already.
        var head = 0
        var finished = false
        var cancelled = false
        var waiter: CheckedContinuation<[Multipart]?, Never>?

        var isEmpty: Bool { head == messages.count }

        /// The oldest waiting messages, at most `limit`.
        mutating func take(_ limit: Int) -> [Multipart] {
            if head == 0 && messages.count <= limit {
                let all = messages
                messages = []
                return all
            }
            let end = min(messages.count, head + limit)
            let batch = Array(messages[head..<end])
            head = end
            if head == messages.count {
                messages = []
                head = 0
            } else if head >= 1024 && head * 2 >= messages.count {
                messages.removeFirst(head)
                head = 0
            }
            return batch
        }
    }

    init(maximumBatch: Int) {
        self.maximumBatch = max(1, maximumBatch)
    }

    // MARK: The I/O thread

    /// Adds messages read from the socket; wakes the reader if it waits.
    func append(_ batch: [Multipart]) {
        guard !batch.isEmpty else { return }
        let handOver = state.withLock { state -> (CheckedContinuation<[Multipart]?, Never>, [Multipart])? in
            state.messages.append(contentsOf: batch)
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            return (waiter, state.take(maximumBatch))
        }
        if let (waiter, messages) = handOver { waiter.resume(returning: messages) }
    }

    /// No more messages will come: the reader gets what is left, then `nil`.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<[Multipart]?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    // MARK: The reader

    /// Everything waiting, up to `maximumBatch` messages, oldest first; waits
    /// when nothing is. `nil` once finished and drained, or when the waiting
    /// task is cancelled.
    func next() async -> [Multipart]? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Multipart]?, Never>) in
                let ready = state.withLock { state -> [Multipart]?? in
                    if !state.isEmpty { return .some(state.take(maximumBatch)) }
                    if state.finished || state.cancelled { return .some(nil) }
                    precondition(state.waiter == nil, "InboundQueue: iterated from two tasks at once")
                    state.waiter = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<[Multipart]?, Never>? in
                state.cancelled = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
