public import NewsModels
public import NewsParsing
public import Foundation
internal import SwiftProtobuf

/// Turns one ingest message into an article event: decode the raw article,
/// parse it, and derive its id. Pure: no I/O, so it is tested directly.
public struct ArticleIntake: Sendable {
    public let parser: ArticleParser
    public let maximumArticleBytes: Int

    public init(maximumArticleBytes: Int = WireProtocol.defaultMaximumMessageBytes) {
        self.maximumArticleBytes = maximumArticleBytes
        self.parser = ArticleParser(configuration: .init(maximumInputBytes: maximumArticleBytes))
    }

    /// An accepted article, ready for the outbox.
    public struct Accepted: Sendable {
        public var requestID: String
        public var event: ArticleEvent
    }

    /// Why an article was refused; becomes the Nack.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: Nack.Reason
        public var message: String
        public var requestID: String
        public var description: String { "\(reason.label): \(message)" }

        public init(reason: Nack.Reason, message: String, requestID: String) {
            self.reason = reason
            self.message = message
            self.requestID = requestID
        }
    }

    /// Decodes and parses the protocol frames of one ingest message.
    public func accept(frames: some Collection<[UInt8]>, now: Date = Date()) throws(Refusal) -> Accepted {
        let wire: WireMessage
        do {
            wire = try WireMessage(frames: frames, maximumBytes: maximumArticleBytes + 64 * 1024)
        } catch {
            throw Refusal(reason: error.nackReason, message: error.message, requestID: "")
        }
        let raw: RawArticle
        do {
            raw = try wire.decode(RawArticle.self, expecting: .rawArticle)
        } catch {
            throw Refusal(reason: error.nackReason, message: error.message, requestID: error.requestID)
        }
        return try accept(raw, now: now)
    }

    /// Parses a decoded raw article.
    public func accept(_ raw: RawArticle, now: Date = Date()) throws(Refusal) -> Accepted {
        let source = raw.source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else {
            throw Refusal(reason: .invalidArticle, message: "field 'source' is required (the scraper or site name)", requestID: raw.requestID)
        }
        guard ArticleParser.supports(contentType: raw.contentType) else {
            throw Refusal(reason: .unsupportedType, message: Self.unsupportedContentType(raw.contentType), requestID: raw.requestID)
        }
        let body: [UInt8]
        switch raw.content {
        case .body(let data): body = [UInt8](data)
        case .text(let text): body = Array(text.utf8)
        case nil:
            throw Refusal(reason: .invalidArticle, message: "the article has no content: set 'body' (bytes) or 'text' (UTF-8)", requestID: raw.requestID)
        }
        guard body.count <= maximumArticleBytes else {
            throw Refusal(reason: .tooLarge, message: "article is \(body.count) bytes; the limit is \(maximumArticleBytes)", requestID: raw.requestID)
        }
        let parsed: ParsedArticle
        do {
            parsed = try parser.parse(body, contentType: raw.contentType.isEmpty ? nil : raw.contentType)
        } catch {
            let reason: Nack.Reason = error.code == .tooLarge ? .tooLarge : .invalidArticle
            throw Refusal(reason: reason, message: "\(error.code): \(error.message)", requestID: raw.requestID)
        }
        var event = ArticleEvent()
        event.articleID = ArticleIdentity.id(source: source, contentHash: parsed.contentHash)
        event.source = source
        event.url = raw.url
        event.fetchedAt = raw.hasFetchedAt ? raw.fetchedAt : Self.clockTimestamp(now)
        event.acceptedAt = Self.clockTimestamp(now)
        event.contentType = raw.contentType
        event.article = ParsedArticleMessage(parsed)
        event.parserVersion = ArticleParser.version
        event.metadata = raw.metadata
        event.deliveryAttempt = 1  // the first delivery sends the outbox's bytes as they are
        return Accepted(requestID: raw.requestID, event: event)
    }

    /// The producer's clock to the whole microsecond (proto-docs §5): a `Date`
    /// holds no finer time, and more digits would only be floating-point noise.
    static func clockTimestamp(_ date: Date) -> Google_Protobuf_Timestamp {
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let (seconds, remainder) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        return remainder < 0
            ? Google_Protobuf_Timestamp(seconds: seconds - 1, nanos: Int32(remainder + 1_000_000) * 1000)
            : Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(remainder) * 1000)
    }

    /// The media types a raw article's `content_type` may name (or it is empty).
    public static var supportedContentTypes: [String] { ArticleParser.supportedMediaTypes }

    /// Names the content type refused and the ones the parser reads.
    static func unsupportedContentType(_ contentType: String) -> String {
        "field 'contentType' is '\(contentType.prefix(80))'; the parser reads "
            + ArticleParser.supportedMediaTypes.joined(separator: ", ")
            + " (optionally with '; charset=…'), or leave it empty to sniff text or HTML"
    }
}
