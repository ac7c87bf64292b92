import Foundation
import Synchronization
import ZeroMQ

/// Subscribes to every topic of the consumer's stream and notes each topic
/// message in the book as it arrives.
///
/// Its SUB socket is created, used and closed on the watcher's own thread.
final class StreamWatcher: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let subscribed = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let failure = Mutex<String?>(nil)

    init(context: Context, endpoint: String, source: ArticleSource, book: LatencyBook) {
        Thread { [self] in
            defer { finished.store(true, ordering: .releasing) }
            do throws(ZMQError) {
                let socket = try Socket(context: context, type: .sub)
                defer { socket.close() }
                try socket.setLinger(.zero)
                try socket.setReceiveHighWaterMark(0)  // never drop on our side
                try socket.connect(endpoint)
                try socket.subscribe()
                subscribed.store(true, ordering: .releasing)
                while !stopping.load(ordering: .acquiring) {
                    guard let message = try socket.receive(timeout: .milliseconds(100)) else { continue }
                    let arrived = MonotonicClock.now()
                    // [topic id][header][type][content type][payload]
                    guard message.count == 5 else { continue }
                    book.noteMessage(for: source.index(in: message[4]), topic: message.string(at: 0) ?? "?", at: arrived)
                }
            } catch {
                failure.withLock { $0 = "stream watcher on \(endpoint): \(error)" }
            }
        }.start()
    }

    /// Waits until the subscription is made, then long enough for it to reach
    /// the publisher (a SUB that just connected misses what is sent meanwhile).
    func waitUntilListening() async throws {
        while !subscribed.load(ordering: .acquiring) {
            if let failure = failure.withLock({ $0 }) { throw BenchmarkFailure(failure) }
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(500))
    }

    /// What went wrong on the watcher's thread, if anything.
    var problem: String? { failure.withLock { $0 } }

    /// Stops the thread and waits for it to close its socket.
    func stop() async {
        stopping.store(true, ordering: .releasing)
        while !finished.load(ordering: .acquiring) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
