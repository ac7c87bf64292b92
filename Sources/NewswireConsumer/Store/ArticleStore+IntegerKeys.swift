internal import GRDB

/// The migration to integer article keys and the text stored once.
///
/// Before it, `articles` had its text id (32 hex digits of a hash) as primary
/// key, and `article_topics` and `stream` referred to that id: an article with
/// 2.4 topics made 5.8 inserts at random places into indexes on the id, each
/// dirtying a different page. It also kept the text twice, in the `paragraphs`
/// and `quotes` JSON columns and inside the `event` blob.
///
/// After it, `articles.number` (an `INTEGER PRIMARY KEY`, so the rowid itself:
/// stable across `VACUUM`) is the key, given in storing order, and
/// `article_topics.article_number` and `stream.article_number` refer to it; the
/// text id stays `UNIQUE` for lookups and redeliveries, the one random insert
/// left. `paragraphs` and `quotes` are gone; the event blob keeps them.
///
/// Each article keeps its old rowid as its number, so page cursors handed out
/// before the migration still work. The full-text index is dropped here (it
/// read `paragraphs`) and made again by the next migration, over the event.
extension ArticleStore {
    static let integerKeysMigration = "v4: integer article keys, the text once (in event)"

    static func registerIntegerKeysMigration(_ migrator: inout DatabaseMigrator) {
        // GRDB runs a migration with foreign keys off and checks them all at its end.
        migrator.registerMigration(integerKeysMigration) { db in
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS articles_fts_insert;
                DROP TRIGGER IF EXISTS articles_fts_delete;
                DROP TRIGGER IF EXISTS articles_fts_update;
                DROP TABLE IF EXISTS articles_fts;
                DROP VIEW IF EXISTS article_search_text;

                CREATE TABLE new_articles (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    url TEXT NOT NULL,
                    title TEXT NOT NULL,
                    subtitle TEXT,
                    dateline TEXT,
                    byline TEXT,
                    published_at DATETIME,
                    fetched_at DATETIME,
                    accepted_at DATETIME,
                    stored_at DATETIME NOT NULL,
                    language TEXT NOT NULL,
                    word_count INTEGER NOT NULL,
                    truncated BOOLEAN NOT NULL,
                    content_hash TEXT NOT NULL,
                    people TEXT NOT NULL,
                    organizations TEXT NOT NULL,
                    places TEXT NOT NULL,
                    metadata TEXT NOT NULL,
                    parser_version TEXT NOT NULL,
                    delivery_attempts INTEGER NOT NULL,
                    classification_status TEXT,
                    event BLOB NOT NULL);
                INSERT INTO new_articles (number, id, source, url, title, subtitle, dateline, byline, published_at,
                    fetched_at, accepted_at, stored_at, language, word_count, truncated, content_hash, people,
                    organizations, places, metadata, parser_version, delivery_attempts, classification_status, event)
                SELECT rowid, id, source, url, title, subtitle, dateline, byline, published_at,
                    fetched_at, accepted_at, stored_at, language, word_count, truncated, content_hash, people,
                    organizations, places, metadata, parser_version, delivery_attempts, classification_status, event
                FROM articles ORDER BY rowid;

                CREATE TABLE new_article_topics (
                    article_number INTEGER NOT NULL REFERENCES articles(number) ON DELETE CASCADE,
                    topic_id TEXT NOT NULL,
                    label TEXT NOT NULL,
                    score DOUBLE NOT NULL,
                    threshold DOUBLE NOT NULL,
                    evidence TEXT NOT NULL,
                    classifier_version TEXT NOT NULL,
                    taxonomy_version TEXT NOT NULL,
                    evidence_total INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (article_number, topic_id));
                INSERT INTO new_article_topics (article_number, topic_id, label, score, threshold, evidence,
                    classifier_version, taxonomy_version, evidence_total)
                SELECT a.rowid, t.topic_id, t.label, t.score, t.threshold, t.evidence,
                    t.classifier_version, t.taxonomy_version, t.evidence_total
                FROM article_topics t JOIN articles a ON a.id = t.article_id
                ORDER BY a.rowid, t.topic_id;

                CREATE TABLE new_stream (
                    sequence INTEGER PRIMARY KEY,
                    topic_id TEXT NOT NULL,
                    topic_sequence INTEGER NOT NULL,
                    article_number INTEGER NOT NULL REFERENCES articles(number) ON DELETE CASCADE,
                    classified_at DATETIME NOT NULL,
                    UNIQUE (topic_id, topic_sequence));
                INSERT INTO new_stream (sequence, topic_id, topic_sequence, article_number, classified_at)
                SELECT s.sequence, s.topic_id, s.topic_sequence, a.rowid, s.classified_at
                FROM stream s JOIN articles a ON a.id = s.article_id
                ORDER BY s.sequence;

                DROP TABLE stream;
                DROP TABLE article_topics;
                DROP TABLE articles;
                ALTER TABLE new_articles RENAME TO articles;
                ALTER TABLE new_article_topics RENAME TO article_topics;
                ALTER TABLE new_stream RENAME TO stream;
                CREATE INDEX index_articles_on_source ON articles (source);
                CREATE INDEX index_articles_on_stored_at ON articles (stored_at);
                CREATE INDEX index_article_topics_on_topic_id ON article_topics (topic_id);
                CREATE INDEX index_stream_on_article_number ON stream (article_number);
                CREATE INDEX index_stream_on_classified_at ON stream (classified_at);
                """)
        }
    }
}
