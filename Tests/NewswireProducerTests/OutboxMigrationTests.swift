import Foundation
import GRDB
import NewswireProducer
import NewswireTesting
import Testing

@Suite("Outbox migration")
struct OutboxMigrationTests {
    /// Writes a v1 outbox (the previous release's schema) at `path` with pending,
    /// delivered and parked rows; returns the pending ids in delivery order.
    static func writeV1Outbox(at path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for statement in LegacyOutboxSchema.v1 { try db.execute(sql: statement) }
            for index in 1...6 {
                try db.execute(sql: LegacyOutboxSchema.v1Insert, arguments: ["id\(index)", "s", "u\(index)", "t\(index)", Data([UInt8(index)]), 1_765_000_000.0 + Double(index)])
            }
            try db.execute(sql: "UPDATE outbox SET state = 'delivered', event = NULL, delivered_at = 1765000100 WHERE article_id IN ('id1', 'id3')")
            try db.execute(sql: "UPDATE outbox SET state = 'rejected', last_error = 'malformed: test' WHERE article_id = 'id5'")
            try db.execute(sql: "UPDATE outbox SET attempts = 2 WHERE article_id = 'id4'")
        }
        return ["id2", "id4", "id6"]
    }

    @Test("a v1 outbox is upgraded in place: same rows, same seqs, no AUTOINCREMENT, and it keeps its promises")
    func upgradesV1() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("outbox.db")
        let pendingIDs = try Self.writeV1Outbox(at: path)

        let outbox = try Outbox.open(path: path)
        let schema = try await outbox.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'") ?? ""
        }
        #expect(!schema.uppercased().contains("AUTOINCREMENT"), "\(schema)")
        #expect(schema.contains("INTEGER PRIMARY KEY"))
        let indexes = try await outbox.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND name NOT LIKE 'sqlite_%'")
        }
        #expect(indexes == ["outbox_pending"])

        let pending = try await outbox.pending(after: 0, limit: 10)
        #expect(pending.map(\.articleID) == pendingIDs)
        #expect(pending.map(\.seq) == [2, 4, 6], "seqs kept")
        #expect(pending.map(\.event) == [[2], [4], [6]])
        #expect(pending.map(\.attempts) == [0, 2, 0])
        #expect(try await outbox.counts() == ["pending": 3, "delivered": 2, "rejected": 1])
        #expect(try await outbox.rejected().map(\.reason) == ["malformed: test"])

        // Duplicates are still found by article id; new rows come after every old one.
        let seqs = try await outbox.store([
            OutboxEntry(articleID: "id1", source: "s", url: "", title: "again", event: [9]),
            OutboxEntry(articleID: "id7", source: "s", url: "", title: "new", event: [7]),
            OutboxEntry(articleID: "id5", source: "s", url: "", title: "parked, sent again", event: [5]),
        ])
        #expect(seqs == [nil, 7, 8])
        #expect(try await outbox.pending(after: 6, limit: 10).map(\.articleID) == ["id7", "id5"])
        #expect(try await outbox.markDelivered(seqs: [2, 4, 6, 7, 8, 1]) == 5, "delivered by integer key; an old delivered row changes nothing")
        #expect(try await outbox.counts() == ["delivered": 7])

        // Reopening runs no migration twice.
        let reopened = try Outbox.open(path: path)
        #expect(try await reopened.counts() == ["delivered": 7])
        #expect(try await reopened.store([OutboxEntry(articleID: "id8", source: "s", url: "", title: "t", event: [8])]) == [9])
        withExtendedLifetime(directory) {}
    }

    @Test("rows get increasing seqs without AUTOINCREMENT; the seq of each stored row is returned and a duplicate gets none")
    func storeReturnsSeqs() async throws {
        let outbox = try Outbox(writer: DatabaseQueue())
        #expect(try await outbox.store([]) == [])
        let first = try await outbox.store([
            OutboxEntry(articleID: "a", source: "s", url: "", title: "t", event: [1]),
            OutboxEntry(articleID: "b", source: "s", url: "", title: "t", event: [2]),
            OutboxEntry(articleID: "a", source: "s", url: "", title: "t", event: [3]),
        ])
        #expect(first == [1, 2, nil])
        #expect(try await outbox.markDelivered(seqs: [2]) == 1)
        #expect(try await outbox.markDelivered(seqs: [2]) == 0, "an ack repeated counts once")
        let pending = try await outbox.pending(after: 0, limit: 10)
        #expect(pending.map(\.seq) == [1])
        #expect(try await outbox.insert(articleID: "b", source: "s", url: "", title: "t", event: [2]) == .duplicate)
        #expect(try await outbox.store([OutboxEntry(articleID: "c", source: "s", url: "", title: "t", event: [4])]) == [3])
    }
}
