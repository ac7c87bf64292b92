internal import NewsModels
internal import Foundation
public import SwiftProtobuf
internal import PostgresNIO
internal import NIOCore

extension PostgresArticleStore {
    public func headSequence() async throws -> UInt64 {
        try await perform("read the stream head") { [client, logger] in
            var head: Int64 = 0
            for try await (value) in try await client.query("SELECT sequence FROM stream_head", logger: logger).decode(Int64.self) {
                head = value
            }
            return UInt64(head)
        }
    }

    /// As ``ArticleStore/storedTopicMessages(afterSequence:since:topics:limit:consumerID:)``,
    /// from the shared stream: each message names the consumer that stored it
    /// (not `consumerID`), so replay from any consumer returns the same messages,
    /// and they equal those published live.
    public func storedTopicMessages(
        afterSequence: UInt64, since: Google_Protobuf_Timestamp?, topics: [String], limit: Int, consumerID: String
    ) async throws -> [StoredTopicMessage] {
        let after = Int64(clamping: afterSequence)
        let sinceMilliseconds = since.map { StoredTime($0).milliseconds } ?? Int64.min
        return try await perform("read stream messages after \(afterSequence)") { [client, logger] in
            let rows = try await client.query("""
                SELECT s.sequence, s.topic_id, s.topic_sequence, (extract(epoch FROM s.classified_at) * 1000)::bigint,
                    s.consumer_id, a.event, t.label, t.score, t.threshold, t.evidence::text, t.classifier_version, t.taxonomy_version
                FROM stream s
                JOIN articles a ON a.number = s.article_number
                JOIN article_topics t ON t.article_number = s.article_number AND t.topic_id = s.topic_id
                WHERE s.sequence > \(after)
                    AND (\(sinceMilliseconds) = \(Int64.min) OR s.classified_at >= 'epoch'::timestamptz + \(sinceMilliseconds) * interval '1 millisecond')
                    AND (cardinality(\(topics)::text[]) = 0 OR s.topic_id = ANY(\(topics)::text[]))
                ORDER BY s.sequence
                LIMIT \(Int64(limit))
                """, logger: logger)
            var messages: [StoredTopicMessage] = []
            for try await row in rows {
                let (sequence, topicID, topicSequence, classifiedAt, storedBy, event, label, score, threshold, evidence, classifierVersion, taxonomyVersion) =
                    try row.decode((Int64, String, Int64, Int64, String, ByteBuffer, String, Double, Double, String, String, String).self)
                var classification = Classification()
                classification.topicID = topicID
                classification.label = label
                classification.score = score
                classification.threshold = threshold
                classification.classifierVersion = classifierVersion
                classification.taxonomyVersion = taxonomyVersion
                let records = (try? JSONDecoder().decode([EvidenceRecord].self, from: Data(evidence.utf8))) ?? []
                classification.evidence = records.map(\.message)
                var message = TopicMessage()
                message.sequence = UInt64(sequence)
                message.topicSequence = UInt64(topicSequence)
                message.topicID = topicID
                message.classification = classification
                message.classifiedAt = StoredTime(milliseconds: classifiedAt).timestamp
                message.consumerID = storedBy
                messages.append(StoredTopicMessage(message: message, eventBytes: Array(buffer: event)))
            }
            return messages
        }
    }

    public func topicCounts() async throws -> (total: Int, perTopic: [(topic: String, count: Int)]) {
        try await perform("count articles") { [client, logger] in
            var total = 0
            for try await (count) in try await client.query("SELECT COUNT(*) FROM articles", logger: logger).decode(Int.self) {
                total = count
            }
            var perTopic: [(topic: String, count: Int)] = []
            for try await (topic, count) in try await client.query(
                "SELECT topic_id, COUNT(*) FROM article_topics GROUP BY topic_id ORDER BY topic_id", logger: logger
            ).decode((String, Int).self) {
                perTopic.append((topic, count))
            }
            return (total, perTopic)
        }
    }

    public func articles(_ filter: ArticleFilter) async throws -> [StoredArticle] {
        let noTime = Int64.min
        let since = filter.since.map { StoredTime($0).milliseconds } ?? noTime
        let until = filter.until.map { StoredTime($0).milliseconds } ?? noTime
        return try await perform("list articles") { [client, logger] in
            let rows = try await client.query("""
                SELECT a.id, a.title, a.source, a.url, (extract(epoch FROM a.stored_at) * 1000)::bigint, a.classification_status,
                    COALESCE((SELECT array_agg(t.topic_id ORDER BY t.score DESC, t.topic_id) FROM article_topics t WHERE t.article_number = a.number), '{}'),
                    COALESCE((SELECT array_agg(t.score ORDER BY t.score DESC, t.topic_id) FROM article_topics t WHERE t.article_number = a.number), '{}')
                FROM articles a
                WHERE (\(filter.topic ?? "")::text = '' OR a.number IN (SELECT article_number FROM article_topics WHERE topic_id = \(filter.topic ?? "")::text))
                    AND (\(filter.source ?? "")::text = '' OR a.source = \(filter.source ?? "")::text)
                    AND (\(since) = \(noTime) OR a.stored_at >= 'epoch'::timestamptz + \(since) * interval '1 millisecond')
                    AND (\(until) = \(noTime) OR a.stored_at < 'epoch'::timestamptz + \(until) * interval '1 millisecond')
                ORDER BY a.stored_at, a.id
                LIMIT \(Int64(filter.limit))
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await (id, title, source, url, storedAt, status, topicIDs, scores) in rows.decode(
                (String, String, String, String, Int64, String?, [String], [Double]).self
            ) {
                articles.append(StoredArticle(
                    id: id, title: title, source: source, url: url,
                    storedAt: Date(timeIntervalSince1970: Double(storedAt) / 1000),
                    topics: zip(topicIDs, scores).map { StoredArticle.Topic(id: $0, score: $1) }, classificationStatus: status))
            }
            return articles
        }
    }
}
