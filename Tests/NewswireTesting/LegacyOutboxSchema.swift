/// The producer outbox's schema as releases before `v2: seq without
/// AUTOINCREMENT` wrote it (commit 93804aa and earlier): the SQL SQLite kept in
/// `sqlite_master`, and GRDB's record of the one migration applied. Tests run
/// these statements to make an outbox "written by the previous release" and
/// check that today's producer upgrades it and delivers its pending rows.
public enum LegacyOutboxSchema {
    /// Statements that create an empty v1 outbox; run them in order, in one transaction.
    public static let v1: [String] = [
        """
        CREATE TABLE "outbox" ("seq" INTEGER PRIMARY KEY AUTOINCREMENT, "article_id" TEXT NOT NULL UNIQUE, \
        "source" TEXT NOT NULL, "url" TEXT NOT NULL, "title" TEXT NOT NULL, "event" BLOB, "state" TEXT NOT NULL, \
        "attempts" INTEGER NOT NULL DEFAULT 0, "accepted_at" DOUBLE NOT NULL, "delivered_at" DOUBLE, "last_error" TEXT)
        """,
        "CREATE INDEX outbox_pending ON outbox(seq) WHERE state = 'pending'",
        #"CREATE TABLE "grdb_migrations" ("identifier" TEXT NOT NULL PRIMARY KEY)"#,
        "INSERT INTO grdb_migrations (identifier) VALUES ('v1: outbox')",
    ]

    /// Inserts one row the way a v1 producer did (its `insertSQL`, whose
    /// arguments are article id, source, url, title, event, accepted-at).
    public static let v1Insert = """
        INSERT INTO outbox (article_id, source, url, title, event, state, accepted_at)
        VALUES (?, ?, ?, ?, ?, 'pending', ?)
        """
}
