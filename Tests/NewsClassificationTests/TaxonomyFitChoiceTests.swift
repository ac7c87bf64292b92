@testable import NewsClassification
import Testing

/// How `TaxonomyFitter` turns out-of-fold probabilities into a threshold
/// and a setting: thresholds from the plateau of the F1 curve, near 0.5,
/// rather than from a spike that one or two examples make at an extreme.
@Suite("Taxonomy fit choices")
struct TaxonomyFitChoiceTests {
    /// Forty positives and forty negatives: 38 positives score 0.45–0.9 and
    /// two 0.11, reachable only by the lowest threshold (0.1), which also
    /// lets in a negative at 0.11 and one at 0.15; the other negatives score
    /// under 0.1. So F1 peaks at 0.1 (80/82) by one example's worth over a
    /// wide plateau from 0.175 to 0.425 (76/78), with a dip at 0.125–0.15.
    static func curve() -> (scores: [Double], labels: [Bool]) {
        var scores: [Double] = [], labels: [Bool] = []
        for i in 0..<38 { scores.append(0.45 + Double(i) * 0.012); labels.append(true) }
        scores += [0.11, 0.11]; labels += [true, true]
        for i in 0..<38 { scores.append(0.02 + Double(i) * 0.002); labels.append(false) }
        scores += [0.11, 0.15]; labels += [false, false]
        return (scores, labels)
    }

    @Test("Unsmoothed and without tolerance, the threshold is the F1 curve's best (here a low spike)")
    func rawBest() {
        let (scores, labels) = Self.curve()
        let (threshold, f1) = TaxonomyFitter.bestThreshold(scores, labels)
        #expect(abs(threshold - 0.1) < 1e-9)
        #expect(abs(f1 - 80.0 / 82) < 1e-9)
        #expect(TaxonomyFitter.stableThreshold(scores, labels, smoothing: 0, tolerance: 0) == (threshold, f1))
    }

    @Test("Smoothed, the plateau wins; with a tolerance, the threshold nearest 0.5 on it")
    func stable() {
        let (scores, labels) = Self.curve()
        let (smoothedOnly, plateau) = TaxonomyFitter.stableThreshold(scores, labels, smoothing: 2, tolerance: 0)
        #expect(smoothedOnly >= 0.2 && smoothedOnly <= 0.4, "a one-step spike at the edge does not survive smoothing: \(smoothedOnly)")
        #expect(abs(plateau - 76.0 / 78) < 1e-9)
        let (threshold, smoothedF1) = TaxonomyFitter.stableThreshold(scores, labels, smoothing: 2, tolerance: 0.01)
        #expect(abs(threshold - 0.4) < 1e-9, "\(threshold)")
        #expect(smoothedF1 >= plateau - 0.01)
        // No examples at all: the natural cut.
        #expect(TaxonomyFitter.stableThreshold([], [], smoothing: 2, tolerance: 0.01).0 == 0.5)
    }

    @Test("Log-loss charges confident mistakes far more than hesitant ones and never overflows")
    func logLoss() {
        let hesitant = TaxonomyFitter.meanLogLoss([0.6, 0.4], [true, false])
        let confidentWrong = TaxonomyFitter.meanLogLoss([0.99, 0.01], [false, true])
        #expect(hesitant < 0.6)
        #expect(confidentWrong > 4)
        #expect(TaxonomyFitter.meanLogLoss([1, 0], [false, true]).isFinite)
        #expect(TaxonomyFitter.meanLogLoss([], []) == 0)
    }
}
