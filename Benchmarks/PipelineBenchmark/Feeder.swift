import Foundation
import NewsModels
import Synchronization
import ZeroMQ

/// One scraper under load: a DEALER socket that sends its share of a run's
/// articles to the producer's ingest socket and reads the Acks, keeping at
/// most `window` articles in flight end to end (sent, and not yet seen on the
/// topic stream), so the feeders can never run further ahead of the
/// pipeline than that.
///
/// Article `i` of a run belongs to feeder `i % feeders` (see ``Share``).
///
/// Unpaced, it sends whenever the window has room (saturation). Paced, it
/// sends each article at its slot in a fixed schedule (offered load); an
/// article held back by the window still counts its latency from its slot.
///
/// Busy or internal Nacks are retried after 100 ms and an article unacked for
/// 30 s is sent again (the producer acknowledges a copy as a duplicate); any
/// other Nack abandons the article, which the report then shows.
///
/// The socket is created, used and closed on the feeder's own thread.
final class Feeder: Sendable {
    /// Which articles a feeder sends: `first`, `first + stride`, … (`count` of them).
    struct Share: Sendable {
        var first: Int
        var stride: Int
        var count: Int

        func index(_ position: Int) -> Int { first + position * stride }
    }

    /// A fixed schedule: the article at position `k` of the share is due at `start + k * interval` (nanoseconds).
    struct Pace: Sendable {
        var start: UInt64
        var interval: UInt64
    }

    /// What the producer answered.
    struct Tally: Sendable {
        var accepted = 0
        var duplicates = 0
        var abandoned = 0
        var retried = 0
        /// The first refusal, to show in the report.
        var firstRefusal: String?
    }

    /// An article sent and not yet settled.
    struct InFlight: Sendable {
        var index: Int
        var sentAt: UInt64
    }

    static let ackTimeout: UInt64 = 30_000_000_000
    static let retryDelay: UInt64 = 100_000_000
    /// A window slot is given back after this long even if the article never
    /// showed on the stream, so a lost stream message cannot stall a feeder for good.
    static let staleAfter: UInt64 = 30_000_000_000

    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let state = Mutex<(tally: Tally, problem: String?)>((Tally(), nil))

    init(context: Context, endpoint: String, source: ArticleSource, book: LatencyBook, share: Share, window: Int, pace: Pace?) {
        precondition(share.first < share.stride, "feeder \(share.first) of \(share.stride): article i belongs to feeder i % feeders")
        Thread { [self] in
            defer { finished.store(true, ordering: .releasing) }
            do {
                try feed(context: context, endpoint: endpoint, source: source, book: book, share: share, window: max(1, window), pace: pace)
            } catch {
                state.withLock { $0.problem = "feeder to \(endpoint): \(error)" }
            }
        }.start()
    }

    var isFinished: Bool { finished.load(ordering: .acquiring) }
    var tally: Tally { state.withLock { $0.tally } }
    var problem: String? { state.withLock { $0.problem } }

    /// Asks the thread to stop early (the run is being abandoned).
    func stop() { stopping.store(true, ordering: .releasing) }

    private func feed(context: Context, endpoint: String, source: ArticleSource, book: LatencyBook, share: Share, window: Int, pace: Pace?) throws {
        let socket = try Socket(context: context, type: .dealer)
        defer { socket.close() }
        try socket.setLinger(.zero)
        try socket.connect(endpoint)

        var inFlight: [InFlight] = []
        var settledAtLastSweep = 0
        var lastSweep: UInt64 = 0
        var unacked: [Int: UInt64] = [:]
        var retries: [(index: Int, at: UInt64)] = []
        var next = 0
        var lastTimeoutScan = MonotonicClock.now()

        func send(_ index: Int) throws {
            try socket.send(Multipart(try source.frames(index)))
            unacked[index] = MonotonicClock.now()
        }

        while !stopping.load(ordering: .acquiring) {
            var now = MonotonicClock.now()
            if inFlight.count >= window {
                // Go through the list only when enough has settled since the last
                // sweep (or a second has passed, for stale entries): cheap on the cores.
                let settled = book.settledCount(feeder: share.first)
                if settled - settledAtLastSweep >= max(1, window / 16) || now &- lastSweep > 1_000_000_000 {
                    book.removeSettled(from: &inFlight, sentBefore: now > Self.staleAfter ? now - Self.staleAfter : 0)
                    settledAtLastSweep = settled
                    lastSweep = now
                }
            }
            if !retries.isEmpty, retries.contains(where: { $0.at <= now }) {
                for retry in retries where retry.at <= now {
                    try send(retry.index)
                    state.withLock { $0.tally.retried += 1 }
                }
                retries.removeAll { $0.at <= now }
            }
            if now &- lastTimeoutScan > 1_000_000_000 {
                lastTimeoutScan = now
                for (index, sentAt) in unacked where now &- sentAt > Self.ackTimeout {
                    try send(index)
                    state.withLock { $0.tally.retried += 1 }
                }
            }
            while next < share.count, inFlight.count < window {
                let index = share.index(next)
                let due = pace.map { $0.start + UInt64(next) * $0.interval }
                if let due, due > now { break }
                book.noteDue(index, at: due ?? now)
                try send(index)
                now = MonotonicClock.now()
                inFlight.append(InFlight(index: index, sentAt: now))
                next += 1
            }
            if next == share.count, unacked.isEmpty, retries.isEmpty { return }

            // Wait for replies, but no longer than the next thing to do.
            var wait: UInt64 = 50_000_000
            if next < share.count {
                if inFlight.count >= window {
                    wait = 2_000_000  // the window frees as the stream watcher sees articles
                } else if let pace {
                    let due = pace.start + UInt64(next) * pace.interval
                    wait = due > now ? due - now : 0
                }
            }
            if let soonest = retries.map(\.at).min() { wait = min(wait, soonest > now ? soonest - now : 0) }
            // zmq_poll counts whole milliseconds: sleep out a shorter wait
            // instead of spinning on a zero timeout (the cores are the services').
            if wait < 1_000_000 {
                if wait > 0 { Thread.sleep(forTimeInterval: Double(wait) / 1e9) }
                if let reply = try socket.tryReceive() { handle(reply, unacked: &unacked, retries: &retries, book: book) }
                continue
            }
            guard var reply = try socket.receive(timeout: .nanoseconds(Int64(wait))) else { continue }
            while true {
                handle(reply, unacked: &unacked, retries: &retries, book: book)
                guard let more = try socket.tryReceive() else { break }
                reply = more
            }
        }
    }

    private func handle(_ reply: Multipart, unacked: inout [Int: UInt64], retries: inout [(index: Int, at: UInt64)], book: LatencyBook) {
        guard let wire = try? WireMessage(frames: reply.frames) else { return }
        switch wire.type {
        case .ack:
            guard let ack = try? wire.decode(Ack.self, expecting: .ack), let index = Int(ack.requestID),
                unacked.removeValue(forKey: index) != nil
            else { return }
            state.withLock {
                if ack.status == .duplicate { $0.tally.duplicates += 1 } else { $0.tally.accepted += 1 }
            }
        case .nack:
            guard let nack = try? wire.decode(Nack.self, expecting: .nack), let index = Int(nack.requestID),
                unacked.removeValue(forKey: index) != nil
            else { return }
            if nack.reason == .busy || nack.reason == .internal {
                retries.append((index, MonotonicClock.now() + Self.retryDelay))
                return
            }
            book.noteAbandoned(index)
            state.withLock {
                $0.tally.abandoned += 1
                if $0.tally.firstRefusal == nil { $0.tally.firstRefusal = "\(nack.reason.label): \(nack.message)" }
            }
        default:
            return
        }
    }
}
