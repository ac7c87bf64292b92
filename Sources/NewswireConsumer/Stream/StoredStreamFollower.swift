public import ServiceLifecycle
public import Logging
internal import NewsModels
internal import Foundation

/// Publishes a shared store's topic stream on this consumer (``ConsumerStore/isShared``):
/// every message any consumer stored, in sequence order, each once.
///
/// Wakes on the store's notices (PostgreSQL `NOTIFY`) and at least every
/// `pollInterval` (a notice lost while reconnecting costs that long at most),
/// reads the stream past the last sequence it published, and publishes only an
/// unbroken run from there: the store hands out sequences so that commits come
/// in their order, so a gap is never expected, and if one were seen it would be
/// waited out rather than skipped. It starts at the stream's head when the
/// consumer starts; what came before is for replay.
public struct StoredStreamFollower: Service {
    let store: any ConsumerStore
    let publisher: TopicPublisher
    let pollInterval: Duration
    let logger: Logger
    /// Messages read at once.
    static let page = 1000

    public init(
        store: any ConsumerStore, publisher: TopicPublisher, pollInterval: Duration = .seconds(1), logger: Logger
    ) {
        self.store = store
        self.publisher = publisher
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let store = self.store, pollInterval = self.pollInterval
        let listening = Task {
            for await _ in store.streamNotices() { wake.yield() }
        }
        let ticking = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                wake.yield()
            }
        }
        defer {
            listening.cancel()
            ticking.cancel()
        }
        var last: UInt64?
        for await _ in wakes.cancelOnGracefulShutdown() {
            do {
                if last == nil {
                    last = try await store.headSequence()
                    logger.info("publishing the shared stream", metadata: ["db": "\(store.location)", "after_sequence": "\(last!)"])
                }
                last = try await publishNew(after: last!)
            } catch {
                // Logged by the store when it becomes unreachable; the next wake tries again.
                logger.debug("could not read the shared stream", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Publishes the unbroken run of messages after `last`; returns the last sequence published.
    private func publishNew(after last: UInt64) async throws -> UInt64 {
        var last = last
        while true {
            let messages = try await store.storedTopicMessages(afterSequence: last, since: nil, topics: [], limit: Self.page, consumerID: "")
            var run: [StoredTopicMessage] = []
            for message in messages {
                guard message.message.sequence == last + 1 else {
                    logger.warning("gap in the shared stream; waiting for it to fill", metadata: [
                        "expected": "\(last + 1)", "found": "\(message.message.sequence)",
                    ])
                    break
                }
                run.append(message)
                last += 1
            }
            publisher.publish(stored: run)
            guard run.count == Self.page else { return last }
        }
    }
}
