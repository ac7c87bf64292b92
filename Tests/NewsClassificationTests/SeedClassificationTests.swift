import NewsClassification
import NewswireTesting
import Testing

@Suite("Seed articles")
struct SeedClassificationTests {
    let classifier = TopicClassifier()

    @Test("The first seed gets all three default topics")
    func firstSeed() throws {
        let article = try FixtureArticle(path: Fixtures.firstSeed)
        let ids = Set(classifier.classify(title: article.title, paragraphs: article.paragraphs).map(\.id))
        #expect(ids == ["syria-talks", "snowden-request", "arms-supply"])
    }

    @Test("The second seed gets syria-talks and not snowden-request")
    func secondSeed() throws {
        let article = try FixtureArticle(path: Fixtures.secondSeed)
        let ids = Set(classifier.classify(title: article.title, paragraphs: article.paragraphs).map(\.id))
        #expect(ids.contains("syria-talks"))
        #expect(!ids.contains("snowden-request"))
    }

    @Test("classify returns assigned topics only, highest score first, and agrees with score")
    func classifyIsAssignedSubsetOfScore() throws {
        let article = try FixtureArticle(path: Fixtures.firstSeed)
        let assigned = classifier.classify(title: article.title, paragraphs: article.paragraphs)
        let scored = classifier.score(title: article.title, paragraphs: article.paragraphs)
        #expect(assigned.allSatisfy { $0.assigned && $0.score >= $0.threshold })
        #expect(assigned == scored.filter(\.assigned))
        #expect(assigned.map(\.score) == assigned.map(\.score).sorted(by: >))
    }

    @Test("Snowden's request is explained by the proximity condition")
    func snowdenEvidence() throws {
        let article = try FixtureArticle(path: Fixtures.firstSeed)
        let topic = try #require(classifier.classify(title: article.title, paragraphs: article.paragraphs)
            .first { $0.id == "snowden-request" })
        let evidence = try #require(topic.evidence.first { $0.phrase == "snowden + return (within 12 words)" })
        #expect(evidence.phrase == "snowden + return (within 12 words)")
        #expect(evidence.matched.hasPrefix("Snowden, the former security contractor"))
        #expect(evidence.matched.hasSuffix("be returned"))
        #expect(article.paragraphs[evidence.paragraph].contains("Obama administration’s request"))
    }
}
