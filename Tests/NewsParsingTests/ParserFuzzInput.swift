import NewsParsing

/// How one libFuzzer input drives the article parser.
///
/// Shared, as this one file, by the fuzzer (`Fuzz/Sources/ParserFuzzer` links
/// it) and by the corpus replay test, so a saved input means the same in both.
///
/// Layout: byte 0 picks the content-type hint (low 3 bits) and the entry point
/// (bit 7: `parse(String)` on the lossily decoded text, else `parse([UInt8])`);
/// the rest is the document.
enum ParserFuzzInput {
    /// The hints byte 0 chooses from: none (sniff), both media types, and the
    /// charsets the decoder knows, declares without a BOM, and does not know.
    static let contentTypes: [String?] = [
        nil, "text/plain", "text/html", "text/html; charset=windows-1252",
        "text/plain; charset=iso-8859-15", "text/plain; charset=utf-16",
        "text/html; charset=x-unknown", "application/octet-stream",
    ]

    /// Small enough that a fuzz run also reaches the `.tooLarge` refusal.
    static let parser = ArticleParser(configuration: .init(maximumInputBytes: 256 * 1024))

    /// What one input did: an article, or the typed error the parser refused it with.
    typealias Outcome = Result<ParsedArticle, ArticleParseError>

    /// Parses `input` as the layout above says; an empty input does nothing.
    static func run(_ input: [UInt8]) -> Outcome? {
        guard let selector = input.first else { return nil }
        let contentType = contentTypes[Int(selector & 0x07)]
        let document = Array(input.dropFirst())
        if selector & 0x80 != 0 {
            let text = String(decoding: document, as: UTF8.self)
            return Result { () throws(ArticleParseError) in try parser.parse(text, contentType: contentType) }
        }
        return Result { () throws(ArticleParseError) in try parser.parse(document, contentType: contentType) }
    }

    /// Properties every parsed article has; a non-empty answer is a parser bug.
    static func violations(of outcome: Outcome, input: [UInt8]) -> [String] {
        guard case .success(let article) = outcome else { return [] }
        var found: [String] = []
        let hexDigits = Set("0123456789abcdef")
        if article.contentHash.count != 64 || !article.contentHash.allSatisfy(hexDigits.contains) {
            found.append("contentHash '\(article.contentHash)' is not 64 lowercase hex digits")
        }
        if article.title.isEmpty && article.paragraphs.isEmpty {
            found.append("an accepted article has neither title nor paragraphs")
        }
        // The parser builds its strings from its buffers without validating them again
        // (`String(copyingValidUTF8:)`): every one must still be valid UTF-8.
        let strings = [article.title, article.subtitle, article.dateline, article.byline, article.language].compactMap { $0 }
            + article.paragraphs + article.people + article.organizations + article.places + article.removedLines
            + article.quotes.flatMap { [$0.text, $0.speaker].compactMap { $0 } }
        for string in strings where String(validating: Array(string.utf8), as: UTF8.self) == nil {
            found.append("an output string is not valid UTF-8: \(Array(string.utf8).prefix(64))")
        }
        if run(input) != outcome {
            found.append("parsing the same input twice gave different results")
        }
        return found
    }
}
