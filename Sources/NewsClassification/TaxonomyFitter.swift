import Foundation

/// Fits each topic's decision (``TopicModel``) on labelled examples:
/// selects words and word pairs that mark the topic, fits a logistic
/// regression per topic (and a cross-lingual one over the language-neutral
/// features), picks the L2 strength and each topic's threshold by k-fold
/// cross-validation, and reports cross-validated precision, recall and F1.
///
/// Everything is deterministic: folds are dealt round-robin within each
/// label set in id order, terms are ranked with ties broken by text, and
/// ``LogisticRegression`` has no randomness; refitting the same examples
/// gives the same taxonomy, byte for byte once written.
public struct TaxonomyFitter: Sendable {
    public var folds: Int
    /// Candidate L2 strengths; per topic, the one ``criterion`` prefers wins (ties: the middle one).
    public var l2Grid: [Double]
    /// Words and word pairs selected per topic.
    public var termsPerTopic: Int
    /// Candidate numbers of selected words and word pairs; per topic,
    /// cross-validation picks one together with the L2 strength (nil: only ``termsPerTopic``).
    public var termsGrid: [Int]?
    var termCounts: [Int] { termsGrid.flatMap { $0.isEmpty ? nil : $0 } ?? [termsPerTopic] }
    /// The candidate term counts, comma-separated (for a command's default).
    public var termCountsDescription: String { termCounts.map(String.init).joined(separator: ",") }
    /// Cross-validation repeats (different fold deals) pooled to choose L2 and thresholds; figures are from the first.
    public var repeats = 3
    /// How many times an extra (train-only) example counts in the fit.
    public var extraWeight = 3
    /// Report nested cross-validation: each outer fold's L2 strengths and
    /// thresholds are chosen by cross-validation inside its own training part,
    /// so the figures are not flattered by the choices (about `folds` times slower).
    public var nested = false
    /// Outer fold deals of nested cross-validation, pooled in the figures:
    /// one deal's macro-F1 moves by ±0.03 with the deal on ~180 examples,
    /// too much to compare two fitting choices by.
    public var nestedRounds = 1
    /// How each topic's setting (L2 strength and term count) is chosen from
    /// the out-of-fold probabilities; see ``Criterion``.
    public var criterion = Criterion.logLoss
    /// Grid steps (of 0.025) either side over which the F1-by-threshold
    /// curve is averaged before its best is taken, so a lone spike of the
    /// curve (one or two examples) does not set the threshold.
    public var thresholdSmoothing = 2
    /// How much smoothed F1 may be given up for a threshold nearer 0.5:
    /// among thresholds within this of the best, the one nearest 0.5 wins.
    /// An extreme threshold that is best on the folds rarely carries over.
    public var thresholdTolerance = 0.01

    public init(folds: Int = 5, l2Grid: [Double] = [0.1, 0.3, 1, 3, 10], termsPerTopic: Int = 30) {
        self.folds = folds
        self.l2Grid = l2Grid
        self.termsPerTopic = termsPerTopic
    }

    /// The fitted taxonomy and its cross-validated figures.
    public struct Result: Sendable {
        public var taxonomy: Taxonomy
        /// The L2 strength chosen for each topic.
        public var l2: [Double]
        /// The number of selected words and word pairs chosen for each topic.
        public var terms: [Int]
        /// The threshold chosen for each topic.
        public var thresholds: [Double]
        /// Per topic, from out-of-fold predictions at the chosen L2 and thresholds
        /// (nested: pooled over the ``nestedRounds`` outer deals).
        public var crossValidated: [TopicMetrics]
        /// Macro-F1 of each outer deal (one entry unless ``nestedRounds`` > 1).
        public var roundMacroF1: [Double]
        public var macroF1: Double { crossValidated.isEmpty ? 0 : crossValidated.map(\.f1).reduce(0, +) / Double(crossValidated.count) }
        /// Examples left out because the taxonomy does not cover their language.
        public var uncovered: Int
        /// Cross-validated mistakes: example id, topic, labelled, out-of-fold probability, threshold.
        public var misses: [(example: String, topic: String, labelled: Bool, probability: Double, threshold: Double)]
    }

    /// Fits `base` on `examples`; `extra` examples (the project's own
    /// fixtures, say) are only ever trained on, never scored in cross-validation.
    public func fit(_ base: Taxonomy, examples: [LabelledExample], extra: [LabelledExample] = []) -> Result {
        var base = base
        for index in base.topics.indices {
            base.topics[index].terms = []
            base.topics[index].model = nil
            base.topics[index].crosslingualModel = nil
        }
        let sorted = examples.sorted { $0.id < $1.id }
        let scored = sorted.filter { base.covers(language: $0.language) }
        let extraCovered = extra.sorted { $0.id < $1.id }.filter { base.covers(language: $0.language) }
        let primary = base.languages.first
        func isPrimary(_ e: LabelledExample) -> Bool {
            primary == nil || e.language == primary || e.language == "und" || e.language.isEmpty
        }
        let topics = base.topics.map(\.id)

        let repeated = outOfFold(base, scored: scored, extra: extraCovered, rounds: max(1, repeats), isPrimary: isPrimary)
        let outOfFold = repeated[0]
        let chosen = choose(repeated, scored: scored, topics: topics)
        let l2 = chosen.map { self.l2(of: $0.index) }

        // Figures: nested cross-validation (each outer fold's L2 and thresholds chosen by
        // cross-validation inside its training part, then the deployed classifier scores
        // the held-out part), or the plain cross-validation that made the choices.
        // One prediction map per outer deal (plain cross-validation: one).
        var predictedRounds: [[String: Set<String>]] = []
        var scores: [String: [String: Double]] = [:]
        var thresholds: [String: [String: Double]] = [:]
        if nested {
            for round in 0..<max(1, nestedRounds) {
                var predicted: [String: Set<String>] = [:]
                let fold = foldAssignment(scored, round: round)
                for k in 0..<max(1, folds) {
                    let inner = scored.indices.filter { fold[$0] != k }.map { scored[$0] }
                    let held = scored.indices.filter { fold[$0] == k }.map { scored[$0] }
                    guard !held.isEmpty else { continue }
                    let innerRepeated = self.outOfFold(base, scored: inner, extra: extraCovered, rounds: max(1, repeats), isPrimary: isPrimary)
                    let innerChosen = choose(innerRepeated, scored: inner, topics: topics)
                    let taxonomy = finalFit(base, scored: inner, extra: extraCovered, chosen: innerChosen, isPrimary: isPrimary)
                    let classifier = TopicClassifier(taxonomy: taxonomy)
                    for example in held {
                        let outcome = classifier.score(title: example.title, paragraphs: example.paragraphs, language: example.language)
                        predicted[example.id] = Set(outcome.topics.filter(\.assigned).map(\.id))
                        guard round == 0 else { continue }
                        scores[example.id] = Dictionary(outcome.topics.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
                        thresholds[example.id] = Dictionary(outcome.topics.map { ($0.id, $0.threshold) }, uniquingKeysWith: { a, _ in a })
                    }
                }
                predictedRounds.append(predicted)
            }
        } else {
            var predicted: [String: Set<String>] = [:]
            for (i, example) in scored.enumerated() {
                var assigned: Set<String> = []
                for (t, topic) in topics.enumerated() {
                    let probability = outOfFold[chosen[t].index][t][i]
                    scores[example.id, default: [:]][topic] = probability
                    thresholds[example.id, default: [:]][topic] = chosen[t].threshold
                    if probability >= chosen[t].threshold { assigned.insert(topic) }
                }
                predicted[example.id] = assigned
            }
            predictedRounds.append(predicted)
        }
        var metrics: [TopicMetrics] = []
        var misses: [(example: String, topic: String, labelled: Bool, probability: Double, threshold: Double)] = []
        for topic in topics {
            let predicted = predictedRounds[0]
            for example in scored where example.labels.contains(topic) != (predicted[example.id]?.contains(topic) ?? false) {
                misses.append((example.id, topic, example.labels.contains(topic), scores[example.id]?[topic] ?? 0,
                               thresholds[example.id]?[topic] ?? 0))
            }
            // Pooled over the outer deals: each example counted once per deal.
            let outcomes = predictedRounds.flatMap { predicted in
                sorted.map { example in
                    (labelled: example.labels.contains(topic), predicted: predicted[example.id]?.contains(topic) ?? false)
                }
            }
            metrics.append(TopicMetrics(topic: topic, outcomes: outcomes))
        }
        let roundMacroF1 = predictedRounds.map { predicted in
            topics.map { topic in
                TopicMetrics(topic: topic, outcomes: sorted.map { example in
                    (labelled: example.labels.contains(topic), predicted: predicted[example.id]?.contains(topic) ?? false)
                }).f1
            }.reduce(0, +) / Double(max(1, topics.count))
        }

        let fitted = finalFit(base, scored: scored, extra: extraCovered, chosen: chosen, isPrimary: isPrimary)
        return Result(taxonomy: fitted, l2: l2, terms: chosen.map { termCount(of: $0.index) },
                      thresholds: chosen.map { Self.rounded($0.threshold) }, crossValidated: metrics, roundMacroF1: roundMacroF1,
                      uncovered: sorted.count - scored.count, misses: misses)
    }

    /// The L2 strength of a setting (an index over term counts × L2 strengths).
    func l2(of setting: Int) -> Double { l2Grid.isEmpty ? 1 : l2Grid[setting % l2Grid.count] }
    /// The number of selected terms of a setting.
    func termCount(of setting: Int) -> Int { termCounts[l2Grid.isEmpty ? 0 : setting / l2Grid.count] }
    var settingCount: Int { termCounts.count * max(1, l2Grid.count) }

    /// Out-of-fold probabilities of `scored` (`extra` examples are only
    /// trained on), per round of fold dealing, setting (term count × L2
    /// strength) and topic: `[round][setting][topic][scored example]`.
    private func outOfFold(
        _ base: Taxonomy, scored: [LabelledExample], extra: [LabelledExample], rounds: Int,
        isPrimary: (LabelledExample) -> Bool
    ) -> [[[[Double]]]] {
        let covered = scored + extra
        let topics = base.topics.map(\.id)
        var repeated = [[[[Double]]]]()
        for round in 0..<rounds {
            let fold = foldAssignment(scored, round: round) + [Int](repeating: -1, count: extra.count)
            var outOfFold = [[[Double]]](
                repeating: [[Double]](repeating: [Double](repeating: 0, count: scored.count), count: topics.count),
                count: settingCount)
            for k in 0..<max(1, folds) {
                let training = covered.indices.filter { fold[$0] != k }
                let held = scored.indices.filter { fold[$0] == k }
                guard !held.isEmpty else { continue }
                for (termsIndex, termCount) in termCounts.enumerated() {
                    let taxonomy = withTerms(
                        base, selectedFrom: training.map { covered[$0] }, isPrimary: isPrimary,
                        counts: [Int](repeating: termCount, count: topics.count))
                    let classifier = TopicClassifier(taxonomy: taxonomy)
                    let vectors = covered.map { classifier.featureVectors(title: $0.title, paragraphs: $0.paragraphs, language: $0.language) }
                    for (t, topic) in topics.enumerated() {
                        let names = classifier.featureNames(topic: t)
                        let neutral = neutralMask(names)
                        for (g, l2) in l2Grid.enumerated() {
                            let (full, cross) = fitModels(
                                topic: topic, t: t, rows: training, scoredCount: scored.count, examples: covered, vectors: vectors,
                                neutral: neutral, isPrimary: isPrimary, l2: l2)
                            for i in held {
                                let model = isPrimary(covered[i]) ? full : cross
                                outOfFold[termsIndex * l2Grid.count + g][t][i] = Self.probability(model, vectors[i][t])
                            }
                        }
                    }
                }
            }
            repeated.append(outOfFold)
        }
        return repeated
    }

    /// `base` fitted on every example (scored and extra) with the chosen L2 strengths and thresholds.
    private func finalFit(
        _ base: Taxonomy, scored: [LabelledExample], extra: [LabelledExample], chosen: [(index: Int, threshold: Double)],
        isPrimary: (LabelledExample) -> Bool
    ) -> Taxonomy {
        let covered = scored + extra
        var fitted = withTerms(base, selectedFrom: covered, isPrimary: isPrimary, counts: chosen.map { termCount(of: $0.index) })
        let classifier = TopicClassifier(taxonomy: fitted)
        let vectors = covered.map { classifier.featureVectors(title: $0.title, paragraphs: $0.paragraphs, language: $0.language) }
        for t in base.topics.indices {
            let names = classifier.featureNames(topic: t)
            let (full, cross) = fitModels(
                topic: base.topics[t].id, t: t, rows: Array(covered.indices), scoredCount: scored.count, examples: covered,
                vectors: vectors, neutral: neutralMask(names), isPrimary: isPrimary,
                l2: l2(of: chosen[t].index))
            let threshold = Self.rounded(chosen[t].threshold)
            fitted.topics[t].model = Self.named(full, names: names, threshold: threshold)
            if base.languages.first != nil, base.languages.count > 1 {
                fitted.topics[t].crosslingualModel = Self.named(cross, names: names, threshold: threshold)
            }
        }
        return fitted
    }

    // MARK: Pieces

    /// Round-robin within each label set: every fold gets its share of each
    /// kind. Round 0 deals in id order; later rounds in an order fixed by a
    /// hash of the id and the round, so each repeat splits differently but
    /// always the same way.
    func foldAssignment(_ examples: [LabelledExample], round: Int = 0) -> [Int] {
        func key(_ index: Int) -> UInt64 {
            guard round > 0 else { return UInt64(index) }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(round)
            for byte in examples[index].id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            var generator = SplitMix64(seed: hash)
            return generator.next()
        }
        let order = examples.indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
        var next: [String: Int] = [:]
        var result = [Int](repeating: 0, count: examples.count)
        for index in order {
            let label = examples[index].labels.sorted().joined(separator: ",")
            let value = next[label, default: 0]
            next[label] = value + 1
            result[index] = value % max(1, folds)
        }
        return result
    }

    private func neutralMask(_ names: [String]) -> [Bool] { names.map(TopicFeatures.isNeutral) }

    private func fitModels(
        topic: String, t: Int, rows: [Int], scoredCount: Int, examples: [LabelledExample], vectors: [[[Double]]], neutral: [Bool],
        isPrimary: (LabelledExample) -> Bool, l2: Double
    ) -> (full: (Double, [Double]), cross: (Double, [Double])) {
        let regression = LogisticRegression(l2: l2)
        // Extra examples (index ≥ scoredCount) weigh `extraWeight` times: the project's own fixtures say what a topic promises.
        let rows = rows.flatMap { $0 >= scoredCount ? [Int](repeating: $0, count: extraWeight) : [$0] }
        let primaryRows = rows.filter { isPrimary(examples[$0]) }
        let full = regression.fit(primaryRows.map { vectors[$0][t] }, primaryRows.map { examples[$0].labels.contains(topic) })
        let neutralIndices = neutral.indices.filter { neutral[$0] }
        let crossFit = regression.fit(
            rows.map { row in neutralIndices.map { vectors[row][t][$0] } }, rows.map { examples[$0].labels.contains(topic) })
        var crossWeights = [Double](repeating: 0, count: neutral.count)
        for (k, index) in neutralIndices.enumerated() { crossWeights[index] = crossFit.weights[k] }
        return ((full.bias, full.weights), (crossFit.bias, crossWeights))
    }

    static func probability(_ model: (Double, [Double]), _ x: [Double]) -> Double {
        var z = model.0
        for (w, v) in zip(model.1, x) { z += w * v }
        return 1 / (1 + exp(-z))
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    private static func named(_ model: (Double, [Double]), names: [String], threshold: Double) -> TopicModel {
        var weights: [(feature: String, weight: Double)] = []
        for (name, weight) in zip(names, model.1) {
            let value = rounded(weight)
            if value != 0 { weights.append((name, value)) }
        }
        return TopicModel(bias: rounded(model.0), threshold: threshold, weights: weights)
    }

    /// `base` with each topic's terms chosen from `examples` (`counts[t]` terms for topic `t`).
    func withTerms(
        _ base: Taxonomy, selectedFrom examples: [LabelledExample], isPrimary: (LabelledExample) -> Bool, counts: [Int]
    ) -> Taxonomy {
        var taxonomy = base
        let documents = examples.filter(isPrimary).map { ($0.labels, TermCounter.terms(title: $0.title, paragraphs: $0.paragraphs)) }
        for index in taxonomy.topics.indices {
            let topic = taxonomy.topics[index]
            let existing = Set((topic.phrases.map(\.text) + topic.subject.entries.flatMap(\.terms) + topic.refers.entries.flatMap(\.terms)
                + topic.action.entries.flatMap(\.terms))
                .map { TextNormalizer.normalizedWords($0) })
            taxonomy.topics[index].terms = TermCounter.select(
                documents, topic: topic.id, count: counts[index], excluding: existing)
        }
        return taxonomy
    }
}
