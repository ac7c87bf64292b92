import Foundation
import NewsModels
import NewswireProducer
import NewswireTesting
import SwiftProtobuf
import Testing

@Suite("Article intake")
struct ArticleIntakeTests {
    let intake = ArticleIntake(maximumArticleBytes: 64 * 1024)

    func raw(_ text: String, source: String = "test-scraper") -> RawArticle {
        var raw = RawArticle()
        raw.source = source
        raw.url = "https://example.com/a"
        raw.text = text
        raw.requestID = "r1"
        return raw
    }

    @Test("a sample article becomes an event with a stable id and the parsed fields")
    func acceptsSample() throws {
        let text = try Fixtures.string(Fixtures.firstSeed)
        let accepted = try intake.accept(raw(text))
        #expect(accepted.requestID == "r1")
        #expect(accepted.event.source == "test-scraper")
        #expect(accepted.event.article.title == "Kerry Says US and Russia Are Working Toward Syria Talks")
        #expect(accepted.event.article.paragraphs.count == 22)
        #expect(accepted.event.articleID.count == 32)
        #expect(accepted.event.articleID == ArticleIdentity.id(source: "test-scraper", contentHash: accepted.event.article.contentHash))
        // Same text, other whitespace: same id. Other source: other id.
        let reindented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n")
        #expect(try intake.accept(raw(reindented)).event.articleID == accepted.event.articleID)
        #expect(try intake.accept(raw(text, source: "other")).event.articleID != accepted.event.articleID)
    }

    @Test("protobuf and JSON frames of the same raw article give the same event")
    func jsonAndBinary() throws {
        let article = raw(try Fixtures.string(Fixtures.secondSeed))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let binary = try intake.accept(frames: WireMessage(.rawArticle, article).frames, now: now)
        let json = try intake.accept(frames: WireMessage(.rawArticle, article, contentType: .json).frames, now: now)
        #expect(binary.event == json.event)
    }

    @Test("refusals carry the Nack reason and say what is wrong", arguments: [
        ("", "source", Nack.Reason.invalidArticle),
        ("s", "", Nack.Reason.invalidArticle),
    ])
    func refusals(source: String, text: String, reason: Nack.Reason) throws {
        #expect(throws: ArticleIntake.Refusal.self) { try intake.accept(raw(text, source: source)) }
        do {
            _ = try intake.accept(raw(text, source: source))
        } catch {
            #expect(error.reason == reason)
            #expect(error.requestID == "r1")
            #expect(!error.message.isEmpty)
        }
    }

    @Test("no content, too large, wrong version and wrong type are refused with their reasons")
    func frameRefusals() throws {
        var empty = RawArticle()
        empty.source = "s"
        #expect(throws: ArticleIntake.Refusal(reason: .invalidArticle, message: "the article has no content: set 'body' (bytes) or 'text' (UTF-8)", requestID: "")) {
            try intake.accept(empty)
        }
        var large = raw(String(repeating: "word ", count: 20_000))
        large.requestID = "big"
        do {
            _ = try intake.accept(large)
            Issue.record("a 100 KB article passed a 64 KB limit")
        } catch {
            #expect(error.reason == .tooLarge)
            #expect(error.message.contains("65536"))
        }
        var frames = try WireMessage(.rawArticle, raw("Title\n\nBody text here.")).frames
        frames[0] = Array("newswire/9".utf8)
        do {
            _ = try intake.accept(frames: frames)
            Issue.record("version 9 accepted")
        } catch {
            #expect(error.reason == .unsupportedVersion)
        }
        let ack = try WireMessage(.ack, Ack()).frames
        do {
            _ = try intake.accept(frames: ack)
            Issue.record("an ack accepted as an article")
        } catch {
            #expect(error.reason == .unsupportedType)
        }
        do {
            _ = try intake.accept(frames: [[1, 2, 3]])
            Issue.record("garbage accepted")
        } catch {
            #expect(error.reason == .malformed)
        }
    }
}
