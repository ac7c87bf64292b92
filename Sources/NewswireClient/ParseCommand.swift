public import ArgumentParser
internal import Foundation
internal import NewsParsing

/// `newswire parse FILE|-`: shows what the parser makes of one raw article.
public struct ParseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one raw article (text or HTML) and print its fields; no service needed.")

    @Argument(help: "The article file, or - for stdin.")
    var path: String

    @Flag(help: "Print one JSON object (title, subtitle, dateline, byline, paragraphs, quotes, people, places, truncated, contentHash, …).")
    var json = false

    public init() {}

    public func run() throws {
        let input = try ArticleInput.read(path)
        let article: ParsedArticle
        do {
            article = try ArticleParser().parse(input.bytes, contentType: input.contentType)
        } catch {
            FileHandle.standardError.write(Data("newswire parse: \(path): \(error.code): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            print(try ArticleInput.json(article, pretty: true))
            return
        }
        print("title:     \(article.title)")
        if let subtitle = article.subtitle { print("subtitle:  \(subtitle)") }
        if let dateline = article.dateline { print("dateline:  \(dateline)") }
        if let byline = article.byline { print("byline:    \(byline)") }
        print("language:  \(article.language)   words: \(article.wordCount)   truncated: \(article.truncated)")
        print("people:    \(article.people.joined(separator: "; "))")
        print("places:    \(article.places.joined(separator: "; "))")
        print("orgs:      \(article.organizations.joined(separator: "; "))")
        print("hash:      \(article.contentHash)")
        print("")
        for (index, paragraph) in article.paragraphs.enumerated() { print("[\(index)] \(paragraph)") }
        if !article.quotes.isEmpty {
            print("")
            for quote in article.quotes { print("“\(quote.text)” — \(quote.speaker ?? "(unattributed)")") }
        }
    }
}
