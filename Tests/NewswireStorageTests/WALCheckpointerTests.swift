import Foundation
import GRDB
import Logging
import NewswireStorage
import NewswireTesting
import Testing

/// ``WALCheckpointer``: writers leave checkpoints to it, and it keeps the
/// database file up to date from its own connection.
@Suite("WAL checkpointer")
struct WALCheckpointerTests {
    /// A WAL database with `configureWriter` applied, as the services open theirs.
    private func openPool(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try WALCheckpointer.configureWriter(db)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        return pool
    }

    /// Writes about 12 MB (some 3,000 pages, past SQLite's default 1,000-page
    /// autocheckpoint) in 30 commits.
    private func writeRows(_ pool: DatabasePool) throws {
        let body = Data(repeating: 0x5A, count: 4_000)
        for _ in 0..<30 {
            try pool.write { db in
                for _ in 0..<100 { try db.execute(sql: "INSERT INTO rows (body) VALUES (?)", arguments: [body]) }
            }
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("writers do not checkpoint below the fallback: the pages stay in the WAL")
    func writersLeaveCheckpointsAlone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("wal.db")
        let pool = try openPool(path)
        try writeRows(pool)
        #expect(fileSize(path + "-wal") > 11_000_000, "all pages are still in the WAL")
        #expect(fileSize(path) < 1_000_000, "nothing was copied into the database file")
    }

    @Test("the checkpointer copies the WAL into the database file while the writer keeps its connection")
    func checkpointerCopiesPages() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("wal.db")
        let pool = try openPool(path)
        try writeRows(pool)
        let checkpointer = WALCheckpointer(path: path, role: "test", interval: .milliseconds(20), logger: Logger(label: "test"))
        let running = Task { try await checkpointer.run() }
        try await waitUntil("the database file holds the written pages") { fileSize(path) > 11_000_000 }
        // The writer goes on with its own connection; its new pages get copied too.
        try writeRows(pool)
        try await waitUntil("the second batch of pages is checkpointed too") { fileSize(path) > 23_000_000 }
        running.cancel()
        try await running.value
        let count = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows") ?? 0 }
        #expect(count == 6_000)
    }
}
