import Foundation
import GRDB
import NewswireProducer
import NewswireTesting
import Testing

@Suite("Outbox")
struct OutboxTests {
    func makeOutbox() throws -> (Outbox, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try Outbox.open(path: directory.path("outbox.db")), directory)
    }

    @Test("an article is stored once; the same id again is a duplicate")
    func insertAndDuplicate() async throws {
        let (outbox, _directory) = try makeOutbox()
        _ = _directory
        #expect(try await outbox.insert(articleID: "a1", source: "s", url: "u", title: "t", event: [1, 2, 3]) == .accepted)
        #expect(try await outbox.insert(articleID: "a1", source: "s", url: "u", title: "t", event: [9]) == .duplicate)
        #expect(try await outbox.pendingCount() == 1)
        let pending = try await outbox.pending(after: 0, limit: 10)
        #expect(pending.map(\.articleID) == ["a1"])
        #expect(pending.first?.event == [1, 2, 3], "a duplicate never overwrites the stored event")
    }

    @Test("pending rows come oldest first after a cursor; delivered rows leave the queue but stay known")
    func pendingAndDelivered() async throws {
        let (outbox, directory) = try makeOutbox()
        for index in 1...5 {
            _ = try await outbox.insert(articleID: "a\(index)", source: "s", url: "", title: "t\(index)", event: [UInt8(index)])
        }
        let firstTwo = try await outbox.pending(after: 0, limit: 2)
        #expect(firstTwo.map(\.articleID) == ["a1", "a2"])
        let rest = try await outbox.pending(after: firstTwo.last!.seq, limit: 10)
        #expect(rest.map(\.articleID) == ["a3", "a4", "a5"])

        try await outbox.markDelivered(["a1", "a3"])
        try await outbox.markRejected("a5", reason: "invalid-article: empty")
        #expect(try await outbox.pending(after: 0, limit: 10).map(\.articleID) == ["a2", "a4"])
        #expect(try await outbox.counts() == ["pending": 2, "delivered": 2, "rejected": 1])
        #expect(try await outbox.insert(articleID: "a1", source: "s", url: "", title: "t1", event: [1]) == .duplicate)

        // Delivered rows drop their event bytes.
        let nulls = try await outbox.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE event IS NULL")
        }
        #expect(nulls == 2)
        _ = directory
    }

    @Test("what was committed survives reopening the file")
    func durableAcrossReopen() async throws {
        let directory = try TemporaryDirectory()
        do {
            let outbox = try Outbox.open(path: directory.path("outbox.db"))
            _ = try await outbox.insert(articleID: "kept", source: "s", url: "", title: "t", event: [7])
            try await outbox.recordAttempt("kept")
        }
        let reopened = try Outbox.open(path: directory.path("outbox.db"))
        let pending = try await reopened.pending(after: 0, limit: 10)
        #expect(pending.map(\.articleID) == ["kept"])
        #expect(pending.first?.attempts == 1)
    }

    @Test("a batch insert is one call: ids seen before or earlier in the batch are duplicates")
    func batchInsert() async throws {
        let outbox = try Outbox(writer: DatabaseQueue())
        _ = try await outbox.insert(articleID: "old", source: "s", url: "", title: "t", event: [0])
        let results = try await outbox.insert([
            OutboxEntry(articleID: "n1", source: "s", url: "u1", title: "one", event: [1]),
            OutboxEntry(articleID: "old", source: "s", url: "", title: "again", event: [2]),
            OutboxEntry(articleID: "n2", source: "s", url: "u2", title: "two", event: [3]),
            OutboxEntry(articleID: "n1", source: "s", url: "u1", title: "one again", event: [4]),
        ])
        #expect(results == [.accepted, .duplicate, .accepted, .duplicate])
        let pending = try await outbox.pending(after: 0, limit: 10)
        #expect(pending.map(\.articleID) == ["old", "n1", "n2"])
        #expect(pending.map(\.event) == [[0], [1], [3]])
        try await outbox.recordAttempts(["n1", "n2", "n2"])
        #expect(try await outbox.pending(after: 0, limit: 10).map(\.attempts) == [0, 1, 2])
    }

    @Test("marking delivered or parked counts only rows that change, so a repeated ack counts once; parked rows are listed with their reason")
    func changedRowsAndParked() async throws {
        let (outbox, directory) = try makeOutbox()
        for index in 1...4 {
            _ = try await outbox.insert(articleID: "a\(index)", source: "s\(index)", url: "u\(index)", title: "t\(index)", event: [UInt8](repeating: 7, count: index))
        }
        #expect(try await outbox.markDelivered(["a1", "a1", "unknown"]) == 1)
        #expect(try await outbox.markDelivered(["a1"]) == 0, "an ack for an event already delivered changes nothing")
        #expect(try await outbox.markRejected([("a2", "too-large: frame 4 (payload) is 9 bytes; the limit is 8"), ("a1", "late")]) == 1,
                "a delivered row is never parked")
        try await outbox.recordAttempts(["a3", "a3"])
        #expect(try await outbox.markRejected("a3", reason: "unanswered") == 1)
        #expect(try await outbox.counts() == ["pending": 1, "delivered": 1, "rejected": 2])

        let parked = try await outbox.rejected()
        #expect(parked.map(\.articleID) == ["a2", "a3"])
        #expect(parked.first?.reason == "too-large: frame 4 (payload) is 9 bytes; the limit is 8")
        #expect(parked.first?.eventBytes == 2, "a parked row keeps its event for an operator")
        #expect(parked.last?.attempts == 2)
        #expect(try await outbox.attempts(of: "a3") == 2)
        // The CLI reads the file read-only, as a running producer holds it.
        #expect(try Outbox.rejected(inFileAt: directory.path("outbox.db")) == parked)

        // Sent again, a parked article is new again, behind everything pending; a delivered one stays a duplicate.
        #expect(try await outbox.insert(articleID: "a2", source: "s2", url: "u2", title: "t2", event: [9, 9]) == .accepted)
        #expect(try await outbox.insert(articleID: "a1", source: "s1", url: "u1", title: "t1", event: [9]) == .duplicate)
        let queue = try await outbox.pending(after: 0, limit: 10)
        #expect(queue.map(\.articleID) == ["a4", "a2"])
        #expect(queue.last?.event == [9, 9] && queue.last?.attempts == 0)
        #expect(try await outbox.pending(after: queue[0].seq, limit: 10).map(\.articleID) == ["a2"], "a delivery cursor past its old place still finds it")
        #expect(try await outbox.insert(articleID: "a5", source: "s5", url: "u5", title: "t5", event: [5]) == .accepted)
        #expect(try await outbox.pending(after: queue[1].seq, limit: 10).map(\.articleID) == ["a5"])
    }
}
