public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireConsumer

/// `newswire query`: lists stored articles with their topics.
public struct QueryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List stored articles with their topics, from the consumer's store.")

    @OptionGroup var store: StoreOptions

    @OptionGroup var selection: ArticleSelectionOptions

    @Option(help: "Only articles stored at or after this time (ISO 8601, e.g. 2026-11-23T08:00:00Z).")
    var since: String?

    @Option(help: "Only articles stored before this time (ISO 8601).")
    var until: String?

    @Option(help: "At most this many articles.")
    var limit = 1000

    @Flag(help: "One JSON object per line: {id, title, source, url, storedAt, topics: [{id, score}], classificationStatus (when not classified)}.")
    var json = false

    public init() {}

    static func date(_ text: String?, flag: String) throws -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        if let date = formatter.date(from: text) { return date }
        throw ValidationError("\(flag): '\(text)' is not an ISO 8601 time such as 2026-11-23T08:00:00Z or 2026-11-23")
    }

    public func run() async throws {
        let store = try await self.store.openStore()
        let filter = ArticleFilter(topic: selection.topic, source: selection.source, since: try Self.date(since, flag: "--since"), until: try Self.date(until, flag: "--until"), limit: limit)
        let articles = try await store.articles(filter)
        try await store.close()
        if json {
            for article in articles { print(try ArticleInput.json(article)) }
            return
        }
        for article in articles {
            let topics = article.topics.map { "\($0.id) (\(String(format: "%.2f", $0.score)))" }.joined(separator: ", ")
            let none = article.classificationStatus ?? "none"
            print("\(article.title)\n    \(article.id)  \(article.source)  topics: \(topics.isEmpty ? none : topics)")
        }
    }
}

/// `newswire stats`: article counts per topic.
public struct StatsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count stored articles, in total and per topic.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "One JSON object: {total, topics: {id: count}}.")
    var json = false

    public init() {}

    struct Output: Encodable {
        var total: Int
        var topics: [String: Int]
    }

    public func run() async throws {
        let store = try await self.store.openStore()
        let counts = try await store.topicCounts()
        try await store.close()
        if json {
            print(try ArticleInput.json(Output(total: counts.total, topics: Dictionary(uniqueKeysWithValues: counts.perTopic.map { ($0.topic, $0.count) }))))
            return
        }
        print("articles: \(counts.total)")
        for entry in counts.perTopic { print("  \(entry.topic): \(entry.count)") }
    }
}
