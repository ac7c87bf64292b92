internal import GRDB

extension ArticleStore {
    /// Copies every committed page from the WAL into the database file and
    /// truncates the WAL to zero bytes (`PRAGMA wal_checkpoint(TRUNCATE)`), so a
    /// stopped consumer leaves one self-contained file. Call once nothing writes.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
