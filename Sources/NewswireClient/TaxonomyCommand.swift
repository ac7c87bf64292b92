public import ArgumentParser
internal import Foundation
internal import NewsClassification

/// `newswire taxonomy`: prints the built-in taxonomy, or checks a taxonomy file.
public struct TaxonomyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Print the built-in taxonomy (a starting point for your own), or check a taxonomy file.",
        subcommands: [TaxonomyFitCommand.self, TaxonomyEvaluateCommand.self])

    @Option(help: "Check this taxonomy file and list its topics; exits 1 with file:line:column and the reason when it is invalid.")
    var check: String?

    public init() {}

    public func run() throws {
        guard let check else {
            print(Taxonomy.defaultYAML, terminator: Taxonomy.defaultYAML.hasSuffix("\n") ? "" : "\n")
            return
        }
        do {
            let taxonomy = try Taxonomy(contentsOf: check)
            print("\(check): \(taxonomy.name)@\(taxonomy.version), \(taxonomy.topics.count) topics")
            for topic in taxonomy.topics {
                let decision = topic.model.map { "fitted model, \($0.weights.count) weights, threshold \($0.threshold)" }
                    ?? "threshold \(topic.threshold)"
                print("  \(topic.id)  (\(topic.phrases.count) phrases, \(topic.conditions.count) conditions, \(decision))")
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The taxonomy at `path`, or the built-in one for an empty path; exits 2 naming the file and line when invalid.
    static func load(_ path: String) throws -> Taxonomy {
        guard !path.isEmpty else { return .default }
        do {
            return try Taxonomy(contentsOf: path)
        } catch {
            FileHandle.standardError.write(Data("newswire: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
