public import ArgumentParser
internal import Foundation
internal import NewsClassification
internal import NewsModels

/// `newswire taxonomy fit`: fits each topic's decision on labelled examples
/// and writes the fitted taxonomy.
public struct TaxonomyFitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit per-topic weights and thresholds on labelled examples (k-fold cross-validated); write the fitted taxonomy.",
        discussion: """
            Prints per-topic precision, recall and F1 from cross-validation, with 95% intervals, to standard error. \
            The same examples always give the same file (no randomness).
            """)

    @Option(help: "A folder of articles with labels.tsv, or a folder of such folders (repeat for more).")
    var examples: [String] = []

    @Option(help: "The labels file when it is not EXAMPLES/labels.tsv.")
    var labels: String?

    @Option(help: "Use only rows whose 'split' column is this (for example dev); empty: every row. (env: NEWSWIRE_SPLIT)")
    var split: String = EnvironmentDefault.string("NEWSWIRE_SPLIT", "")

    @Option(help: "The taxonomy to fit: phrases, conditions, subject and action terms (default: the built-in one). (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Option(help: "Write the fitted taxonomy here (default: standard output).")
    var output: String?

    @Option(help: "Folds for cross-validation.")
    var folds: Int = 5

    public init() {}

    public func validate() throws {
        guard !examples.isEmpty else { throw ValidationError("give --examples DIR (a folder with labels.tsv)") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
    }

    public func run() throws {
        let base = try TaxonomyCommand.load(topics)
        let loaded: [LabelledExample]
        do {
            loaded = try LabelledFolder.load(examples, labels: labels, split: split.isEmpty ? nil : split, topics: Set(base.topics.map(\.id)))
        } catch {
            FileHandle.standardError.write(Data("newswire taxonomy fit: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let result = TaxonomyFitter(folds: folds).fit(base, examples: loaded)
        var report = "fitted on \(loaded.count) examples\(split.isEmpty ? "" : " (split \(split))"), \(folds)-fold cross-validation, L2 \(result.l2)"
        if result.uncovered > 0 { report += "; \(result.uncovered) in languages the taxonomy does not cover (counted as no topic)" }
        report += "\n" + result.crossValidated.map(\.line).joined(separator: "\n")
        report += String(format: "\ncross-validated macro-F1 %.3f\n", result.macroF1)
        FileHandle.standardError.write(Data(report.utf8))
        let header = [
            "Fitted by `newswire taxonomy fit` (classifier \(TopicClassifier.version)); phrases, conditions, subject",
            "and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 \(String(format: "%.3f", result.macroF1)).",
        ]
        let yaml = TaxonomyWriter.yaml(result.taxonomy, header: header)
        if let output {
            do {
                try yaml.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("newswire taxonomy fit: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            print(yaml, terminator: "")
        }
    }
}
