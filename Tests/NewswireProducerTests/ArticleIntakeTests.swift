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

    @Test("the encoded event is checked against --max-event-bytes: an article whose event is too large is refused, naming both sizes")
    func eventLimit() throws {
        let text = try Fixtures.string(Fixtures.firstSeed)
        // A fixed clock: the acceptance time's nanoseconds change the encoded size by a few bytes.
        let now = Date(timeIntervalSince1970: 1_765_000_000.123456)
        let unlimited = ArticleIntake(maximumArticleBytes: 64 * 1024, maximumEventBytes: 1 << 30)
        let accepted = try unlimited.accept(raw(text), now: now)
        let encoded: [UInt8] = try accepted.event.serializedBytes()
        #expect(accepted.eventBytes == encoded, "the outbox keeps exactly the event it checked")
        let needed = accepted.eventBytes.count + ArticleIntake.deliveryAttemptAllowance

        // A redelivery adds delivery_attempt: the allowance covers its largest value.
        var redelivered = accepted.event
        redelivered.deliveryAttempt = .max
        let redeliveredBytes: [UInt8] = try redelivered.serializedBytes()
        #expect(redeliveredBytes.count <= needed)

        #expect(try ArticleIntake(maximumArticleBytes: 64 * 1024, maximumEventBytes: needed).accept(raw(text), now: now).event.articleID == accepted.event.articleID)
        do {
            _ = try ArticleIntake(maximumArticleBytes: 64 * 1024, maximumEventBytes: needed - 1).accept(raw(text), now: now)
            Issue.record("an event one byte over the limit was accepted")
        } catch {
            #expect(error.reason == .tooLarge)
            #expect(error.requestID == "r1")
            #expect(error.message.contains("event would be \(needed) bytes"), "\(error.message)")
            #expect(error.message.contains("is \(needed - 1) (--max-event-bytes)"), "\(error.message)")
        }

        // Small text, large metadata: the metadata is what the refusal points at.
        var heavy = raw("Title\n\nA short body of one sentence.")
        heavy.metadata = ["tags": String(repeating: "x", count: 5000)]
        do {
            _ = try ArticleIntake(maximumArticleBytes: 64 * 1024, maximumEventBytes: 4096).accept(heavy)
            Issue.record("5 KB of metadata passed a 4 KB event limit")
        } catch {
            #expect(error.reason == .tooLarge)
            #expect(error.message.contains("metadata 5004 bytes"), "\(error.message)")
        }
    }

    @Test("frame 4 may be --max-article-bytes plus the 64 KiB envelope allowance, no more")
    func payloadLimit() throws {
        let intake = ArticleIntake(maximumArticleBytes: 2048, maximumEventBytes: 1 << 20)
        #expect(intake.maximumPayloadBytes == 2048 + 65_536)
        var article = raw("Title\n\nA short body of one sentence.")
        article.metadata = ["notes": String(repeating: "m", count: 60_000)]
        #expect(throws: Never.self) { try intake.accept(frames: WireMessage(.rawArticle, article).frames) }
        article.metadata = ["notes": String(repeating: "m", count: 70_000)]
        let oversized = try WireMessage(.rawArticle, article).frames
        do {
            _ = try intake.accept(frames: oversized)
            Issue.record("a 70 KB frame passed a 66 KB payload limit")
        } catch {
            #expect(error.reason == .tooLarge)
            #expect(error.message.contains("the limit is \(2048 + 65_536)"), "\(error.message)")
            #expect(error.requestID == "r1", "the refusal echoes the request id, though the payload was too large")
        }
    }

    @Test("an article id is the first 16 bytes of SHA-256(source, newline, content hash) in lowercase hex (proto-docs)")
    func articleIDKnownAnswers() {
        // Known answers from Python's hashlib.sha256(...).hexdigest()[:32].
        #expect(ArticleIdentity.id(source: "reuters", contentHash: String(repeating: "0", count: 64)) == "3d73ecec4afddf51b64d1c22f60b71f6")
        #expect(ArticleIdentity.id(source: "agência", contentHash: "ab12") == "7194f92c3cfbaad96100c505c58fdd92")
    }
}
