internal import Foundation
internal import NewsModels
internal import SwiftProtobuf

/// The JSON `data` of one live-stream event: the topic message without the
/// article's text (a browser lists titles; `GET /api/v1/articles/{id}` has the rest).
struct StreamEventData: Encodable {
    struct Article: Encodable {
        var id: String
        var title: String
        var source: String
        var url: String
        var dateline: String?
        var publishedAt: String?
    }

    var sequence: UInt64
    var topicSequence: UInt64
    var topicId: String
    var label: String
    var score: Double
    var classifiedAt: String
    var consumerId: String
    var article: Article

    init(_ message: TopicMessage) {
        sequence = message.sequence
        topicSequence = message.topicSequence
        topicId = message.topicID
        label = message.classification.label
        score = message.classification.score
        classifiedAt = StoredTime(message.classifiedAt).iso8601
        consumerId = message.consumerID
        let parsed = message.article.article
        article = Article(
            id: message.article.articleID, title: parsed.title, source: message.article.source, url: message.article.url,
            dateline: parsed.dateline.isEmpty ? nil : parsed.dateline,
            publishedAt: parsed.hasPublishedAt ? StoredTime(parsed.publishedAt).iso8601 : nil)
    }

    /// `message` as a ready-to-write event.
    static func event(_ message: TopicMessage) -> StreamEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; an empty object keeps the stream well formed if it ever did.
        let data = (try? encoder.encode(StreamEventData(message))).map { Array($0) } ?? Array("{}".utf8)
        return StreamEvent(sequence: message.sequence, topicID: message.topicID, data: data)
    }
}
