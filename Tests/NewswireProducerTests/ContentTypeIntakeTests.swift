import Foundation
import NewsModels
import NewswireProducer
import SwiftProtobuf
import Testing

/// What the producer does with the `content_type` a scraper declares, and the
/// delivery attempt it stamps on every new event.
@Suite("Article intake: content types and delivery attempts")
struct ContentTypeIntakeTests {
    let intake = ArticleIntake(maximumArticleBytes: 64 * 1024)

    func raw(contentType: String) -> RawArticle {
        var raw = RawArticle()
        raw.source = "content-type-test"
        raw.text = "A Title For The Test\n\nA body paragraph that is long enough to be an article of its own."
        raw.contentType = contentType
        raw.requestID = "ct-1"
        return raw
    }

    @Test("the parser's media types, with parameters and in any case, and an empty one are accepted", arguments: [
        "", "text/plain", "text/html", "application/xhtml+xml", "text/html; charset=windows-1252", "TEXT/PLAIN;charset=UTF-8",
        "; charset=utf-8",
    ])
    func accepted(_ contentType: String) throws {
        let accepted = try intake.accept(raw(contentType: contentType))
        #expect(accepted.event.contentType == contentType)
    }

    @Test("another media type is refused as unsupported, naming it and the accepted ones", arguments: [
        "application/pdf", "image/png", "application/json", "text/markdown", "application/octet-stream; charset=utf-8",
    ])
    func refused(_ contentType: String) throws {
        let refusal = try #require(throws: ArticleIntake.Refusal.self) { try intake.accept(raw(contentType: contentType)) }
        #expect(refusal.reason == .unsupportedType)
        #expect(refusal.requestID == "ct-1")
        #expect(refusal.message.contains("'contentType' is '\(contentType)'"), "\(refusal.message)")
        for supported in ArticleIntake.supportedContentTypes {
            #expect(refusal.message.contains(supported), "\(refusal.message)")
        }
    }

    @Test("a refused content type comes back as a Nack from the frames too (JSON and protobuf)")
    func refusedFromFrames() throws {
        for contentType in [ContentType.json, .protobuf] {
            let frames = try WireMessage(.rawArticle, raw(contentType: "application/pdf"), contentType: contentType).frames
            let refusal = try #require(throws: ArticleIntake.Refusal.self) { try intake.accept(frames: frames) }
            #expect(refusal.reason == .unsupportedType)
            #expect(refusal.message.contains("application/pdf"))
        }
    }

    @Test("accepted_at, and fetched_at when the scraper gave none, are the producer's clock to the whole microsecond")
    func clockPrecision() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000.123_456_789)
        let event = try intake.accept(raw(contentType: ""), now: now).event
        #expect(event.acceptedAt == Google_Protobuf_Timestamp(seconds: 1_700_000_000, nanos: 123_456_000))
        #expect(event.fetchedAt == event.acceptedAt)
        var given = raw(contentType: "")
        given.fetchedAt = Google_Protobuf_Timestamp(seconds: 1_377_266_525, nanos: 123_456_789)
        #expect(try intake.accept(given, now: now).event.fetchedAt == given.fetchedAt, "a scraper's fetched_at is kept as sent")
    }

    @Test("a new event says it is on its first delivery")
    func firstDeliveryAttempt() throws {
        let event = try intake.accept(raw(contentType: "text/plain")).event
        #expect(event.deliveryAttempt == 1)
        let decoded = try ArticleEvent(serializedBytes: try event.serializedBytes() as [UInt8])
        #expect(decoded.deliveryAttempt == 1)
    }
}
