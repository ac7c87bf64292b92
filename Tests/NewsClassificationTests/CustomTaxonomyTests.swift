import Foundation
import NewsClassification
import Testing

@Suite("Custom taxonomies")
struct CustomTaxonomyTests {
    static let yaml = """
        # A small taxonomy in both phrase forms.
        name: sports
        version: "2"
        topics:
          - id: football
            label: Football
            description: Association football.
            threshold: 0.6
            phrases:
              - text: penalty kick
                weight: 0.8
              - { text: goalkeeper, weight: 0.5 }
          - id: tennis
            label: Tennis
            phrases:
              grand slam: 1.0
              tie-break: 0.5
              football: -2
        """

    @Test("A taxonomy parses from a YAML string with both phrase forms")
    func parsesFromString() throws {
        let taxonomy = try Taxonomy(yaml: Self.yaml)
        #expect(taxonomy.name == "sports")
        #expect(taxonomy.version == "2")
        #expect(taxonomy.topics.map(\.id) == ["football", "tennis"])
        let football = taxonomy.topics[0]
        #expect(football.label == "Football")
        #expect(football.description == "Association football.")
        #expect(football.threshold == 0.6)
        #expect(football.phrases == [WeightedPhrase(text: "penalty kick", weight: 0.8),
                                     WeightedPhrase(text: "goalkeeper", weight: 0.5)])
        #expect(taxonomy.topics[1].threshold == TopicDefinition.defaultThreshold)
        #expect(taxonomy.topics[1].phrases.last == WeightedPhrase(text: "football", weight: -2))
    }

    @Test("A custom taxonomy classifies as its phrases say")
    func classifiesByPhrases() throws {
        let classifier = TopicClassifier(taxonomy: try Taxonomy(yaml: Self.yaml))
        let football = classifier.classify(
            title: "Late drama", paragraphs: ["The goalkeeper saved two Penalty Kicks in the shootout."])
        #expect(football.map(\.id) == ["football"])
        let tennis = classifier.classify(title: "Grand Slam final", paragraphs: ["She won the tie-break."])
        #expect(tennis.map(\.id) == ["tennis"])
        #expect(classifier.classify(title: "Weather", paragraphs: ["Rain all week."]).isEmpty)
        #expect(classifier.score(title: "Weather", paragraphs: ["Rain all week."]).isEmpty)
    }

    @Test("A taxonomy loads from a file, and errors name the file")
    func loadsFromFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sports.yaml").path
        try Self.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let taxonomy = try Taxonomy(contentsOf: path)
        #expect(taxonomy == (try Taxonomy(yaml: Self.yaml)))
        let result = TopicClassifier(taxonomy: taxonomy).classify(title: "", paragraphs: ["a grand slam title"])
        #expect(result.map(\.id) == ["tennis"])

        let broken = directory.appendingPathComponent("broken.yaml").path
        try Self.yaml.replacingOccurrences(of: "weight: 0.8", with: "weight: lots")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let error = #expect(throws: TaxonomyError.self) { try Taxonomy(contentsOf: broken) }
        #expect(error?.source == broken)
        #expect(error?.description == "\(broken):11:17: topic 'football': phrase weight must be a number, got 'lots'")
    }

    @Test("Proximity conditions fire only within their window")
    func proximityWindow() throws {
        let taxonomy = try Taxonomy(yaml: """
            name: t
            version: "1"
            topics:
              - id: handover
                label: Handover
                conditions:
                  - anchor: [snowden]
                    context: [hand over, extradite]
                    within: 3
                    weight: 1
            """)
        let classifier = TopicClassifier(taxonomy: taxonomy)
        func fires(_ text: String) -> Bool { !classifier.classify(title: "", paragraphs: [text]).isEmpty }
        #expect(fires("Russia will not hand over Snowden."))           // distance 1
        #expect(fires("They asked to extradite Mr. Edward Snowden."))   // distance 3
        #expect(!fires("They asked to extradite the man, Mr. Edward Snowden."))  // distance 5
        #expect(!fires("Snowden spoke."), "anchor alone")
        #expect(!fires("They will extradite him."), "context alone")
        #expect(classifier.classify(title: "Snowden", paragraphs: ["extradite"]).isEmpty,
                "terms in different paragraphs do not pair")
        let evidence = try #require(classifier.classify(title: "", paragraphs: ["Will Russia hand over Snowden?"])
            .first?.evidence.first)
        #expect(evidence.phrase == "snowden + hand over (within 3 words)")
        #expect(evidence.matched == "hand over Snowden")
    }
}
