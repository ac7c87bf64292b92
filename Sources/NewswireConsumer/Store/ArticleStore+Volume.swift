internal import GRDB
public import Foundation

extension ArticleStore {
    /// Articles per topic and per UTC time bucket of their stored time: each
    /// bucket named by the stored time's first `prefixLength` characters
    /// (`2026-11-23 08` for hours, 13; `2026-11-23` for days, 10), oldest first.
    ///
    /// Counts the `stream` table, which holds one row per article and topic,
    /// stamped with the time the article was stored; `since` is inclusive,
    /// `until` exclusive, and `topics` (empty: all) are matched exactly.
    public func topicVolume(
        prefixLength: Int, topics: [String], since: Date?, until: Date?
    ) async throws -> [(topic: String, bucket: String, articles: Int)] {
        try await writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = [prefixLength]
            if let since {
                conditions.append("classified_at >= ?")
                _ = arguments.append(contentsOf: [StoredTime(since).text])
            }
            if let until {
                conditions.append("classified_at < ?")
                _ = arguments.append(contentsOf: [StoredTime(until).text])
            }
            if !topics.isEmpty {
                conditions.append("topic_id IN (\(databaseQuestionMarks(count: topics.count)))")
                _ = arguments.append(contentsOf: StatementArguments(topics))
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT topic_id, substr(classified_at, 1, ?) AS bucket, COUNT(*) AS n FROM stream \(whereClause)
                GROUP BY bucket, topic_id ORDER BY bucket, topic_id
                """, arguments: arguments)
            return rows.map { (topic: $0["topic_id"], bucket: $0["bucket"], articles: $0["n"]) }
        }
    }
}
