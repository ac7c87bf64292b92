import Foundation
import NewswireClient
import NewswireTesting
import Synchronization

/// Feeds articles from a thread of its own (blocking sockets never run on the
/// cooperative pool) and records which were acknowledged.
final class BackgroundFeed: Sendable {
    private let acked = Mutex<Set<String>>([])
    private let failures = Mutex(0)
    private let done = Mutex<ArticleFeeder.Summary?>(nil)

    init(endpoint: String, items: [ArticleFeeder.Item], timeout: Duration = .seconds(5)) {
        let thread = Thread { [self] in
            let feeder = ArticleFeeder(endpoint: endpoint, source: "fault-test", timeout: timeout, window: 32)
            let summary = try? feeder.feed(items) { _, outcome in
                switch outcome {
                case .accepted(let id), .duplicate(let id): acked.withLock { _ = $0.insert(id) }
                case .rejected, .failed: failures.withLock { $0 += 1 }
                }
            }
            done.withLock { $0 = summary ?? ArticleFeeder.Summary() }
        }
        thread.start()
    }

    var ackedCount: Int { acked.withLock { $0.count } }
    var ackedIDs: Set<String> { acked.withLock { $0 } }
    var failureCount: Int { failures.withLock { $0 } }

    /// Waits until the feed has finished, or throws past the deadline.
    func finish(timeout: Duration) async throws -> ArticleFeeder.Summary {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let summary = done.withLock({ $0 }) { return summary }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProcessFailure("the feed did not finish within \(timeout); \(ackedCount) acked so far")
    }

    /// Waits until at least `count` articles are acked.
    func waitForAcks(_ count: Int, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ackedCount < count {
            if ContinuousClock.now >= deadline { throw ProcessFailure("only \(ackedCount) of \(count) acks within \(timeout)") }
            if done.withLock({ $0 }) != nil { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
