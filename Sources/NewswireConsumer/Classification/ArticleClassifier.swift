public import NewsClassification
public import NewsModels
internal import Synchronization
internal import Metrics

/// An article's topics as wire messages, with what the store keeps beside them.
public struct ArticleClassification: Sendable {
    public var classifications: [Classification]
    /// Per classification, the evidence items found (the messages carry the strongest few).
    public var evidenceTotals: [Int]
    /// nil when classified; `unclassified: language xx` when the taxonomy does not cover the article's language.
    public var status: String?
}

/// Classifies article events with the current taxonomy, and swaps in a new
/// taxonomy atomically (on SIGHUP) without stopping the consumer.
public final class ArticleClassifier: Sendable {
    private let current: Mutex<TopicClassifier>
    /// Articles not classified because of their language, by language
    /// (`newswire_consumer_articles_unclassified_total{language}`; counted when classified, so redeliveries count again).
    private let unclassified = Mutex<[String: Counter]>([:])

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
        classifyArticle(event).classifications
    }

    /// The assigned topics of an article in its language (as the parser
    /// detected it), evidence totals, and the status when the taxonomy does
    /// not cover that language (then no topics, and the metric counts it).
    public func classifyArticle(_ event: ArticleEvent) -> ArticleClassification {
        let classifier = current.withLock { $0 }
        let taxonomyVersion = "\(classifier.taxonomy.name)@\(classifier.taxonomy.version)"
        let outcome = classifier.classify(
            title: event.article.title, paragraphs: event.article.paragraphs, language: event.article.language)
        if outcome.status != nil {
            let language = event.article.language
            let counter = unclassified.withLock { counters in
                if let counter = counters[language] { return counter }
                let counter = Counter(label: "newswire_consumer_articles_unclassified_total", dimensions: [("language", language)])
                counters[language] = counter
                return counter
            }
            counter.increment()
        }
        let classifications = outcome.topics.map { assignment in
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
        return ArticleClassification(
            classifications: classifications, evidenceTotals: outcome.topics.map(\.evidenceTotal), status: outcome.status)
    }
}
