internal import Foundation
internal import NewswireObservability
internal import Synchronization
internal import Logging
internal import NewsModels

/// One `GET /api/v1/stream` response: the stored messages after the client's
/// last event id first, then the live ones, each exactly once, as replay's
/// Clone pattern does (proto-docs, section 13).
///
/// History is read from the store in pages until a page comes back short;
/// only then does the client join the ``EventStreamHub`` (so a long history
/// never fills its live queue), and one more page is read after joining, to
/// cover what was stored in between. From then on live events whose
/// `sequence` is not above the last one sent are dropped: the overlap between
/// the last page and the live queue is harmless, and nothing falls between.
/// Sequences increase across all topics, so one number resumes any set of topics.
final class EventStreamSession: Sendable {
    private enum Phase {
        case start
        case history(joined: Bool)
        case live
        case ended
    }

    private struct State {
        var phase = Phase.start
        /// The highest sequence sent (or the resume point before anything is sent).
        var lastSent: UInt64 = 0
        var client: EventStreamClient?
    }

    /// Stored messages read at once while catching up.
    static let historyPage = 500
    /// What a browser waits before reconnecting after the stream ends, in milliseconds.
    static let reconnectDelayMilliseconds = 3000

    let store: any ConsumerStore
    let hub: EventStreamHub
    let consumerID: String
    /// Topic ids to follow; nil for all.
    let topics: Set<String>?
    /// Resume after this sequence; nil starts at the newest stored message.
    let after: UInt64?
    private let state = Mutex(State())

    init(store: any ConsumerStore, hub: EventStreamHub, consumerID: String, topics: Set<String>?, after: UInt64?) {
        self.store = store
        self.hub = hub
        self.consumerID = consumerID
        self.topics = topics
        self.after = after
    }

    /// The response body: pieces from ``next()``, and ``finish()`` when it ends.
    var body: HTTPBodyStream {
        HTTPBodyStream(next: { [self] in await next() }, finish: { [self] in finish() })
    }

    /// The next piece to write: the preamble, a page of history, live events,
    /// a keep-alive comment, the closing event; nil once that is sent.
    func next() async -> [UInt8]? {
        do {
            while true {
                let phase = state.withLock { $0.phase }
                switch phase {
                case .start:
                    return try await start()
                case .history(let joined):
                    if let page = try await historyPage(joined: joined) { return page }
                case .live:
                    if let piece = await live() { return piece }
                case .ended:
                    return nil
                }
            }
        } catch {
            state.withLock { $0.phase = .ended }
            hub.logger.warning("stream ended: the store could not be read", metadata: ["error": "\(error)"])
            return Self.closingEvent(reason: "error", message: "the consumer could not read its stored messages: \(error)", lastSent: state.withLock { $0.lastSent })
        }
    }

    /// The client went away or the response ended: leave the hub.
    func finish() {
        let client = state.withLock { state in
            state.phase = .ended
            return state.client
        }
        if let client { hub.remove(client) }
    }

    private func start() async throws -> [UInt8] {
        let head = try await store.headSequence()
        var note = "live from sequence \(head)"
        var resumeFrom = head
        if let after {
            if after <= head {
                resumeFrom = after
                note = "resuming after sequence \(after)"
            } else {
                note = "sequence \(after) is newer than this consumer's newest, \(head) (a new database?): live from \(head)"
            }
        }
        state.withLock { state in
            state.lastSent = resumeFrom
            state.phase = .history(joined: false)
        }
        let topicList = topics.map { $0.sorted().joined(separator: ",") } ?? "all topics"
        return Array("retry: \(Self.reconnectDelayMilliseconds)\n: newswire stream of \(topicList); \(note)\n\n".utf8)
    }

    /// A page of stored messages after the last sent, or nil when there was none
    /// (having joined the hub, or moved on to live, as the page length says).
    private func historyPage(joined: Bool) async throws -> [UInt8]? {
        let lastSent = state.withLock { $0.lastSent }
        let stored = try await store.storedTopicMessages(
            afterSequence: lastSent, since: nil, topics: topics.map { $0.sorted() } ?? [], limit: Self.historyPage, consumerID: consumerID)
        let complete = stored.count < Self.historyPage
        if complete && !joined {
            let client = hub.register(topics: topics)
            state.withLock { state in
                state.client = client
                state.phase = .history(joined: true)
            }
        } else if complete {
            state.withLock { $0.phase = .live }
        }
        guard let last = stored.last else { return nil }
        var bytes: [UInt8] = []
        for message in stored {
            bytes += StreamEventData.event(try message.decoded()).bytes
        }
        state.withLock { $0.lastSent = last.message.sequence }
        return bytes
    }

    /// Live events not sent yet, a keep-alive comment after a quiet interval,
    /// or the closing event; nil when a queue held only events already sent.
    private func live() async -> [UInt8]? {
        guard let client = state.withLock({ $0.client }) else { return nil }
        switch client.take() {
        case .events(let events):
            let lastSent = state.withLock { $0.lastSent }
            let fresh = events.filter { $0.sequence > lastSent }
            guard let last = fresh.last else { return nil }
            state.withLock { $0.lastSent = last.sequence }
            return fresh.flatMap(\.bytes)
        case .ending(let ending):
            state.withLock { $0.phase = .ended }
            let lastSent = state.withLock { $0.lastSent }
            switch ending {
            case .slowClient(let capacity):
                return Self.closingEvent(
                    reason: "slow-client",
                    message: "more than \(capacity) events were waiting for this client; reconnect with Last-Event-ID \(lastSent) to resume",
                    lastSent: lastSent)
            case .shuttingDown:
                return Self.closingEvent(reason: "shutting-down", message: "the consumer is stopping; reconnect later to resume", lastSent: lastSent)
            case .disconnected:
                return nil
            }
        case .nothing:
            let interval = hub.keepAliveInterval
            let news = await withTaskGroup(of: Bool.self) { group in
                group.addTask { await client.waitForNews(); return true }
                group.addTask { try? await Task.sleep(for: interval); return false }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            return news ? nil : Array(": keep-alive\n\n".utf8)
        }
    }

    /// The last event of a stream: `event: closing` with why, and where to resume.
    static func closingEvent(reason: String, message: String, lastSent: UInt64) -> [UInt8] {
        let body: [String: String] = ["reason": reason, "message": message, "lastEventId": "\(lastSent)"]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])).map { Array($0) } ?? []
        return Array("event: closing\ndata: ".utf8) + data + [10, 10]
    }
}
