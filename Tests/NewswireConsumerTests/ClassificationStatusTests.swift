import Foundation
import GRDB
import NewsClassification
import NewsModels
import NewswireConsumer
import NewswireTesting
import Testing

/// What the consumer keeps of a classification: the status of an article in a
/// language the taxonomy does not cover, and evidence capped with its total.
@Suite("Classification status and evidence in the store")
struct ClassificationStatusTests {
    func event(_ id: String, language: String, paragraphs: [String]) -> ArticleEvent {
        SampleArticles.event(id, title: "Snowden", paragraphs: paragraphs, language: language)
    }

    @Test("An Italian article is stored with 'unclassified: language it' and no topics; English is classified")
    func unsupportedLanguage() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let classifier = ArticleClassifier(taxonomy: .default)
        let italian = event("it1", language: "it", paragraphs: ["Washington chiede alla Russia di consegnare Edward Snowden."])
        let outcome = classifier.classifyArticle(italian)
        #expect(outcome.classifications.isEmpty)
        #expect(outcome.status == "unclassified: language it")
        _ = try await store.store([try ClassifiedArticle(
            event: italian, classifications: outcome.classifications, classificationStatus: outcome.status,
            evidenceTotals: outcome.evidenceTotals)], consumerID: "c")
        let english = event("en1", language: "en", paragraphs: [
            "Washington pressed Moscow to return Edward Snowden, the ex-contractor, and to turn down his plea for asylum.",
            "Washington wants Snowden returned to face espionage charges, officials said, and revoked his passport.",
        ])
        let englishOutcome = classifier.classifyArticle(english)
        #expect(englishOutcome.status == nil)
        #expect(englishOutcome.classifications.map(\.topicID) == ["snowden-request"])
        _ = try await store.store([try ClassifiedArticle(
            event: english, classifications: englishOutcome.classifications, classificationStatus: englishOutcome.status,
            evidenceTotals: englishOutcome.evidenceTotals)], consumerID: "c")
        let stored = try store.articles()
        #expect(stored.first { $0.id == "it1" }?.classificationStatus == "unclassified: language it")
        #expect(stored.first { $0.id == "it1" }?.topics.isEmpty == true)
        #expect(stored.first { $0.id == "en1" }?.classificationStatus == nil)
    }

    @Test("Evidence is stored capped at the strongest 20 with the total; a longer list from elsewhere is capped too")
    func evidenceCapped() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore.open(path: directory.path("n.db"))
        let classifier = ArticleClassifier(taxonomy: .default)
        let paragraph = "The United States asked Russia to hand over Edward Snowden and to refuse his request for asylum."
        let long = event("big", language: "en", paragraphs: [String](repeating: paragraph, count: 500))
        let outcome = classifier.classifyArticle(long)
        let topic = try #require(outcome.classifications.first { $0.topicID == "snowden-request" })
        #expect(topic.evidence.count == 20)
        var flooded = topic
        flooded.evidence = (0..<100).map { index in
            var item = EvidenceMessage()
            item.phrase = "p\(index)"
            item.matched = "m"
            item.weight = Double(index)
            return item
        }
        _ = try await store.store([try ClassifiedArticle(
            event: long, classifications: [flooded], classificationStatus: nil, evidenceTotals: [outcome.evidenceTotals[0]])],
            consumerID: "c")
        let queue = try DatabaseQueue(path: directory.path("n.db"))
        let row = try #require(try queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT evidence, evidence_total FROM article_topics
                WHERE article_number = (SELECT number FROM articles WHERE id = 'big')
                """)
        })
        let evidence = try JSONSerialization.jsonObject(with: Data((row["evidence"] as String).utf8)) as? [[String: Any]]
        #expect(evidence?.count == 20)
        #expect(evidence?.compactMap { $0["weight"] as? Double }.min() == 80)
        #expect((row["evidence_total"] as Int) > 1000)
    }
}
