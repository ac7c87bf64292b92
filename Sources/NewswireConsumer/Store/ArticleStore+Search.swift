internal import GRDB
internal import Foundation

/// Full-text search over the articles' titles and bodies (SQLite FTS5).
///
/// `articles_fts` is an external-content table: it holds only the index, and
/// reads the text itself from the view `article_search_text`: the title, and
/// as the body the `paragraphs` column (a JSON array of strings, whose
/// punctuation the tokenizer skips; a view cannot join the paragraphs with
/// `json_each`, as FTS5 reads its content with virtual tables barred).
/// ``ArticleSummary/snippet`` is cleaned of the JSON punctuation. Triggers on `articles` index each
/// article in the statement that inserts it, so the index is always in the
/// same transaction as the article. The migration indexes the articles that
/// are already there.
///
/// The index is keyed by the articles' rowids, which `VACUUM` may renumber
/// (the table has a text primary key): after a VACUUM, rebuild it with
/// `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`.
extension ArticleStore {
    static let searchMigration = "search: articles_fts (FTS5 over title and body)"

    static func registerSearchMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(searchMigration) { db in
            try db.execute(sql: """
                CREATE VIEW article_search_text AS
                    SELECT rowid AS article_rowid, title,
                           paragraphs AS body
                    FROM articles;
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, body, content='article_search_text', content_rowid='article_rowid',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts (rowid, title, body) VALUES (
                        new.rowid, new.title, new.paragraphs);
                END;
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES (
                        'delete', old.rowid, old.title, old.paragraphs);
                END;
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, paragraphs ON articles BEGIN
                    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES (
                        'delete', old.rowid, old.title, old.paragraphs);
                    INSERT INTO articles_fts (rowid, title, body) VALUES (
                        new.rowid, new.title, new.paragraphs);
                END;
                INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
                """)
        }
    }
}
