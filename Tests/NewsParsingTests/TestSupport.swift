import Foundation
import NewsParsing
import NewswireTesting

/// Shared helpers for the NewsParsing tests.
enum Parse {
    static let parser = ArticleParser()

    /// Parses a fixture from `Tests/Fixtures/parsing` (or any relative fixture path).
    static func fixture(_ name: String, contentType: String? = nil) throws -> ParsedArticle {
        let path = name.contains("/") ? name : "parsing/" + name
        return try parser.parse([UInt8](try Fixtures.data(path)), contentType: contentType)
    }

    /// The error a fixture or byte string fails with, if any.
    static func error(_ bytes: [UInt8], contentType: String? = nil, parser: ArticleParser = parser) -> ArticleParseError? {
        do {
            _ = try parser.parse(bytes, contentType: contentType)
            return nil
        } catch {
            return error
        }
    }

    /// Parses plain text.
    static func text(_ text: String) throws -> ParsedArticle {
        try parser.parse(text, contentType: "text/plain")
    }

    /// A small article whose first paragraph is `lead`, for dateline and attribution tests.
    static func article(lead: String, rest: [String] = ["The talks are expected to continue next week."]) throws -> ParsedArticle {
        try text((["Officials meet again as talks drag on", lead] + rest).joined(separator: "\n\n"))
    }
}

extension ParsedArticle {
    /// Every visible string of the article, for "this never appears anywhere" checks.
    var allText: [String] {
        [title] + [subtitle, dateline, byline].compactMap { $0 } + paragraphs + quotes.map(\.text)
    }
}
