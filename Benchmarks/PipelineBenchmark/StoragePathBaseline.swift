import Dispatch
import Foundation
import GRDB
import Histogram
import Logging
import NewswireProducer
import NewswireStorage
import Synchronization

/// The floor under the pipeline's latency at an offered load: the two durable
/// writes every article needs, and nothing else.
///
/// Articles fall due on the same schedule as a paced run. One thread keeps the
/// producer's outbox (a real ``Outbox`` file: each due article inserted as
/// pending, in one transaction per wake-up, and later marked delivered, as the
/// producer does); a second keeps a store with the consumer's schema and rows
/// (sampled from the saturation run), committing whatever the outbox has handed
/// over since its last commit, as the consumer does per socket read. Each file
/// has its own ``WALCheckpointer``, as each service does. An article's latency
/// runs from its slot in the schedule to the commit of its consumer rows.
///
/// No parsing, classification or messaging: whatever this shows at a load,
/// the pipeline cannot beat with the same durability settings on this disk.
enum StoragePathBaseline {
    struct Result: Sendable {
        var articles: Int
        var rate: Double
        /// From the first article's slot to the last article's store commit.
        var seconds: Double
        /// Microseconds from each article's slot to its store commit.
        var latency: Histogram<UInt64>
        var throughput: Double { Double(articles) / seconds }
    }

    /// Runs `articles` articles at `rate` per second through an outbox and a store in `directory`.
    static func measure(_ sample: SQLiteBaseline.Sample, rate: Double, articles: Int, directory: URL) async throws -> Result {
        let outboxPath = directory.appendingPathComponent("outbox.db").path
        let storePath = directory.appendingPathComponent("store.db").path
        let outbox = try Outbox.open(path: outboxPath)
        let store = try SQLiteBaseline.createStore(sample, path: storePath)
        let logger = Logger(label: "storage-path-baseline")
        let checkpointers = [
            WALCheckpointer(path: outboxPath, role: "outbox", logger: logger), WALCheckpointer(path: storePath, role: "store", logger: logger),
        ]
        let checkpointing = checkpointers.map { checkpointer in Task { try await checkpointer.run() } }
        defer { for task in checkpointing { task.cancel() } }

        let keys = SQLiteBaseline.keys(articles, source: "storage-path-\(Int(rate))")
        let plan = Plan(sample: sample, keys: keys, rate: rate, start: MonotonicClock.now() + 50_000_000)
        let toStore = Handoff()
        let delivered = Handoff()
        async let outboxDone: Void = onOwnThread("raw storage: outbox") {
            try keepOutbox(outbox.writer, plan: plan, toStore: toStore, delivered: delivered)
        }
        let stored = try await onOwnThread("raw storage: store") {
            defer { delivered.close() }
            return try keepStore(store, plan: plan, toStore: toStore, delivered: delivered)
        }
        try await outboxDone
        let count = try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0 }
        guard count == articles else { throw BenchmarkFailure("raw storage path: \(count) articles in \(storePath), expected \(articles)") }
        return Result(
            articles: articles, rate: rate, seconds: MonotonicClock.seconds(from: plan.start, to: stored.lastCommit), latency: stored.latency)
    }

    /// What both threads share: the rows, the keys and the schedule.
    struct Plan: Sendable {
        var sample: SQLiteBaseline.Sample
        var keys: [DatabaseValue]
        var rate: Double
        /// Nanoseconds (``MonotonicClock``) at which article 0 is due.
        var start: UInt64

        var articles: Int { keys.count }
        func due(_ index: Int) -> UInt64 { start + UInt64(Double(index) * 1e9 / rate) }
        func rows(_ index: Int) -> SQLiteBaseline.ArticleRows { sample.articles[index % sample.articles.count] }
    }

    /// The producer's side: insert what fell due, mark what the store committed.
    private static func keepOutbox(_ writer: any DatabaseWriter, plan: Plan, toStore: Handoff, delivered: Handoff) throws {
        defer { toStore.close() }
        let columns = plan.sample.articleColumns
        guard let source = columns.firstIndex(of: "source"), let url = columns.firstIndex(of: "url"),
            let title = columns.firstIndex(of: "title"), let event = columns.firstIndex(of: "event")
        else { throw BenchmarkFailure("the sampled article rows lack source, url, title or event (\(columns))") }
        try writer.writeWithoutTransaction { db in
            // The producer's own statements (``Outbox``), so the two cannot drift apart.
            let insert = try db.makeStatement(sql: Outbox.insertSQL)
            let markDelivered = try db.makeStatement(sql: Outbox.markDeliveredSQL)
            var next = 0
            var marked = 0
            while marked < plan.articles {
                let now = MonotonicClock.now()
                var due = next
                while due < plan.articles, plan.due(due) <= now { due += 1 }
                let (acks, storeStopped) = delivered.takeAvailable()
                if due == next && acks.isEmpty {
                    if storeStopped { throw BenchmarkFailure("raw storage path: the store stopped with \(plan.articles - marked) articles unmarked") }
                    let wait = next < plan.articles ? min(plan.due(next) &- now, 1_000_000) : 1_000_000
                    Thread.sleep(forTimeInterval: Double(max(wait, 20_000)) / 1e9)
                    continue
                }
                let timestamp = Date().timeIntervalSince1970
                try db.inTransaction {
                    for index in next..<due {
                        let rows = plan.rows(index).article
                        try insert.execute(arguments: [plan.keys[index], rows[source], rows[url], rows[title], rows[event], timestamp])
                    }
                    for index in acks { try markDelivered.execute(arguments: [timestamp, plan.keys[index]]) }
                    return .commit
                }
                if due > next { toStore.put(Array(next..<due)) }
                next = due
                marked += acks.count
            }
        }
    }

    /// The consumer's side: store what the outbox handed over, one commit per wake-up.
    private static func keepStore(
        _ writer: any DatabaseWriter, plan: Plan, toStore: Handoff, delivered: Handoff
    ) throws -> (latency: Histogram<UInt64>, lastCommit: UInt64) {
        var latency = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        var lastCommit = plan.start
        try writer.writeWithoutTransaction { db in
            let rows = try SQLiteBaseline.ConsumerRows(plan.sample, db: db)
            var stored = 0
            while stored < plan.articles {
                let batch = toStore.take()
                if batch.isEmpty {
                    throw BenchmarkFailure("raw storage path: the outbox stopped after \(stored) of \(plan.articles) articles")
                }
                try db.inTransaction {
                    for index in batch { try rows.insert(plan.rows(index), id: plan.keys[index]) }
                    return .commit
                }
                lastCommit = MonotonicClock.now()
                for index in batch { _ = latency.record(max(1, (lastCommit &- plan.due(index)) / 1000)) }
                stored += batch.count
                delivered.put(batch)
            }
        }
        return (latency, lastCommit)
    }

    /// Article indexes passed from one thread to the other: `put` never
    /// blocks, `take` waits for at least one (or the close).
    final class Handoff: Sendable {
        private let items = Mutex<(indexes: [Int], closed: Bool)>(([], false))
        private let signal = DispatchSemaphore(value: 0)

        func put(_ indexes: [Int]) {
            items.withLock { $0.indexes += indexes }
            signal.signal()
        }

        func close() {
            items.withLock { $0.closed = true }
            signal.signal()
        }

        /// Everything handed over so far, without waiting, and whether the
        /// other side has closed (so nothing more will come).
        func takeAvailable() -> (indexes: [Int], closed: Bool) {
            items.withLock { state in
                defer { state.indexes.removeAll(keepingCapacity: true) }
                return (state.indexes, state.closed)
            }
        }

        /// Everything handed over so far, waiting for at least one; empty once closed and drained.
        func take() -> [Int] {
            while true {
                let (taken, closed) = items.withLock { state in
                    defer { state.indexes.removeAll(keepingCapacity: true) }
                    return (state.indexes, state.closed)
                }
                if !taken.isEmpty || closed { return taken }
                signal.wait()
            }
        }
    }
}
