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

    @Option(help: "More labelled examples (a folder with labels.tsv, or a folder of such folders) that are trained on but never scored in cross-validation, such as the project's own fixtures.")
    var trainAlso: [String] = []

    @Option(help: "The labels file for --train-also when it is not TRAIN_ALSO/labels.tsv.")
    var trainAlsoLabels: String?

    @Option(help: "How many times each --train-also example counts in the fit (0: not at all). (env: NEWSWIRE_FIT_TRAIN_ALSO_WEIGHT)")
    var trainAlsoWeight: Int = EnvironmentDefault.int("NEWSWIRE_FIT_TRAIN_ALSO_WEIGHT", TaxonomyFitter().extraWeight)

    @Option(help: "Use only rows whose 'split' column is this (for example dev); empty: every row. (env: NEWSWIRE_SPLIT)")
    var split: String = EnvironmentDefault.string("NEWSWIRE_SPLIT", "")

    @Option(help: "The taxonomy to fit: phrases, conditions, subject and action terms (default: the built-in one). (env: NEWSWIRE_TOPICS)")
    var topics: String = EnvironmentDefault.string("NEWSWIRE_TOPICS", "")

    @Option(help: "Write the fitted taxonomy here (default: standard output).")
    var output: String?

    @Option(help: "Folds for cross-validation.")
    var folds: Int = 5

    @Option(help: "Words and word pairs selected per topic as features; several, comma-separated, and cross-validation picks one per topic.")
    var terms: String = TaxonomyFitter().termCountsDescription

    @Option(help: "Candidate L2 strengths, comma-separated; cross-validation picks one.")
    var l2: String = TaxonomyFitter().l2Grid.map { "\($0)" }.joined(separator: ",")

    @Option(help: "How each topic's L2 strength and term count are chosen from the out-of-fold probabilities: log-loss (smooth, prefers calibrated models) or f1 (best F1 at its best threshold). (env: NEWSWIRE_FIT_CHOOSE_BY)")
    var chooseBy: String = EnvironmentDefault.string("NEWSWIRE_FIT_CHOOSE_BY", TaxonomyFitter().criterion.rawValue)

    @Option(help: "Grid steps (of 0.025) either side over which the F1-by-threshold curve is averaged before a threshold is picked. (env: NEWSWIRE_FIT_THRESHOLD_SMOOTHING)")
    var thresholdSmoothing: Int = EnvironmentDefault.int("NEWSWIRE_FIT_THRESHOLD_SMOOTHING", TaxonomyFitter().thresholdSmoothing)

    @Option(help: "Smoothed F1 that may be given up for a threshold nearer 0.5. (env: NEWSWIRE_FIT_THRESHOLD_TOLERANCE)")
    var thresholdTolerance: Double = Double(EnvironmentDefault.string("NEWSWIRE_FIT_THRESHOLD_TOLERANCE", "")) ?? TaxonomyFitter().thresholdTolerance

    @Flag(help: "Also list each cross-validated mistake (example, topic, out-of-fold probability).")
    var misses = false

    @Flag(help: "Report nested cross-validation: each outer fold's L2 strengths and thresholds are chosen inside its own training part, so the figures are not flattered by those choices (about FOLDS times slower). The fitted file is the same.")
    var nested = false

    @Option(help: "With --nested: outer fold deals, pooled in the figures (one deal moves macro-F1 by a few hundredths). (env: NEWSWIRE_FIT_NESTED_ROUNDS)")
    var nestedRounds: Int = EnvironmentDefault.int("NEWSWIRE_FIT_NESTED_ROUNDS", 1)

    public init() {}

    public func validate() throws {
        guard !examples.isEmpty else { throw ValidationError("give --examples DIR (a folder with labels.tsv)") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard let counts = termCounts, !counts.isEmpty, counts.allSatisfy({ $0 >= 0 }) else {
            throw ValidationError("--terms must be numbers 0 or more separated by commas, got '\(terms)'")
        }
        _ = counts
        guard let grid = l2Grid, !grid.isEmpty, grid.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--l2 must be positive numbers separated by commas, got '\(l2)'")
        }
        _ = grid
        guard TaxonomyFitter.Criterion(rawValue: chooseBy) != nil else {
            throw ValidationError("--choose-by must be one of \(TaxonomyFitter.Criterion.allCases.map(\.rawValue).joined(separator: ", ")), got '\(chooseBy)'")
        }
        guard trainAlsoWeight >= 0 else { throw ValidationError("--train-also-weight must be 0 or more, got \(trainAlsoWeight)") }
        guard nestedRounds >= 1 else { throw ValidationError("--nested-rounds must be at least 1, got \(nestedRounds)") }
        guard thresholdSmoothing >= 0 else { throw ValidationError("--threshold-smoothing must be 0 or more, got \(thresholdSmoothing)") }
        guard thresholdTolerance >= 0, thresholdTolerance < 1 else {
            throw ValidationError("--threshold-tolerance must be at least 0 and below 1, got \(thresholdTolerance)")
        }
    }

    private var termCounts: [Int]? {
        let values = terms.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    private var l2Grid: [Double]? {
        let values = l2.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        return values.contains(nil) ? nil : values.compactMap { $0 }
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
        var extra: [LabelledExample] = []
        if !trainAlso.isEmpty {
            do {
                extra = try LabelledFolder.load(trainAlso, labels: trainAlsoLabels, split: nil, topics: Set(base.topics.map(\.id)))
            } catch {
                FileHandle.standardError.write(Data("newswire taxonomy fit: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        var fitter = TaxonomyFitter(folds: folds, l2Grid: l2Grid ?? [])
        fitter.termsGrid = termCounts
        fitter.nested = nested
        fitter.nestedRounds = nestedRounds
        fitter.extraWeight = trainAlsoWeight
        fitter.criterion = TaxonomyFitter.Criterion(rawValue: chooseBy) ?? fitter.criterion
        fitter.thresholdSmoothing = thresholdSmoothing
        fitter.thresholdTolerance = thresholdTolerance
        let result = fitter.fit(base, examples: loaded, extra: extra)
        var report = (extra.isEmpty ? "" : "trained also on \(extra.count) examples (never scored)\n") + "fitted on \(loaded.count) examples\(split.isEmpty ? "" : " (split \(split))"), \(folds)-fold \(nested ? "nested " : "")cross-validation, L2 \(zip(base.topics, result.l2).map { "\($0.id) \($1)" }.joined(separator: ", ")), terms \(zip(base.topics, result.terms).map { "\($0.id) \($1)" }.joined(separator: ", ")), thresholds \(zip(base.topics, result.thresholds).map { "\($0.id) \($1)" }.joined(separator: ", ")) (chosen by \(fitter.criterion.rawValue))"
        if result.uncovered > 0 { report += "; \(result.uncovered) in languages the taxonomy does not cover (counted as no topic)" }
        report += "\n" + result.crossValidated.map(\.line).joined(separator: "\n")
        report += String(format: "\ncross-validated macro-F1 %.3f\n", result.macroF1)
        if result.roundMacroF1.count > 1 {
            report += "macro-F1 per outer deal: " + result.roundMacroF1.map { String(format: "%.3f", $0) }.joined(separator: ", ")
                + String(format: " (mean %.3f; figures above pool the %d deals)\n", result.roundMacroF1.reduce(0, +) / Double(result.roundMacroF1.count), result.roundMacroF1.count)
        }
        if misses {
            for miss in result.misses {
                report += "  \(miss.example)  \(miss.topic)  \(miss.labelled ? "missed" : "false alarm")  "
                    + String(format: "p %.3f (threshold %.3f)\n", miss.probability, miss.threshold)
            }
        }
        FileHandle.standardError.write(Data(report.utf8))
        let header = [
            "Fitted by `newswire taxonomy fit` (classifier \(TopicClassifier.version)); phrases, conditions, subject",
            "and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 \(String(format: "%.3f", result.macroF1)).",
            "The built-in taxonomy is refitted with scripts/fit-default-taxonomy.sh (dev split of ../shared/classification-dev).",
        ]
        let yaml = TaxonomyWriter.yaml(result.taxonomy, header: header)
        if let output {
            do {
                try OutputFile.write(yaml, to: output)
            } catch {
                FileHandle.standardError.write(Data("newswire taxonomy fit: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            print(yaml, terminator: "")
        }
    }
}
