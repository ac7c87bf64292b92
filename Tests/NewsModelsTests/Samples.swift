import Foundation
import NewsModels
import SwiftProtobuf

/// Fully populated protocol messages: every field set, to a value that shows
/// how it is encoded (non-ASCII text, negative and > 2^53 integers, nanosecond
/// timestamps, maps with several keys, both arms of the `content` oneof).
///
/// The golden files in Tests/Fixtures/protocol are these values encoded; see
/// `GoldenFileTests`.
enum Samples {
    static func timestamp(_ seconds: Int64, nanos: Int32 = 0) -> Google_Protobuf_Timestamp {
        Google_Protobuf_Timestamp(seconds: seconds, nanos: nanos)
    }

    /// 2013-08-23T14:02:05.250Z and friends.
    static let fetchedAt = timestamp(1_377_266_525, nanos: 250_000_000)
    static let publishedAt = timestamp(1_377_259_200)
    static let acceptedAt = timestamp(1_377_266_526, nanos: 1)
    static let classifiedAt = timestamp(1_377_266_530, nanos: 999_999_999)

    static let articleID = "3f2a9c4e1b7d6a5f0e8c2b4d6f8a1c3e"
    static let contentHash = "9b0e5d2c7a1f4e3b8d6c0a2f5e7b9d1c3a5f7e9b1d3c5a7f9e1b3d5c7a9f1e3b"

    static let articleText = """
        Kerry Says US and Russia Are Working Toward Syria Talks

        BANDAR SERI BEGAWAN, Brunei — Secretary of State John Kerry said on Thursday that \
        the United States and Russia were “working hard” toward a peace conference on Syria.

        “We are committed,” Mr. Kerry said. Café owners in Brunei — naïvely — agreed.
        """

    static var rawArticle: RawArticle {
        var article = RawArticle()
        article.source = "nytimes"
        article.url = "https://www.nytimes.com/2013/07/02/world/asia/kerry-syria.html"
        article.fetchedAt = fetchedAt
        article.contentType = "text/plain; charset=utf-8"
        article.text = articleText
        article.requestID = "req-0001"
        article.metadata = ["crawler": "newswire-scraper/2.1", "section": "world/asia", "lang-hint": "en"]
        return article
    }

    /// The other arm of the `content` oneof: raw bytes in a legacy charset.
    static var rawArticleBody: RawArticle {
        var article = rawArticle
        article.contentType = "text/html; charset=windows-1252"
        // "<p>Caf\u{e9} \u{93}quoted\u{94}</p>" in windows-1252.
        article.body = Data([0x3C, 0x70, 0x3E, 0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x3C, 0x2F, 0x70, 0x3E])
        article.requestID = "req-0002"
        return article
    }

    static var parsedArticle: ParsedArticleMessage {
        var parsed = ParsedArticleMessage()
        parsed.title = "Kerry Says US and Russia Are Working Toward Syria Talks"
        parsed.subtitle = "A push for a Geneva conference"
        parsed.dateline = "BANDAR SERI BEGAWAN, Brunei"
        parsed.byline = "By Michael R. Gordon"
        parsed.publishedAt = publishedAt
        parsed.paragraphs = [
            "Secretary of State John Kerry said on Thursday that the United States and Russia were “working hard” toward a peace conference on Syria.",
            "“We are committed,” Mr. Kerry said. Café owners in Brunei — naïvely — agreed.",
        ]
        var first = QuoteMessage()
        first.text = "working hard"
        first.speaker = "John Kerry"
        first.paragraph = 0
        var second = QuoteMessage()
        second.text = "We are committed,"
        second.speaker = "John Kerry"
        second.paragraph = 1
        var anonymous = QuoteMessage()
        anonymous.text = "naïvely"
        anonymous.speaker = ""
        anonymous.paragraph = 1
        parsed.quotes = [first, second, anonymous]
        parsed.people = ["John Kerry", "Michael R. Gordon"]
        parsed.organizations = ["State Department"]
        parsed.places = ["Brunei", "Russia", "Syria", "United States"]
        parsed.language = "en"
        parsed.wordCount = 42
        parsed.truncated = true
        parsed.contentHash = contentHash
        return parsed
    }

    static var articleEvent: ArticleEvent {
        var event = ArticleEvent()
        event.articleID = articleID
        event.source = "nytimes"
        event.url = rawArticle.url
        event.fetchedAt = fetchedAt
        event.acceptedAt = acceptedAt
        event.contentType = "text/plain; charset=utf-8"
        event.article = parsedArticle
        event.parserVersion = "newsparsing-1"
        event.metadata = rawArticle.metadata
        event.deliveryAttempt = 3
        return event
    }

    static var ack: Ack {
        var ack = Ack()
        ack.requestID = "req-0001"
        ack.articleID = articleID
        ack.status = .duplicate
        return ack
    }

    static var nack: Nack {
        var nack = Nack()
        nack.requestID = "req-0001"
        nack.articleID = articleID
        nack.reason = .busy
        nack.message = "the outbox holds 10000 undelivered articles (limit 10000); retry later"
        return nack
    }

    static var classification: Classification {
        var title = EvidenceMessage()
        title.phrase = "peace talks"
        title.matched = "Syria Talks"
        title.paragraph = -1
        title.start = 44
        title.end = 55
        title.weight = 1.5
        var body = EvidenceMessage()
        body.phrase = "peace conference"
        body.matched = "peace conference"
        body.paragraph = 0
        body.start = 112
        body.end = 128
        body.weight = 0.75
        var classification = Classification()
        classification.topicID = "syria-talks"
        classification.label = "Syria peace talks"
        classification.score = 0.8125
        classification.threshold = 0.5
        classification.evidence = [title, body]
        classification.classifierVersion = "keyword-ac-1"
        classification.taxonomyVersion = "newswire-default-3"
        return classification
    }

    static var topicMessage: TopicMessage {
        var message = TopicMessage()
        // Above 2^53: JSON carries 64-bit integers as strings so nothing is lost.
        message.sequence = 9_007_199_254_740_993
        message.topicSequence = 17
        message.topicID = "syria-talks"
        message.classification = classification
        message.article = articleEvent
        message.classifiedAt = classifiedAt
        message.consumerID = "consumer-7f3a"
        return message
    }

    static var replayRequest: ReplayRequest {
        var request = ReplayRequest()
        request.topics = ["syria-talks", "arms-supply"]
        request.afterSequence = 1200
        request.since = publishedAt
        request.limit = 500
        request.requestID = "replay-1"
        return request
    }

    static var replayEnd: ReplayEnd {
        var end = ReplayEnd()
        end.requestID = "replay-1"
        end.lastSequence = 1700
        end.headSequence = 1734
        end.count = 500
        end.truncated = true
        return end
    }
}

/// One golden file pair: `<name>.binpb` and `<name>.json` in Tests/Fixtures/protocol.
struct GoldenCase: Sendable, CustomStringConvertible {
    let name: String
    let type: MessageType
    let value: any SwiftProtobuf.Message & Sendable

    var description: String { name }

    static let all: [GoldenCase] = [
        GoldenCase(name: "raw-article", type: .rawArticle, value: Samples.rawArticle),
        GoldenCase(name: "raw-article-body", type: .rawArticle, value: Samples.rawArticleBody),
        GoldenCase(name: "article-event", type: .articleEvent, value: Samples.articleEvent),
        GoldenCase(name: "ack", type: .ack, value: Samples.ack),
        GoldenCase(name: "nack", type: .nack, value: Samples.nack),
        GoldenCase(name: "topic-message", type: .topicMessage, value: Samples.topicMessage),
        GoldenCase(name: "replay-request", type: .replayRequest, value: Samples.replayRequest),
        GoldenCase(name: "replay-end", type: .replayEnd, value: Samples.replayEnd),
    ]
}
