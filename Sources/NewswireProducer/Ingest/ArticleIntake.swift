public import NewsModels
public import NewsParsing
public import Foundation
internal import SwiftProtobuf

/// Turns one ingest message into an article event: decode the raw article,
/// parse it, derive its id, and encode the event the consumers will get.
/// Pure: no I/O, so it is tested directly.
///
/// Three limits, checked in this order (proto-docs §7):
/// 1. frame 4 (the encoded `RawArticle`) ≤ ``maximumPayloadBytes``
///    (`--max-article-bytes` + 64 KiB of room for url, metadata and encoding);
/// 2. the article itself (`body` bytes or `text` UTF-8) ≤ `--max-article-bytes`;
/// 3. the encoded `ArticleEvent`, plus room for `delivery_attempt`, ≤
///    `--max-event-bytes`, the limit shared with the consumers: an article is
///    acknowledged only when a consumer will take its event.
public struct ArticleIntake: Sendable {
    public let parser: ArticleParser
    public let maximumArticleBytes: Int
    public let maximumEventBytes: Int

    /// Room left in frame 4 of a raw article for everything but the article
    /// itself (source, url, metadata, field tags, JSON quoting).
    public static let envelopeAllowance = 64 * 1024

    /// Room for `delivery_attempt` (field 10: a one-byte tag and a varint of
    /// at most 5 bytes) to grow on redelivery; the committed event carries 1.
    public static let deliveryAttemptAllowance = 6

    public init(maximumArticleBytes: Int = WireProtocol.defaultMaximumMessageBytes, maximumEventBytes: Int = WireProtocol.defaultMaximumMessageBytes) {
        self.maximumArticleBytes = maximumArticleBytes
        self.maximumEventBytes = maximumEventBytes
        self.parser = ArticleParser(configuration: .init(maximumInputBytes: maximumArticleBytes))
    }

    /// The largest frame 4 (encoded `RawArticle`) taken off the ingest socket.
    public var maximumPayloadBytes: Int { maximumArticleBytes + Self.envelopeAllowance }

    /// An accepted article, ready for the outbox.
    public struct Accepted: Sendable {
        public var requestID: String
        public var event: ArticleEvent
        /// `event` encoded as protobuf: the bytes the outbox keeps and the consumers get.
        public var eventBytes: [UInt8]
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
            wire = try WireMessage(frames: frames, maximumBytes: maximumPayloadBytes)
        } catch {
            // An oversized payload is still at hand (under the socket's cap):
            // echo its request id so a pipelining client can match the refusal.
            let requestID = error.code == .tooLarge ? Self.requestID(in: frames) : ""
            throw Refusal(reason: error.nackReason, message: error.message, requestID: requestID)
        }
        let raw: RawArticle
        do {
            raw = try wire.decode(RawArticle.self, expecting: .rawArticle)
        } catch {
            throw Refusal(reason: error.nackReason, message: error.message, requestID: error.requestID)
        }
        return try accept(raw, now: now)
    }

    /// The `request_id` of a raw article whatever its size; empty when the payload does not decode.
    static func requestID(in frames: some Collection<[UInt8]>) -> String {
        guard let wire = try? WireMessage(frames: frames, maximumBytes: .max),
              let raw = try? wire.decode(RawArticle.self, expecting: .rawArticle)
        else { return "" }
        return raw.requestID
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
        let field: String
        switch raw.content {
        case .body(let data): (body, field) = ([UInt8](data), "body")
        case .text(let text): (body, field) = (Array(text.utf8), "text")
        case nil:
            throw Refusal(reason: .invalidArticle, message: "the article has no content: set 'body' (bytes) or 'text' (UTF-8)", requestID: raw.requestID)
        }
        guard body.count <= maximumArticleBytes else {
            throw Refusal(
                reason: .tooLarge, message: "the article ('\(field)') is \(body.count) bytes; the limit is \(maximumArticleBytes) (--max-article-bytes)",
                requestID: raw.requestID)
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
        let eventBytes: [UInt8]
        do {
            eventBytes = try event.serializedBytes()
        } catch {
            throw Refusal(reason: .internal, message: "could not encode the article event: \(error)", requestID: raw.requestID)
        }
        let deliveredBytes = eventBytes.count + Self.deliveryAttemptAllowance
        guard deliveredBytes <= maximumEventBytes else {
            throw Refusal(
                reason: .tooLarge,
                message: "the article event would be \(deliveredBytes) bytes (parsed text, metadata \(Self.metadataBytes(raw.metadata)) bytes and fields); the event limit shared with the consumers is \(maximumEventBytes) (--max-event-bytes)",
                requestID: raw.requestID)
        }
        return Accepted(requestID: raw.requestID, event: event, eventBytes: eventBytes)
    }

    /// Keys and values of `metadata`, in UTF-8 bytes: named in a refusal so the
    /// scraper sees whether its metadata or its text made the event too large.
    static func metadataBytes(_ metadata: [String: String]) -> Int {
        metadata.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
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
