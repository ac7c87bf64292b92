public import ArgumentParser
internal import Foundation
internal import NewsParsing
internal import NewsClassification
internal import NewsModels

/// `newswire classify PATH…`: shows the topics raw articles get, and why.
public struct ClassifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Parse and classify raw articles; print their topics with score and evidence. No service needed.",
        discussion: """
            Each PATH is an article file, a folder (its .txt, .text, .html and .htm files and files without an \
            extension, recursively, in name order) or - for stdin. With --json, one JSON line per article. \
            Evidence is capped at the \(TopicClassifier.maximumEvidence) strongest items per topic; evidenceTotal counts all. \
            An article in a language the taxonomy does not cover gets no topics and a status 'unclassified: language xx'.
            """)

    @Argument(help: "Article files, folders of articles, or - for stdin.")
    var paths: [String]

    @Option(help: "Taxonomy YAML file (default: the built-in taxonomy). (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Flag(help: "One JSON object per article and line: {path, language, status, topics: [{id, label, score, threshold, evidence, evidenceTotal}], …}; assigned topics only unless --explain.")
    var json = false

    @Flag(help: "Also show topics that stayed under their threshold, and the features and weights that decided each topic.")
    var explain = false

    public init() {}

    struct Output: Encodable {
        var path: String
        var language: String
        var status: String?
        var topics: [TopicAssignment]
        var classifierVersion: String
        var taxonomy: String
    }

    public func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one article file, folder, or - for stdin") }
    }

    public func run() throws {
        let taxonomy = try TaxonomyCommand.load(topics)
        let classifier = TopicClassifier(taxonomy: taxonomy)
        let parser = ArticleParser()
        var failures = 0
        for path in try Self.expand(paths) {
            let article: ParsedArticle
            do {
                let input = try ArticleInput.read(path)
                article = try parser.parse(input.bytes, contentType: input.contentType)
            } catch let error as ArticleParseError {
                FileHandle.standardError.write(Data("newswire classify: \(path): \(error.code): \(error.message)\n".utf8))
                failures += 1
                continue
            } catch {
                FileHandle.standardError.write(Data("newswire classify: \(error)\n".utf8))
                failures += 1
                continue
            }
            let outcome = explain
                ? classifier.score(title: article.title, paragraphs: article.paragraphs, language: article.language)
                : classifier.classify(title: article.title, paragraphs: article.paragraphs, language: article.language)
            if json {
                print(try ArticleInput.json(Output(
                    path: path, language: outcome.language, status: outcome.status, topics: outcome.topics,
                    classifierVersion: TopicClassifier.version, taxonomy: "\(taxonomy.name)@\(taxonomy.version)")))
            } else {
                Self.printText(path: path, title: article.title, outcome: outcome)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private static func printText(path: String, title: String, outcome: ClassificationOutcome) {
        print("\(path): \(title)")
        if let status = outcome.status { print("  (\(status))") } else if outcome.topics.isEmpty { print("  (no topic)") }
        for result in outcome.topics {
            let mark = result.assigned ? "" : "  (below threshold \(result.threshold))"
            print("  \(result.id)  score \(String(format: "%.3f", result.score))\(mark)")
            if let decision = result.decision {
                print("    decided by \(decision.model): bias \(decision.bias)")
                for feature in decision.features {
                    print("      \(String(format: "%+.3f", feature.value * feature.weight))  \(feature.name) = \(String(format: "%.3f", feature.value)) × \(feature.weight)")
                }
            }
            let more = result.evidenceTotal > result.evidence.count ? " (strongest \(result.evidence.count) of \(result.evidenceTotal))" : ""
            if !result.evidence.isEmpty { print("    evidence\(more):") }
            for evidence in result.evidence {
                let place = evidence.paragraph < 0 ? "title" : "paragraph \(evidence.paragraph)"
                print("      \(String(format: "%+.2f", evidence.weight))  \"\(evidence.matched)\"  (\(evidence.phrase); \(place), bytes \(evidence.start)..<\(evidence.end))")
            }
        }
    }

    /// File extensions taken from a folder (besides files without one).
    static let articleExtensions: Set<String> = ["txt", "text", "html", "htm"]

    /// Paths as given, folders replaced by their article files (recursively, sorted).
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw ValidationError("\(path): cannot list this folder")
            }
            var files: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix(".") else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue
                else { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                if ext.isEmpty || articleExtensions.contains(ext) { files.append(full) }
            }
            result += files.sorted()
        }
        return result
    }
}
