public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireConsumer

/// `newswire search`: full-text search over the stored articles' titles and
/// bodies, best match first, with the matching passage.
public struct SearchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search stored articles' titles and bodies (SQLite FTS5), best match first.",
        discussion: """
            The query is FTS5 syntax: words (all must match), "a phrase", OR, NOT, prefix*, \
            title:word. Example: newswire search "kerry lavrov" --topic syria-talks
            """)

    @Argument(help: "The search, e.g. \"kerry lavrov\".")
    var query: String

    @OptionGroup var store: StoreOptions

    @OptionGroup var selection: ArticleSelectionOptions

    @Option(help: "At most this many articles (1 to \(ArticleQuery.maximumLimit)).")
    var limit = 10

    @Flag(help: "One JSON object per line: {id, title, source, url, dateline, publishedAt, storedAt, topics, score, snippet}; the snippet marks matches with U+0002 and U+0003.")
    var json = false

    public init() {}

    public func run() throws {
        let store = try self.store.openReadOnly()
        let page: ArticlePage
        do {
            page = try store.articlePageBlocking(ArticleQuery(topic: selection.topic, source: selection.source, text: query, limit: limit))
        } catch let error as ArticleQueryError {
            let flag = error.parameter == "q" ? "the query" : "--\(error.parameter)"
            throw ValidationError("\(flag): \(error.reason)")
        }
        if json {
            for article in page.articles { print(try ArticleInput.json(article)) }
            return
        }
        if page.articles.isEmpty { print("no article matches \(query)") }
        for article in page.articles {
            let topics = article.topics.map { "\($0.id) (\(String(format: "%.2f", $0.score)))" }.joined(separator: ", ")
            print("\(article.title)\n    \(article.id)  \(article.source)  score \(String(format: "%.3g", article.score ?? 0))  topics: \(topics.isEmpty ? "none" : topics)")
            if let snippet = article.markedSnippet(open: "[", close: "]") {
                print("    " + snippet.replacingOccurrences(of: "\n", with: " "))
            }
        }
    }
}
