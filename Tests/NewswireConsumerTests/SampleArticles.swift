import Foundation
import NewsModels

/// Article events and classifications for the store's tests, built the same
/// way everywhere so each test states only what it is about.
enum SampleArticles {
    /// An event as the producer would send it: id, source, url, title, paragraphs, language and content hash.
    static func event(
        _ id: String, title: String = "Title", paragraphs: [String] = ["First paragraph.", "Second paragraph."],
        source: String = "wire", language: String = "en"
    ) -> ArticleEvent {
        var event = ArticleEvent()
        event.articleID = id
        event.source = source
        event.url = "https://example.com/\(id)"
        event.article.title = title
        event.article.paragraphs = paragraphs
        event.article.language = language
        event.article.contentHash = "hash-\(id)"
        event.parserVersion = "test"
        return event
    }

    /// A classification for `topic` with `score`, its label the topic id capitalized, and the given evidence.
    static func classification(
        _ topic: String, score: Double, threshold: Double = 0.5, evidence: [EvidenceMessage] = []
    ) -> Classification {
        var classification = Classification()
        classification.topicID = topic
        classification.label = topic.capitalized
        classification.score = score
        classification.threshold = threshold
        classification.classifierVersion = "test"
        classification.taxonomyVersion = "t@1"
        classification.evidence = evidence
        return classification
    }

    /// One evidence item: `phrase` matched as `matched` in `paragraph` (−1: the title).
    static func evidence(_ phrase: String, matched: String, paragraph: Int32 = 0, start: UInt32 = 0, end: UInt32 = 6, weight: Double = 1) -> EvidenceMessage {
        var evidence = EvidenceMessage()
        evidence.phrase = phrase
        evidence.matched = matched
        evidence.paragraph = paragraph
        evidence.start = start
        evidence.end = end
        evidence.weight = weight
        return evidence
    }
}
