internal import GRDB
internal import Foundation
internal import NewsModels
internal import SwiftProtobuf

/// Full-text search over the articles' titles and bodies (SQLite FTS5).
///
/// `articles_fts` is an external-content table: it holds only the index, and
/// reads the text itself (for snippets, deletes and rebuilds) from the view
/// `article_search_text`: the title, and as the body the paragraphs joined by
/// line feeds, taken from the stored event by the SQL function
/// `newswire_article_body(event)` (``articleBodyFunction``), which every
/// connection the store opens has. The index is keyed by `articles.number`,
/// an `INTEGER PRIMARY KEY`, which `VACUUM` keeps.
///
/// The store adds each article to the index itself, in the statement after the
/// one that inserts it and in the same transaction, with the body it made off
/// the writer's thread (``ClassifiedArticle``); triggers keep the index right
/// when an article is deleted or its title or event changes. A connection
/// without the function (the `sqlite3` shell) can search (`MATCH`, `bm25`) but
/// not ask for snippets, nor delete articles.
///
/// FTS5 merges its segments 8 at a time rather than 4 (`automerge`): a seventh
/// fewer pages written per article (8.0 → 6.9 in a probe of 10,000 articles),
/// for at most twice the segments per level to read when searching.
///
/// The first search migration (below, kept as it ran) indexed the
/// `paragraphs` column; ``integerKeysMigration`` dropped that column and the
/// index, and ``eventSearchMigration`` makes the index again over the event.
extension ArticleStore {
    package static let searchMigration = "search: articles_fts (FTS5 over title and body)"

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

    static let eventSearchMigration = "search v2: articles_fts over the title and the event's paragraphs"

    static func registerEventSearchMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(eventSearchMigration) { db in
            try db.execute(sql: """
                CREATE VIEW article_search_text AS
                    SELECT number AS article_number, title, newswire_article_body(event) AS body
                    FROM articles;
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, body, content='article_search_text', content_rowid='article_number',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES (
                        'delete', old.number, old.title, newswire_article_body(old.event));
                END;
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF number, title, event ON articles BEGIN
                    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES (
                        'delete', old.number, old.title, newswire_article_body(old.event));
                    INSERT INTO articles_fts (rowid, title, body) VALUES (
                        new.number, new.title, newswire_article_body(new.event));
                END;
                INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
                INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
                """)
        }
    }

    /// The body the search index holds: the paragraphs, joined by line feeds.
    static func searchBody(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n")
    }

    /// `newswire_article_body(event)`: the search body of a stored event
    /// (protobuf `ArticleEvent`); NULL for anything that is not one.
    static let articleBodyFunction = DatabaseFunction("newswire_article_body", argumentCount: 1, pure: true) { values in
        guard let data = Data.fromDatabaseValue(values[0]),
              let event = try? ArticleEvent(serializedBytes: data)
        else { return nil }
        return searchBody(event.article.paragraphs)
    }
}
