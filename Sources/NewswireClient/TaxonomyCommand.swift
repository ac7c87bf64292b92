public import ArgumentParser
internal import Foundation
internal import NewsClassification

/// `newswire taxonomy`: prints the built-in taxonomy, or checks a taxonomy file.
public struct TaxonomyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Print the built-in taxonomy (a starting point for your own), or check a taxonomy file.")

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
                print("  \(topic.id)  (\(topic.phrases.count) phrases, \(topic.conditions.count) conditions, threshold \(topic.threshold))")
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
