/// Scores a taxonomy on labelled examples: per-topic precision, recall and
/// F1 (with 95 % intervals), and every miss with the evidence the classifier saw.
public struct TaxonomyEvaluation: Sendable {
    /// One wrong decision: a labelled topic not assigned, or a topic assigned without its label.
    public struct Miss: Sendable {
        public var example: String
        public var topic: String
        /// true: labelled but not assigned; false: assigned but not labelled.
        public var missed: Bool
        public var score: Double
        public var threshold: Double
        public var status: String?
        public var evidence: [Evidence]
        public var decision: TopicAssignment.Decision?
    }

    public var metrics: [TopicMetrics]
    public var misses: [Miss]
    /// Examples not classified because of their language, by language.
    public var unsupported: [String: Int]
    /// Hard negatives (as labelled) that got a topic they are not labelled with.
    public var labelledHardNegatives: [String]
    public var macroF1: Double { metrics.isEmpty ? 0 : metrics.map(\.f1).reduce(0, +) / Double(metrics.count) }

    public init(taxonomy: Taxonomy, examples: [LabelledExample]) {
        let classifier = TopicClassifier(taxonomy: taxonomy)
        let sorted = examples.sorted { $0.id < $1.id }
        var predicted: [Set<String>] = []
        var misses: [Miss] = []
        var unsupported: [String: Int] = [:]
        var hardNegatives: [String] = []
        for example in sorted {
            let outcome = classifier.score(title: example.title, paragraphs: example.paragraphs, language: example.language)
            if outcome.status != nil { unsupported[example.language, default: 0] += 1 }
            let assigned = Set(outcome.topics.filter(\.assigned).map(\.id))
            predicted.append(assigned)
            if example.hardNegative, !assigned.subtracting(example.labels).isEmpty { hardNegatives.append(example.id) }
            for topic in taxonomy.topics.map(\.id) where example.labels.contains(topic) != assigned.contains(topic) {
                let found = outcome.topics.first { $0.id == topic }
                misses.append(Miss(
                    example: example.id, topic: topic, missed: example.labels.contains(topic), score: found?.score ?? 0,
                    threshold: found?.threshold ?? 0, status: outcome.status, evidence: found?.evidence ?? [],
                    decision: found?.decision))
            }
        }
        metrics = taxonomy.topics.map { topic in
            TopicMetrics(topic: topic.id, outcomes: zip(sorted, predicted).map { ($0.labels.contains(topic.id), $1.contains(topic.id)) })
        }
        self.misses = misses
        self.unsupported = unsupported
        self.labelledHardNegatives = hardNegatives
    }
}
