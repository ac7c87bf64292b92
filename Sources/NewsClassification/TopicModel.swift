/// The fitted decision of one topic: a logistic regression over the
/// features ``TopicFeatures`` computes, and the probability at which the
/// topic is assigned.
///
/// `score = 1 / (1 + exp(−(bias + Σ weight_f × value_f)))`; the topic is
/// assigned when `score ≥ threshold`. Weights are keyed by feature name
/// (see ``TopicFeatures``), so a taxonomy file shows exactly what decides;
/// features a model does not name weigh 0. Written by `newswire taxonomy fit`.
public struct TopicModel: Sendable, Equatable {
    public var bias: Double
    /// Probability (0, 1) at or above which the topic is assigned.
    public var threshold: Double
    /// Feature name and weight, in the order the file lists them.
    public var weights: [(feature: String, weight: Double)]

    public init(bias: Double, threshold: Double, weights: [(feature: String, weight: Double)]) {
        self.bias = bias
        self.threshold = threshold
        self.weights = weights
    }

    public static func == (a: TopicModel, b: TopicModel) -> Bool {
        a.bias == b.bias && a.threshold == b.threshold && a.weights.count == b.weights.count
            && zip(a.weights, b.weights).allSatisfy { $0.feature == $1.feature && $0.weight == $1.weight }
    }
}
