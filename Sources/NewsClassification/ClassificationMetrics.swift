import Foundation

/// Precision, recall and F1 of one topic over a labelled set, with 95 %
/// confidence intervals: Wilson intervals for precision and recall, a
/// percentile bootstrap (fixed seed, so reports are reproducible) for F1.
public struct TopicMetrics: Sendable, Equatable {
    public var topic: String
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var precisionInterval: ClosedRange<Double>
    public var recallInterval: ClosedRange<Double>
    public var f1Interval: ClosedRange<Double>

    /// Metrics of `topic` from per-example (labelled, predicted) pairs.
    public init(topic: String, outcomes: [(labelled: Bool, predicted: Bool)]) {
        self.topic = topic
        let tp = outcomes.filter { $0.labelled && $0.predicted }.count
        let fp = outcomes.filter { !$0.labelled && $0.predicted }.count
        let fn = outcomes.filter { $0.labelled && !$0.predicted }.count
        truePositives = tp
        falsePositives = fp
        falseNegatives = fn
        precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        f1 = Self.f1(tp: tp, fp: fp, fn: fn)
        precisionInterval = Self.wilson(tp, tp + fp)
        recallInterval = Self.wilson(tp, tp + fn)
        // Bootstrap F1 over examples.
        var generator = SplitMix64(seed: 0x5EED_F1)
        var samples: [Double] = []
        let n = outcomes.count
        if n > 0 {
            for _ in 0..<1000 {
                var btp = 0, bfp = 0, bfn = 0
                for _ in 0..<n {
                    let o = outcomes[Int(generator.next() % UInt64(n))]
                    if o.labelled && o.predicted { btp += 1 } else if o.predicted { bfp += 1 } else if o.labelled { bfn += 1 }
                }
                samples.append(Self.f1(tp: btp, fp: bfp, fn: bfn))
            }
            samples.sort()
            f1Interval = samples[25]...samples[974]
        } else {
            f1Interval = 0...1
        }
    }

    static func f1(tp: Int, fp: Int, fn: Int) -> Double {
        tp == 0 ? (fp == 0 && fn == 0 ? 1 : 0) : 2 * Double(tp) / Double(2 * tp + fp + fn)
    }

    /// Wilson score interval at 95 % for `k` successes in `n`.
    static func wilson(_ k: Int, _ n: Int) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        let z = 1.959964, p = Double(k) / Double(n), nn = Double(n)
        let centre = (p + z * z / (2 * nn)) / (1 + z * z / nn)
        let half = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()) / (1 + z * z / nn)
        return max(0, centre - half)...min(1, centre + half)
    }

    /// One report line: `topic  P 0.950 [0.83–0.99]  R …  F1 …  (tp/fp/fn)`.
    public var line: String {
        func range(_ r: ClosedRange<Double>) -> String { String(format: "[%.2f–%.2f]", r.lowerBound, r.upperBound) }
        let name = topic.count < 18 ? topic + String(repeating: " ", count: 18 - topic.count) : topic
        return name + String(format: " P %.3f ", precision) + range(precisionInterval)
            + String(format: "  R %.3f ", recall) + range(recallInterval)
            + String(format: "  F1 %.3f ", f1) + range(f1Interval)
            + "  (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
    }
}

/// A small deterministic generator (SplitMix64) for bootstraps and fold order.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
