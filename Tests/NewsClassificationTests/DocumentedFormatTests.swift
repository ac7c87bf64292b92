import NewsClassification
import Testing

@Suite("Documented format")
struct DocumentedFormatTests {
    /// The example from `Taxonomy`'s documentation, verbatim.
    static let example = """
        name: newswire-default          # required, any text
        version: "3"                    # required, any scalar; store it with results
        topics:                         # required, 1...10,000 topics
          - id: snowden-request         # required, ^[a-z0-9][a-z0-9-]{0,63}$, unique
            label: Snowden handover     # required
            description: >              # optional, for people tuning the topic
              The US asking another country to return Edward Snowden.
            threshold: 0.5              # optional, (0, 1], default 0.5
            phrases:                    # a list of {text, weight} ...
              - text: extradite snowden
                weight: 1.5
              - { text: snowden asylum, weight: 1.0 }
            conditions:                 # optional proximity conditions
              - anchor: [snowden]                            # one term or a list
                context: [return, hand over, extradite]      # one term or a list
                within: 12                                   # words, 1...1000
                weight: 1.2                                  # finite number
          - id: arms-supply
            label: Arms to Syria
            phrases:                    # ... or a map of text: weight
              arms to the rebels: 1.2
              colombia: -2              # negative weights penalise
        """

    @Test("The example in Taxonomy's documentation parses and classifies")
    func documentedExample() throws {
        let taxonomy = try Taxonomy(yaml: Self.example, source: "example.yaml")
        #expect(taxonomy.name == "newswire-default")
        #expect(taxonomy.topics.map(\.id) == ["snowden-request", "arms-supply"])
        let condition = try #require(taxonomy.topics[0].conditions.first)
        #expect(condition == ProximityCondition(
            anchor: ["snowden"], context: ["return", "hand over", "extradite"], window: 12, weight: 1.2))
        #expect(taxonomy.topics[1].phrases.last == WeightedPhrase(text: "colombia", weight: -2))
        let result = TopicClassifier(taxonomy: taxonomy)
            .classify(title: "Russia refuses to hand over Snowden", paragraphs: [])
        #expect(result.map(\.id) == ["snowden-request"])
    }
}
