/// Turns a scraped article (plain text or HTML bytes) into a ``ParsedArticle``.
///
/// Parsing is pure and deterministic: the same bytes and hint always give the
/// same result, and nothing is shared between calls, so one parser can be used
/// from any number of tasks. Every failure is a typed ``ArticleParseError``.
public struct ArticleParser: Sendable {
    /// Limits that protect the producer from pathological input.
    public struct Configuration: Sendable, Equatable {
        /// Inputs larger than this are rejected with `.tooLarge` before any work is done.
        public var maximumInputBytes: Int

        public init(maximumInputBytes: Int = 32 * 1024 * 1024) {
            self.maximumInputBytes = maximumInputBytes
        }
    }

    /// Identifies the parser's output format and heuristics; bumped whenever output can change,
    /// so stored results can be re-parsed.
    public static let version: String = "newsparsing-7"

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Parses raw bytes.
    /// - Parameter contentType: a MIME type hint ("text/plain", "text/html; charset=windows-1252", ...);
    ///   nil or unknown means the type and charset are sniffed from the bytes.
    public func parse(_ bytes: [UInt8], contentType: String? = nil) throws(ArticleParseError) -> ParsedArticle {
        try checkSize(bytes.count)
        let decoded = try bytes.withUnsafeBufferPointer { (p) throws(ArticleParseError) -> InputDecoder.Decoded in
            try InputDecoder.decode(p, contentType: contentType, array: bytes)
        }
        return try parseDecoded(decoded)
    }

    /// Parses text that is already decoded; a charset in `contentType` is ignored.
    public func parse(_ text: String, contentType: String? = nil) throws(ArticleParseError) -> ParsedArticle {
        try checkSize(text.utf8.count)
        // A String is already decoded: keep the media type, declare UTF-8 so no charset is sniffed.
        let mediaType = InputDecoder.ContentType(contentType)?.mediaType ?? ""
        let bytes = Array(text.utf8)
        let decoded = try bytes.withUnsafeBufferPointer { (p) throws(ArticleParseError) -> InputDecoder.Decoded in
            try InputDecoder.decode(p, contentType: mediaType + "; charset=utf-8", array: bytes)
        }
        return try parseDecoded(decoded)
    }

    private func checkSize(_ count: Int) throws(ArticleParseError) {
        guard count <= configuration.maximumInputBytes else {
            throw ArticleParseError(
                .tooLarge,
                "input is \(ArticleParseError.grouped(count)) bytes; the limit is "
                    + "\(ArticleParseError.grouped(configuration.maximumInputBytes)) "
                    + "(ArticleParser.Configuration.maximumInputBytes); raise the limit or skip this document")
        }
    }

    private func parseDecoded(_ decoded: InputDecoder.Decoded) throws(ArticleParseError) -> ParsedArticle {
        let draft: ArticleDraft
        if decoded.isHTML {
            draft = decoded.bytes.withUnsafeBufferPointer { HTMLContentExtractor.extract($0) }
        } else {
            let normalized = decoded.bytes.withUnsafeBufferPointer { TextNormalizer.normalize($0) }
            if normalized.lines.isEmpty {
                throw ArticleParseError(
                    .empty,
                    "input holds no visible text (\(ArticleParseError.grouped(decoded.bytes.count)) bytes of whitespace "
                        + "and invisible characters); pass the article's text or HTML")
            }
            draft = PlainTextExtractor.extract(normalized)
        }
        return try ArticleParser.finish(draft, inputBytes: decoded.bytes.count)
    }
}
