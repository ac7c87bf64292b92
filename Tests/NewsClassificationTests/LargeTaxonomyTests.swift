import NewsClassification
import NewswireTesting
import Testing

@Suite("Large taxonomies and determinism")
struct LargeTaxonomyTests {
    /// The default taxonomy's YAML plus `count` generated topics, as text, so
    /// the loader is exercised at scale too.
    static func generatedYAML(extraTopics count: Int) -> String {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let syllables = ["ka", "lo", "mer", "tis", "van", "dru", "pel", "sor", "qui", "nab"]
        let real = ["kerry", "moscow", "opposition", "weapons", "conference", "asylum", "refugees", "summit"]
        var yaml = Taxonomy.defaultYAML + "\n"
        for index in 0..<count {
            yaml += "  - id: generated-\(index)\n    label: Generated \(index)\n    phrases:\n"
            var seen = Set<String>()
            for _ in 0..<(5 + next(16)) {
                let words = (0..<(1 + next(3))).map { _ in
                    next(10) == 0 ? real[next(real.count)] : (0..<(2 + next(3))).map { _ in syllables[next(10)] }.joined()
                }
                let text = words.joined(separator: " ")
                guard seen.insert(text).inserted else { continue }
                yaml += "      - { text: \(text), weight: 0.\(2 + next(8)) }\n"
            }
        }
        return yaml
    }

    @Test("A 500-topic taxonomy still finds exactly the default topics' matches")
    func largeTaxonomyKeepsDefaultMatches() throws {
        let large = try Taxonomy(yaml: Self.generatedYAML(extraTopics: 497), source: "generated.yaml")
        #expect(large.topics.count == 500)
        let defaults = TopicClassifier()
        let combined = TopicClassifier(taxonomy: large)
        let ids = Set(Taxonomy.default.topics.map(\.id))
        for (article, _) in try FixtureArticle.allLabelled() {
            let expected = defaults.score(title: article.title, paragraphs: article.paragraphs)
            let actual = combined.score(title: article.title, paragraphs: article.paragraphs).filter { ids.contains($0.id) }
            #expect(actual == expected, "\(article.name)")
        }
    }

    @Test("Classification is deterministic across calls, classifiers and threads")
    func determinism() async throws {
        let articles = try FixtureArticle.allLabelled().map(\.article)
        let first = TopicClassifier()
        let reference = articles.map { first.score(title: $0.title, paragraphs: $0.paragraphs) }
        let second = TopicClassifier(taxonomy: try Taxonomy(yaml: Taxonomy.defaultYAML))
        #expect(articles.map { second.score(title: $0.title, paragraphs: $0.paragraphs) } == reference)
        #expect(articles.map { first.score(title: $0.title, paragraphs: $0.paragraphs) } == reference)
        let concurrent = await withTaskGroup(of: (Int, [TopicAssignment]).self) { group in
            for (index, article) in articles.enumerated() {
                group.addTask { (index, first.score(title: article.title, paragraphs: article.paragraphs)) }
            }
            var results = [[TopicAssignment]](repeating: [], count: articles.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        #expect(concurrent == reference)
    }

    @Test("The default taxonomy parses, and its metadata is sensible")
    func defaultTaxonomy() {
        let taxonomy = Taxonomy.default
        #expect(taxonomy.topics.map(\.id) == ["syria-talks", "snowden-request", "arms-supply"])
        #expect(taxonomy == Taxonomy.default)
        #expect(!TopicClassifier.version.isEmpty)
        #expect(taxonomy.topics.allSatisfy { !$0.description.isEmpty && $0.threshold == 0.5 })
    }
}
