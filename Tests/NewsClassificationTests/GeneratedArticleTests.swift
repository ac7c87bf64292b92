import NewsClassification
import NewswireTesting
import Testing

/// The generated articles the integration tests and the pipeline benchmark
/// feed: the benchmark times each article to its first topic message, so
/// each must have a topic, and each must be new to the store.
@Suite("Generated articles")
struct GeneratedArticleTests {
    @Test("2–8 KB, all different, the same on every call, and each with a topic of the default taxonomy")
    func realistic() throws {
        let articles = try GeneratedArticles()
        let classifier = TopicClassifier()
        var texts = Set<String>()
        var topicSets = Set<Set<String>>()
        for index in 0..<1_000 {
            let text = articles.text(index)
            #expect(GeneratedArticles.realisticSizes.contains(text.utf8.count), "article \(index) is \(text.utf8.count) bytes")
            #expect(text == articles.text(index))
            texts.insert(text)
            let article = FixtureArticle(name: "generated-\(index)", text: text)
            let topics = Set(classifier.classify(title: article.title, paragraphs: article.paragraphs).map(\.id))
            #expect(!topics.isEmpty, "article \(index) has no topic")
            topicSets.insert(topics)
        }
        #expect(texts.count == 1_000)
        #expect(topicSets.count >= 4, "topics vary and combine: \(topicSets)")
    }

    @Test("with no room to grow, each is one fixture article plus its numbered paragraph")
    func fixtureSized() throws {
        let articles = try GeneratedArticles(sizes: 0...0)
        let texts = (0..<100).map(articles.text)
        #expect(texts[7].hasSuffix("This is dispatch number 7 of the generated run."))
        #expect(texts.allSatisfy { $0.utf8.count < 6_000 }, "no filler: the largest fixture is the 5 KB seed")
        #expect(Set(texts).count == 100, "leads repeat, made unique by their numbers")
    }
}
