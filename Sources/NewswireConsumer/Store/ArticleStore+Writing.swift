public import NewsModels
internal import GRDB
public import Foundation
internal import SwiftProtobuf

/// What storing an article did.
public enum StoreResult: Sendable, Equatable {
    /// Stored now; these topic messages (with their sequence numbers) are to be published.
    case stored([TopicMessage])
    /// The article id was stored before: a redelivery. Nothing was written.
    case duplicate
}

extension ArticleStore {
    /// Stores an article, its topics and its stream rows in one transaction.
    /// A known article id writes nothing and returns ``StoreResult/duplicate``.
    public func store(_ event: ArticleEvent, classifications: [Classification], consumerID: String, at date: Date = Date()) async throws -> StoreResult {
        let eventBytes: [UInt8] = try event.serializedBytes()
        return try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE id = ?", arguments: [event.articleID]) == true {
                return .duplicate
            }
            let article = event.article
            try db.execute(
                sql: """
                    INSERT INTO articles (id, source, url, title, subtitle, dateline, byline, published_at, fetched_at,
                        accepted_at, stored_at, language, word_count, truncated, content_hash, paragraphs, quotes,
                        people, organizations, places, metadata, parser_version, delivery_attempts, event)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    event.articleID, event.source, event.url, article.title,
                    article.subtitle.nilIfEmpty, article.dateline.nilIfEmpty, article.byline.nilIfEmpty,
                    article.hasPublishedAt ? article.publishedAt.date : nil,
                    event.hasFetchedAt ? event.fetchedAt.date : nil,
                    event.hasAcceptedAt ? event.acceptedAt.date : nil,
                    date, article.language, Int(article.wordCount), article.truncated, article.contentHash,
                    try JSONText(article.paragraphs), try JSONText(article.quotes.map { ["text": $0.text, "speaker": $0.speaker] }),
                    try JSONText(article.people), try JSONText(article.organizations), try JSONText(article.places),
                    try JSONText(event.metadata), event.parserVersion, Int(max(event.deliveryAttempt, 1)), Data(eventBytes),
                ])
            var sequence = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM stream") ?? 0
            var messages: [TopicMessage] = []
            for classification in classifications {
                try db.execute(
                    sql: """
                        INSERT INTO article_topics (article_id, topic_id, label, score, threshold, evidence, classifier_version, taxonomy_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        event.articleID, classification.topicID, classification.label, classification.score,
                        classification.threshold, try JSONText(classification.evidence.map(EvidenceRecord.init)),
                        classification.classifierVersion, classification.taxonomyVersion,
                    ])
                let topicSequence = (try Int64.fetchOne(db, sql: "SELECT MAX(topic_sequence) FROM stream WHERE topic_id = ?", arguments: [classification.topicID]) ?? 0) + 1
                sequence += 1
                try db.execute(
                    sql: "INSERT INTO stream (sequence, topic_id, topic_sequence, article_id, classified_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [sequence, classification.topicID, topicSequence, event.articleID, date])
                var message = TopicMessage()
                message.sequence = UInt64(sequence)
                message.topicSequence = UInt64(topicSequence)
                message.topicID = classification.topicID
                message.classification = classification
                message.article = event
                message.classifiedAt = Google_Protobuf_Timestamp(date: date)
                message.consumerID = consumerID
                messages.append(message)
            }
            return .stored(messages)
        }
    }
}

/// Evidence as stored in `article_topics.evidence` (JSON).
struct EvidenceRecord: Codable, Sendable {
    var phrase: String
    var matched: String
    var paragraph: Int
    var start: Int
    var end: Int
    var weight: Double

    init(_ evidence: EvidenceMessage) {
        phrase = evidence.phrase
        matched = evidence.matched
        paragraph = Int(evidence.paragraph)
        start = Int(evidence.start)
        end = Int(evidence.end)
        weight = evidence.weight
    }

    var message: EvidenceMessage {
        var evidence = EvidenceMessage()
        evidence.phrase = phrase
        evidence.matched = matched
        evidence.paragraph = Int32(paragraph)
        evidence.start = UInt32(start)
        evidence.end = UInt32(end)
        evidence.weight = weight
        return evidence
    }
}

/// A JSON column value.
struct JSONText: DatabaseValueConvertible {
    let text: String
    init(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }
    var databaseValue: DatabaseValue { text.databaseValue }
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JSONText? { nil }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
