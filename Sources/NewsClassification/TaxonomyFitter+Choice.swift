import Foundation

extension TaxonomyFitter {
    /// How a topic's setting (L2 strength and term count) is chosen.
    public enum Criterion: String, Sendable, CaseIterable {
        /// The lowest mean log-loss of the out-of-fold probabilities: a
        /// proper scoring rule that sees every example's probability, not
        /// only which side of a threshold it falls, so it varies smoothly
        /// with the setting and prefers models whose probabilities are
        /// calibrated (an overfitted model is confidently wrong on a few
        /// held-out examples and pays for it).
        case logLoss = "log-loss"
        /// The best (smoothed) F1 at its best threshold: what is reported,
        /// but a step function of a few examples, so noisy to choose by.
        case f1
    }

    /// Per topic, the setting (term count and L2 strength) ``criterion``
    /// prefers over the out-of-fold probabilities pooled across rounds
    /// (ties: the middle setting), and the threshold ``stableThreshold`` picks for it.
    func choose(_ repeated: [[[[Double]]]], scored: [LabelledExample], topics: [String]) -> [(index: Int, threshold: Double)] {
        var chosen: [(index: Int, threshold: Double)] = []
        for (t, topic) in topics.enumerated() {
            let labels = scored.map { $0.labels.contains(topic) }
            // Pooled over the repeats: each example scored once per repeat, by a model that never saw it.
            let pooledLabels = repeated.flatMap { _ in labels }
            var results: [(merit: Double, threshold: Double)] = []
            for g in 0..<settingCount {
                let pooled = repeated.flatMap { $0[g][t] }
                let (threshold, smoothedF1) = Self.stableThreshold(
                    pooled, pooledLabels, smoothing: thresholdSmoothing, tolerance: thresholdTolerance)
                switch criterion {
                case .logLoss: results.append((-Self.meanLogLoss(pooled, pooledLabels), threshold))
                case .f1: results.append((smoothedF1, threshold))
                }
            }
            let top = results.map(\.merit).max() ?? 0
            let tied = results.indices.filter { results[$0].merit >= top - 1e-12 }
            let index = tied.isEmpty ? 0 : tied[tied.count / 2]
            chosen.append((index, results.isEmpty ? 0.5 : results[index].threshold))
        }
        return chosen
    }

    /// Mean negative log-likelihood of `labels` under the probabilities
    /// `scores` (clamped away from 0 and 1, so one certain mistake costs a
    /// lot but not infinitely).
    static func meanLogLoss(_ scores: [Double], _ labels: [Bool]) -> Double {
        guard !scores.isEmpty else { return 0 }
        var sum = 0.0
        for (score, label) in zip(scores, labels) {
            let p = min(max(score, 1e-6), 1 - 1e-6)
            sum -= label ? log(p) : log(1 - p)
        }
        return sum / Double(scores.count)
    }

    /// The candidate thresholds: 0.1…0.9 in steps of 0.025.
    static let thresholdGrid = (0...32).map { 0.1 + Double($0) * 0.025 }

    /// The threshold of best F1 over `scores`; among equals, the one nearest 0.5.
    static func bestThreshold(_ scores: [Double], _ labels: [Bool]) -> (Double, Double) {
        stableThreshold(scores, labels, smoothing: 0, tolerance: 0)
    }

    /// A threshold that carries over to unseen articles: F1 at each grid
    /// threshold is averaged over `smoothing` grid steps either side (the
    /// curve's plateau, not a spike that one or two examples make), and
    /// among thresholds whose smoothed F1 is within `tolerance` of the best
    /// the one nearest 0.5 wins (a fitted logistic model's natural cut).
    /// Returns the threshold and its smoothed F1.
    static func stableThreshold(_ scores: [Double], _ labels: [Bool], smoothing: Int, tolerance: Double) -> (Double, Double) {
        let grid = thresholdGrid
        let f1 = grid.map { threshold in
            var tp = 0, fp = 0, fn = 0
            for (score, label) in zip(scores, labels) {
                if score >= threshold { if label { tp += 1 } else { fp += 1 } } else if label { fn += 1 }
            }
            return TopicMetrics.f1(tp: tp, fp: fp, fn: fn)
        }
        let width = max(0, smoothing)
        let smoothed = grid.indices.map { i in
            let window = max(0, i - width)...min(grid.count - 1, i + width)
            return window.map { f1[$0] }.reduce(0, +) / Double(window.count)
        }
        let best = smoothed.max() ?? 0
        var chosen = (threshold: 0.5, f1: -1.0)
        for (threshold, value) in zip(grid, smoothed) where value >= best - max(0, tolerance) - 1e-12 {
            let nearer = abs(threshold - 0.5) < abs(chosen.threshold - 0.5) - 1e-12
            let asNear = abs(abs(threshold - 0.5) - abs(chosen.threshold - 0.5)) <= 1e-12
            if chosen.f1 < 0 || nearer || (asNear && value > chosen.f1 + 1e-12) { chosen = (threshold, value) }
        }
        return chosen.f1 < 0 ? (0.5, 0) : chosen
    }
}
