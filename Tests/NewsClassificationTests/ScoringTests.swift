import Foundation
import NewsClassification
import Testing

@Suite("Scoring")
struct ScoringTests {
    static func classifier(_ phrases: String, threshold: Double = 0.5) throws -> TopicClassifier {
        TopicClassifier(taxonomy: try Taxonomy(yaml: """
            name: t
            version: "1"
            topics:
              - id: peace
                label: Peace talks
                threshold: \(threshold)
                phrases: \(phrases)
            """))
    }

    @Test("A negative weight excludes an otherwise matching topic")
    func negativeWeightExcludes() throws {
        let classifier = try Self.classifier("{ peace talks: 1.0, colombia: -2.0 }")
        #expect(classifier.classify(title: "", paragraphs: ["Peace talks resumed in Geneva."]).map(\.id) == ["peace"])
        #expect(classifier.classify(title: "", paragraphs: ["Colombia's peace talks resumed in Havana."]).isEmpty)
        let explained = try #require(classifier.score(title: "", paragraphs: ["Colombia's peace talks resumed."]).first)
        #expect(explained.score == 0)
        #expect(!explained.assigned)
        #expect(explained.evidence.map(\.weight) == [-2.0, 1.0])
    }

    @Test("Repeats are damped by half, and title matches count 1.5 times")
    func dampingAndTitleBoost() throws {
        let classifier = try Self.classifier("{ ceasefire: 0.4 }")
        let result = try #require(classifier.score(
            title: "Ceasefire holds", paragraphs: ["The ceasefire held.", "A ceasefire, and another ceasefire."]).first)
        let weights = result.evidence.map(\.weight)
        #expect(weights.count == 4)
        for (weight, expected) in zip(weights, [0.6, 0.2, 0.1, 0.05]) { #expect(abs(weight - expected) < 1e-12) }
        #expect(abs(result.score - (1 - exp(-0.95))) < 1e-12)
    }

    @Test("The threshold decides assignment")
    func threshold() throws {
        let strict = try Self.classifier("{ ceasefire: 0.5 }", threshold: 0.5)
        #expect(strict.classify(title: "", paragraphs: ["A ceasefire."]).isEmpty)  // 1 - e^-0.5 = 0.39
        let lenient = try Self.classifier("{ ceasefire: 0.5 }", threshold: 0.3)
        #expect(lenient.classify(title: "", paragraphs: ["A ceasefire."]).map(\.id) == ["peace"])
    }

    @Test("Unknown words break a phrase; punctuation and case do not")
    func phraseContinuity() throws {
        let classifier = try Self.classifier("{ peace talks: 1.0 }")
        #expect(!classifier.classify(title: "", paragraphs: ["PEACE-TALKS"]).isEmpty)
        #expect(!classifier.classify(title: "", paragraphs: ["peace, talks"]).isEmpty)
        #expect(classifier.classify(title: "", paragraphs: ["peace and talks"]).isEmpty)
    }

    @Test("Empty and odd input is handled")
    func oddInput() throws {
        let classifier = TopicClassifier(taxonomy: Taxonomy.default.unfitted)
        #expect(classifier.classify(title: "", paragraphs: []).isEmpty)
        #expect(classifier.score(title: "", paragraphs: ["", " ", "\u{0}\u{0}"]).isEmpty)
        let long = String(repeating: "x", count: 10_000) + " Geneva II"
        #expect(classifier.score(title: long, paragraphs: []).first?.evidence.first?.matched == "Geneva II")
    }

    @Test("A taxonomy built in code skips unusable phrases instead of failing")
    func codeBuiltTaxonomy() {
        let taxonomy = Taxonomy(name: "t", version: "1", topics: [
            TopicDefinition(id: "a", label: "A", phrases: [
                WeightedPhrase(text: "...", weight: 1),
                WeightedPhrase(text: "nan weight", weight: .nan),
                WeightedPhrase(text: "ceasefire", weight: 1),
            ], conditions: [ProximityCondition(anchor: [], context: ["x"], window: 3, weight: 1)]),
        ])
        let result = TopicClassifier(taxonomy: taxonomy).score(title: "nan weight ceasefire", paragraphs: [])
        #expect(result.map(\.id) == ["a"])
        #expect(result.first?.evidence.map(\.phrase) == ["ceasefire"])
    }
}
