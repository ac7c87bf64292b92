import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// Purity, determinism and the JSON shape `newswire parse --json` prints.
@Suite("Determinism and encoding")
struct DeterminismTests {
    @Test("The same bytes always give the same article, also in parallel")
    func deterministic() async throws {
        let bytes = [UInt8](try Fixtures.data(Fixtures.secondSeed))
        let reference = try ArticleParser().parse(bytes)
        let parser = ArticleParser()
        let results = try await withThrowingTaskGroup(of: ParsedArticle.self) { group in
            for _ in 0..<8 { group.addTask { try parser.parse(bytes) } }
            var all: [ParsedArticle] = []
            for try await article in group { all.append(article) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test("JSON keys are the property names and the encoding round-trips")
    func jsonShape() throws {
        let article = try Parse.fixture("html_ap_chrome.html")
        let data = try JSONEncoder().encode(article)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected: Set<String> = [
            "title", "subtitle", "dateline", "byline", "publishedAt", "paragraphs", "quotes", "people", "organizations",
            "places", "language", "wordCount", "truncated", "contentHash", "removedLines",
        ]
        #expect(Set(object.keys) == expected)
        let quote = try #require((object["quotes"] as? [[String: Any]])?.first)
        #expect(Set(quote.keys) == ["text", "speaker", "paragraph"])
        #expect(try JSONDecoder().decode(ParsedArticle.self, from: data) == article)
    }

    @Test("Version and configuration")
    func versionAndConfiguration() {
        #expect(ArticleParser.version == "newsparsing-7")
        var parser = ArticleParser()
        #expect(parser.configuration == ArticleParser.Configuration())
        parser.configuration.maximumInputBytes = 10
        #expect(parser.configuration.maximumInputBytes == 10)
    }

    @Test("Every fixture parses or fails with a typed error, never a trap", arguments: try Fixtures.files(in: "parsing"))
    func everyFixture(_ url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        do {
            let article = try ArticleParser().parse(bytes)
            #expect(!article.title.isEmpty)
            #expect(!article.paragraphs.isEmpty)
            #expect(article.wordCount > 0)
        } catch {
            let expected: Set<ArticleParseError.Code> = [.empty, .binary, .invalidEncoding]
            #expect(expected.contains(error.code), "\(url.lastPathComponent): \(error)")
        }
    }
}
