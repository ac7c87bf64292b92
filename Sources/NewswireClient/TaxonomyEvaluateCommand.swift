public import ArgumentParser
internal import Foundation
internal import NewsClassification
internal import NewsModels

/// `newswire taxonomy evaluate`: scores a taxonomy on labelled examples and lists every miss.
public struct TaxonomyEvaluateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a taxonomy on a labelled folder: per-topic precision, recall and F1 with 95% intervals, and every miss with its evidence.")

    @Option(help: "A folder of articles with labels.tsv, or a folder of such folders (repeat for more).")
    var examples: [String] = []

    @Option(help: "The labels file when it is not EXAMPLES/labels.tsv.")
    var labels: String?

    @Option(help: "Use only rows whose 'split' column is this (for example test); empty: every row. (env: NEWSWIRE_SPLIT)")
    var split: String = EnvironmentDefault.string("NEWSWIRE_SPLIT", "")

    @Option(help: "Taxonomy YAML file (default: the built-in taxonomy). (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Flag(help: "Print only the figures, not the misses.")
    var quiet = false

    public init() {}

    public func validate() throws {
        guard !examples.isEmpty else { throw ValidationError("give --examples DIR (a folder with labels.tsv)") }
    }

    public func run() throws {
        let taxonomy = try TaxonomyCommand.load(topics)
        let loaded: [LabelledExample]
        do {
            loaded = try LabelledFolder.load(examples, labels: labels, split: split.isEmpty ? nil : split, topics: Set(taxonomy.topics.map(\.id)))
        } catch {
            FileHandle.standardError.write(Data("newswire taxonomy evaluate: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let evaluation = TaxonomyEvaluation(taxonomy: taxonomy, examples: loaded)
        print("\(taxonomy.name)@\(taxonomy.version) on \(loaded.count) examples\(split.isEmpty ? "" : " (split \(split))")")
        for metrics in evaluation.metrics { print(metrics.line) }
        print(String(format: "macro-F1 %.3f", evaluation.macroF1))
        let unsupported = evaluation.unsupported.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print("unclassified (language not covered): \(unsupported.isEmpty ? "none" : unsupported.joined(separator: ", "))")
        let hardNegatives = loaded.filter(\.hardNegative).count
        print("hard negatives given a topic they are not labelled with: \(evaluation.labelledHardNegatives.count) of \(hardNegatives)")
        guard !quiet else { return }
        print("misses: \(evaluation.misses.count)")
        for miss in evaluation.misses {
            let kind = miss.missed ? "missed" : "false alarm"
            print("  \(miss.example)  \(miss.topic)  \(kind)  score \(String(format: "%.3f", miss.score)) (threshold \(miss.threshold))\(miss.status.map { "  [\($0)]" } ?? "")")
            for feature in miss.decision?.features.prefix(6) ?? [] {
                print("      \(String(format: "%+.3f", feature.value * feature.weight))  \(feature.name) = \(String(format: "%.3f", feature.value)) × \(feature.weight)")
            }
            for evidence in miss.evidence.prefix(8) {
                let place = evidence.paragraph < 0 ? "title" : "paragraph \(evidence.paragraph)"
                print("      \(String(format: "%+.2f", evidence.weight))  \"\(evidence.matched)\"  (\(evidence.phrase); \(place))")
            }
        }
    }
}
