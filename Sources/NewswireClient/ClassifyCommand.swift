public import ArgumentParser
internal import Foundation
internal import NewsParsing
internal import NewsClassification
internal import NewsModels

/// `newswire classify FILE|-`: shows the topics one raw article gets, and why.
public struct ClassifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Parse and classify one raw article; print its topics with score and evidence. No service needed.")

    @Argument(help: "The article file, or - for stdin.")
    var path: String

    @Option(help: "Taxonomy YAML file (default: the built-in taxonomy). (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Flag(help: "Print one JSON object: {\"topics\": [{id, label, score, threshold, evidence}]}, assigned topics only.")
    var json = false

    @Flag(help: "Also show topics that had evidence but stayed under their threshold.")
    var explain = false

    public init() {}

    struct Output: Encodable {
        var topics: [TopicAssignment]
        var classifierVersion: String
        var taxonomy: String
    }

    public func run() throws {
        let taxonomy: Taxonomy
        do {
            taxonomy = topics.isEmpty ? .default : try Taxonomy(contentsOf: topics)
        } catch {
            FileHandle.standardError.write(Data("newswire classify: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let input = try ArticleInput.read(path)
        let article: ParsedArticle
        do {
            article = try ArticleParser().parse(input.bytes, contentType: input.contentType)
        } catch {
            FileHandle.standardError.write(Data("newswire classify: \(path): \(error.code): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let classifier = TopicClassifier(taxonomy: taxonomy)
        let outcome = explain
            ? classifier.score(title: article.title, paragraphs: article.paragraphs, language: article.language)
            : classifier.classify(title: article.title, paragraphs: article.paragraphs, language: article.language)
        let results = outcome.topics
        if json {
            print(try ArticleInput.json(Output(topics: results, classifierVersion: TopicClassifier.version, taxonomy: "\(taxonomy.name)@\(taxonomy.version)")))
            return
        }
        print(article.title)
        if results.isEmpty { print("  (no topic)") }
        for result in results {
            let mark = result.assigned ? "" : "  (below threshold \(result.threshold))"
            print("  \(result.id)  score \(String(format: "%.3f", result.score))\(mark)")
            for evidence in result.evidence {
                let place = evidence.paragraph < 0 ? "title" : "paragraph \(evidence.paragraph)"
                print("    \(String(format: "%+.2f", evidence.weight))  \"\(evidence.matched)\"  (\(evidence.phrase); \(place), bytes \(evidence.start)..<\(evidence.end))")
            }
        }
    }
}
