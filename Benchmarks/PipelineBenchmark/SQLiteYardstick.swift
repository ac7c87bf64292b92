import Foundation
import GRDBSQLite
import NewswireTesting

/// The fixed yardstick of issue #20: what the disk and SQLite can take,
/// independent of our schema. Rows of one article's size appended through a
/// prepared statement under sequential text keys (`a0`, `a1`, …; the primary
/// key is the only index), WAL with `synchronous=NORMAL`, 1,000 rows per
/// transaction, straight on SQLite's C API.
///
/// It does exactly what `sqlite_ins.c` in `../shared/yardsticks` does, step for
/// step (same statements, same binding, same transaction boundaries, same
/// clock span), so the figure exists when that folder does not; when it does,
/// the benchmark runs the C program too (``ExternalYardsticks``) and the report
/// shows both. Neither moves when our code or schema does: our ratio to it is
/// the figure to raise.
enum SQLiteYardstick {
    /// One measurement of a yardstick: the port's or the C program's.
    struct Result: Sendable {
        /// Which program measured it ("sqlite_ins.c", "Swift port").
        var program: String
        var rows: Int
        var rowBytes: Int
        var rowsPerSecond: Double
        /// CPU the program used, user + system; nil when it was not measured.
        var cpuSeconds: Double?
    }

    static let rowsPerTransaction = 1_000
    static let portName = "Swift port"

    /// The row: the text of one seed article (4,986 bytes), the same file the
    /// issue's figures used; it is in the repository's fixtures, so the
    /// yardstick needs nothing from `../shared`.
    static var rowFile: URL { Fixtures.url(Fixtures.firstSeed) }

    /// Appends `rows` rows of `body` to a new database at `path` (an existing
    /// file is removed first) and times the inserts and commits.
    static func measure(rows: Int, body: [UInt8], path: String) throws -> Result {
        remove(path)
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let db = handle else {
            throw BenchmarkFailure("yardstick: cannot open \(path): \(handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory")")
        }
        defer { sqlite3_close(db) }
        try execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE articles(id TEXT PRIMARY KEY, body TEXT);")
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO articles VALUES(?,?)", -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
            throw BenchmarkFailure("yardstick: cannot prepare the insert: \(String(cString: sqlite3_errmsg(db)))")
        }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the id, as the C program asks it to.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let cpuBefore = MonotonicClock.processCPUSeconds()
        let start = MonotonicClock.now()
        try body.withUnsafeBufferPointer { text in
            for index in 0..<rows {
                if index % rowsPerTransaction == 0 { try execute(db, "BEGIN") }
                let key = Array("a\(index)".utf8CString.dropLast())  // no NUL: the length is given
                sqlite3_bind_text(statement, 1, key, Int32(key.count), transient)
                // SQLITE_STATIC (nil): the body outlives the statement's use of it.
                sqlite3_bind_text(statement, 2, UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
                guard sqlite3_step(statement) == SQLITE_DONE else {
                    throw BenchmarkFailure("yardstick: insert \(index) into \(path) failed: \(String(cString: sqlite3_errmsg(db)))")
                }
                sqlite3_reset(statement)
                if index % rowsPerTransaction == rowsPerTransaction - 1 || index == rows - 1 { try execute(db, "COMMIT") }
            }
        }
        let seconds = MonotonicClock.seconds(from: start, to: MonotonicClock.now())
        return Result(
            program: portName, rows: rows, rowBytes: body.count, rowsPerSecond: Double(rows) / seconds,
            cpuSeconds: MonotonicClock.processCPUSeconds() - cpuBefore)
    }

    private static func execute(_ db: OpaquePointer, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw BenchmarkFailure("yardstick: \(sql) failed: \(message.map { String(cString: $0) } ?? "?")")
        }
    }
}
