public import NewsClassification
public import NewsModels
internal import Synchronization

/// Classifies article events with the current taxonomy, and swaps in a new
/// taxonomy atomically (on SIGHUP) without stopping the consumer.
public final class ArticleClassifier: Sendable {
    private let current: Mutex<TopicClassifier>

    public init(taxonomy: Taxonomy) {
        current = Mutex(TopicClassifier(taxonomy: taxonomy))
    }

    /// The taxonomy in use now.
    public var taxonomy: Taxonomy { current.withLock { $0.taxonomy } }

    /// Uses `taxonomy` for every article classified from now on.
    public func replaceTaxonomy(_ taxonomy: Taxonomy) {
        let classifier = TopicClassifier(taxonomy: taxonomy)
        current.withLock { $0 = classifier }
    }

    /// The assigned topics of an article, as wire messages, highest score first.
    public func classify(_ event: ArticleEvent) -> [Classification] {
        let classifier = current.withLock { $0 }
        let taxonomyVersion = "\(classifier.taxonomy.name)@\(classifier.taxonomy.version)"
        return classifier.classify(title: event.article.title, paragraphs: event.article.paragraphs).map { assignment in
            var classification = Classification()
            classification.topicID = assignment.id
            classification.label = assignment.label
            classification.score = assignment.score
            classification.threshold = assignment.threshold
            classification.classifierVersion = TopicClassifier.version
            classification.taxonomyVersion = taxonomyVersion
            classification.evidence = assignment.evidence.map { item in
                var evidence = EvidenceMessage()
                evidence.phrase = item.phrase
                evidence.matched = item.matched
                evidence.paragraph = Int32(clamping: item.paragraph)
                evidence.start = UInt32(clamping: item.start)
                evidence.end = UInt32(clamping: item.end)
                evidence.weight = item.weight
                return evidence
            }
            return classification
        }
    }
}
