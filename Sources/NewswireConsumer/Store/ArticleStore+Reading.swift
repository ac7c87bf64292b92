public import NewsModels
internal import GRDB
public import Foundation
public import SwiftProtobuf

/// A stored article with its topics, as `newswire query` lists it.
public struct StoredArticle: Sendable, Equatable, Codable {
    public struct Topic: Sendable, Equatable, Codable {
        public var id: String
        public var score: Double
    }
    public var id: String
    public var title: String
    public var source: String
    public var url: String
    public var storedAt: Date
    public var topics: [Topic]
    /// Absent when classified; `unclassified: language xx` when the taxonomy did not cover the article's language.
    public var classificationStatus: String?
}

/// Filters for ``ArticleStore/articles(_:)``.
public struct ArticleFilter: Sendable, Equatable {
    public var topic: String?
    public var source: String?
    public var since: Date?
    public var until: Date?
    public var limit: Int = 1000
    public init(topic: String? = nil, source: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int = 1000) {
        self.topic = topic
        self.source = source
        self.since = since
        self.until = until
        self.limit = limit
    }
}

extension ArticleStore {
    /// Articles matching `filter`, oldest first, each with its topics (highest score first).
    public func articles(_ filter: ArticleFilter = .init()) throws -> [StoredArticle] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let topic = filter.topic {
                conditions.append("number IN (SELECT article_number FROM article_topics WHERE topic_id = ?)")
                _ = arguments.append(contentsOf: [topic])
            }
            if let source = filter.source {
                conditions.append("source = ?")
                _ = arguments.append(contentsOf: [source])
            }
            if let since = filter.since {
                conditions.append("stored_at >= ?")
                _ = arguments.append(contentsOf: [since])
            }
            if let until = filter.until {
                conditions.append("stored_at < ?")
                _ = arguments.append(contentsOf: [until])
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [filter.limit])
            let rows = try Row.fetchAll(
                db, sql: "SELECT number, id, title, source, url, stored_at, classification_status FROM articles \(whereClause) ORDER BY stored_at, id LIMIT ?",
                arguments: arguments)
            let topicStatement = try db.cachedStatement(sql: "SELECT topic_id, score FROM article_topics WHERE article_number = ? ORDER BY score DESC, topic_id")
            return try rows.map { row in
                let id: String = row["id"]
                let topics = try Row.fetchAll(topicStatement, arguments: [row["number"] as Int64]).map { StoredArticle.Topic(id: $0["topic_id"], score: $0["score"]) }
                return StoredArticle(id: id, title: row["title"], source: row["source"], url: row["url"], storedAt: row["stored_at"], topics: topics,
                                     classificationStatus: row["classification_status"])
            }
        }
    }

    /// Article counts per topic, and the total, for `newswire stats`.
    public func topicCounts() throws -> (total: Int, perTopic: [(topic: String, count: Int)]) {
        try writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0
            let perTopic = try Row.fetchAll(db, sql: "SELECT topic_id, COUNT(*) AS n FROM article_topics GROUP BY topic_id ORDER BY topic_id")
                .map { (topic: $0["topic_id"] as String, count: $0["n"] as Int) }
            return (total, perTopic)
        }
    }

    /// The newest stream sequence (0 when nothing was published).
    public func headSequence() throws -> UInt64 {
        try writer.read { db in UInt64(try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM stream") ?? 0) }
    }

    /// Stored topic messages with sequence > `afterSequence` (or classified at or
    /// after `since`), for the given topics (all when empty), oldest first.
    public func streamMessages(afterSequence: UInt64, since: Google_Protobuf_Timestamp?, topics: [String], limit: Int, consumerID: String) throws -> [TopicMessage] {
        try storedTopicMessages(afterSequence: afterSequence, since: since, topics: topics, limit: limit, consumerID: consumerID).map { try $0.decoded() }
    }

    /// The same, each with its article event as the stored bytes (what replay sends).
    ///
    /// `since` compares at the precision `classified_at` is stored, whole
    /// milliseconds: its sub-millisecond digits are dropped, so a client that
    /// asks from a message's own `classified_at` gets that message again.
    public func storedTopicMessages(afterSequence: UInt64, since: Google_Protobuf_Timestamp?, topics: [String], limit: Int, consumerID: String) throws -> [StoredTopicMessage] {
        try writer.read { db in
            var sql = """
                SELECT s.sequence, s.topic_id, s.topic_sequence, s.classified_at, a.event,
                       t.label, t.score, t.threshold, t.evidence, t.classifier_version, t.taxonomy_version
                FROM stream s
                JOIN articles a ON a.number = s.article_number
                JOIN article_topics t ON t.article_number = s.article_number AND t.topic_id = s.topic_id
                WHERE s.sequence > ?
                """
            var arguments: StatementArguments = [Int64(clamping: afterSequence)]
            if let since {
                sql += " AND s.classified_at >= ?"
                _ = arguments.append(contentsOf: [StoredTime(since).text])
            }
            if !topics.isEmpty {
                sql += " AND s.topic_id IN (\(databaseQuestionMarks(count: topics.count)))"
                _ = arguments.append(contentsOf: StatementArguments(topics))
            }
            sql += " ORDER BY s.sequence LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                var classification = Classification()
                classification.topicID = row["topic_id"]
                classification.label = row["label"]
                classification.score = row["score"]
                classification.threshold = row["threshold"]
                classification.classifierVersion = row["classifier_version"]
                classification.taxonomyVersion = row["taxonomy_version"]
                let evidenceJSON: String = row["evidence"]
                let records = (try? JSONDecoder().decode([EvidenceRecord].self, from: Data(evidenceJSON.utf8))) ?? []
                classification.evidence = records.map(\.message)
                var message = TopicMessage()
                message.sequence = UInt64(row["sequence"] as Int64)
                message.topicSequence = UInt64(row["topic_sequence"] as Int64)
                message.topicID = row["topic_id"]
                message.classification = classification
                // Written by StoredTime (GRDB's own Date text has the same form).
                let time = (row["classified_at"] as String?).flatMap(StoredTime.init(text:))
                    ?? (row["classified_at"] as Date?).map { StoredTime(milliseconds: Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
                message.classifiedAt = time?.timestamp ?? Google_Protobuf_Timestamp()
                message.consumerID = consumerID
                return StoredTopicMessage(message: message, eventBytes: [UInt8](row["event"] as Data))
            }
        }
    }
}
