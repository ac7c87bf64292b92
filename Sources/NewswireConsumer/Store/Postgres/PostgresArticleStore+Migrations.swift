internal import PostgresNIO
internal import Logging

/// The PostgreSQL schema, versioned like the SQLite one: `schema_migrations`
/// lists the versions applied; a migration that has shipped is never changed,
/// another is added. Version 1 is the SQLite schema as of its integer-keys
/// migration (v4), without the full-text index (search is SQLite's for now),
/// plus what sharing needs: `stream.consumer_id`, `stream_head`, `topic_heads`.
extension PostgresArticleStore {
    struct Migration: Sendable {
        var version: Int
        var name: String
        var sql: [String]
    }

    /// Every migration, oldest first.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "articles, topics, stream, dead letters", sql: [
            """
            CREATE TABLE articles (
                number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                source text NOT NULL,
                url text NOT NULL,
                title text NOT NULL,
                subtitle text,
                dateline text,
                byline text,
                published_at timestamptz,
                fetched_at timestamptz,
                accepted_at timestamptz,
                stored_at timestamptz NOT NULL,
                language text NOT NULL,
                word_count integer NOT NULL,
                truncated boolean NOT NULL,
                content_hash text NOT NULL,
                people jsonb NOT NULL,
                organizations jsonb NOT NULL,
                places jsonb NOT NULL,
                metadata jsonb NOT NULL,
                parser_version text NOT NULL,
                delivery_attempts integer NOT NULL,
                classification_status text,
                event bytea NOT NULL)
            """,
            "CREATE INDEX articles_source ON articles (source)",
            "CREATE INDEX articles_stored_at ON articles (stored_at)",
            """
            CREATE TABLE article_topics (
                article_number bigint NOT NULL REFERENCES articles (number) ON DELETE CASCADE,
                topic_id text NOT NULL,
                label text NOT NULL,
                score double precision NOT NULL,
                threshold double precision NOT NULL,
                evidence jsonb NOT NULL,
                classifier_version text NOT NULL,
                taxonomy_version text NOT NULL,
                evidence_total integer NOT NULL DEFAULT 0,
                PRIMARY KEY (article_number, topic_id))
            """,
            "CREATE INDEX article_topics_topic_id ON article_topics (topic_id)",
            """
            CREATE TABLE stream (
                sequence bigint PRIMARY KEY,
                topic_id text NOT NULL,
                topic_sequence bigint NOT NULL,
                article_number bigint NOT NULL REFERENCES articles (number) ON DELETE CASCADE,
                classified_at timestamptz NOT NULL,
                consumer_id text NOT NULL,
                UNIQUE (topic_id, topic_sequence))
            """,
            "CREATE INDEX stream_article_number ON stream (article_number)",
            "CREATE INDEX stream_classified_at ON stream (classified_at)",
            // The last sequence given; its row lock orders the commits (see the type's documentation).
            """
            CREATE TABLE stream_head (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                sequence bigint NOT NULL)
            """,
            "INSERT INTO stream_head (only_row, sequence) VALUES (true, 0)",
            // The last topic_sequence given per topic.
            "CREATE TABLE topic_heads (topic_id text PRIMARY KEY, sequence bigint NOT NULL)",
            """
            CREATE TABLE dead_letters (
                article_id text PRIMARY KEY,
                source text NOT NULL,
                title text NOT NULL,
                reason text NOT NULL,
                attempts integer NOT NULL,
                first_failed_at timestamptz NOT NULL,
                last_failed_at timestamptz NOT NULL,
                event bytea NOT NULL)
            """,
        ]),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Any number will do, as long as it is always the same: the advisory lock
    /// that keeps two consumers starting at once from migrating together.
    static let migrationLock: Int64 = 0x6E65_7773_7769_7265  // "newswire"

    /// Applies the migrations not applied yet (all in one transaction, under
    /// an advisory lock), or with `migrate` false only reads the version; either
    /// way a schema newer than ``latestVersion`` is refused.
    func prepareSchema(migrate: Bool) async throws {
        let location = self.location
        let applied: Int = try await perform("prepare the schema", limit: Self.schemaTimeout) { [self, logger] in
            try await inTransaction { connection in
                if migrate {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                    try await connection.query("""
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                            version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                        """, logger: logger)
                } else {
                    let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
                    var found = false
                    for try await (value) in exists.decode(Bool.self) { found = value }
                    guard found else { return 0 }
                }
                var current = 0
                for try await (version) in try await connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: logger).decode(Int.self) {
                    current = version
                }
                guard current <= Self.latestVersion else { return current }
                guard migrate else { return current }
                for migration in Self.migrations where migration.version > current {
                    for statement in migration.sql {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                    logger.notice("PostgreSQL schema migrated", metadata: ["db": "\(location)", "version": "\(migration.version)", "name": "\(migration.name)"])
                }
                return Self.latestVersion
            }
        }
        if applied > Self.latestVersion {
            throw PostgresSchemaTooNewError(location: location, databaseVersion: applied, knownVersion: Self.latestVersion)
        }
    }
}
