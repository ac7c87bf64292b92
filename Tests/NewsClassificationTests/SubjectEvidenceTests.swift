import Foundation
import NewsClassification
import Testing

/// How subject mentions and rule hits become features, on a small taxonomy
/// written here (a made-up country, so no real wording is involved):
/// descriptions count as the subject only where it is named, a positive rule
/// matched inside a penalised phrase does not count, and rule hits are split
/// by whether their paragraph mentions the subject.
@Suite("Subject evidence")
struct SubjectEvidenceTests {
    static let taxonomy = try! Taxonomy(yaml: """
        name: ruritania
        version: "1"
        languages: [en]
        topics:
          - id: ruritania-arms
            label: Arms for Ruritania
            phrases:
              - { text: nerve gas, weight: -0.5 }
            conditions:
              - anchor: [weapons, rifles]
                context: [ruritania, rebels]
                within: 8
                weight: 0.5
              - anchor: [supply, deliver]
                context: [weapons, rifles]
                within: 5
                weight: 0.3
            subject:
              en: [ruritania, ruritanian]
            refers:
              en: [rebels, the regime]
            action:
              en: [supply, deliver, shipment]
        """)

    let classifier = TopicClassifier(taxonomy: SubjectEvidenceTests.taxonomy)

    func feature(_ name: String, _ title: String, _ paragraphs: [String]) -> Double {
        let names = classifier.featureNames(topic: 0)
        let vector = classifier.featureVectors(title: title, paragraphs: paragraphs, language: "en")[0]
        return vector[names.firstIndex(of: name)!]
    }

    @Test("Descriptions ('the rebels') are subject mentions only in an article that names the subject")
    func descriptionsNeedTheName() {
        let elsewhere = ["The rebels in the northern hills received a shipment of rifles on Monday.",
                         "The rebels said more would follow."]
        #expect(feature("subject", "Hill fighters armed", elsewhere) == 0)
        #expect(feature("action-near", "Hill fighters armed", elsewhere) == 0)
        let named = elsewhere + ["Ruritania's government condemned the delivery."]
        #expect(feature("subject", "Hill fighters armed", named) == log1p(3))
        #expect(feature("action-near", "Hill fighters armed", named) > 0)
    }

    @Test("The YAML key 'refers' round-trips through the writer and parser")
    func refersRoundTrips() throws {
        let yaml = TaxonomyWriter.yaml(Self.taxonomy)
        #expect(yaml.contains("refers:"))
        let parsed = try Taxonomy(yaml: yaml)
        #expect(parsed == Self.taxonomy)
        #expect(parsed.topics[0].refers.entries.flatMap(\.terms) == ["rebels", "the regime"])
    }

    @Test("A positive rule matched across a penalised phrase ('Ruritania's nerve gas weapons') is not counted")
    func penaltyPhraseVetoesOverlappingRules() {
        let removal = ["Ruritania's nerve gas weapons were taken out of the country for destruction on Friday."]
        #expect(feature("condition:1", "Stockpile removed", removal) == 0)
        #expect(feature("phrase:nerve gas", "Stockpile removed", removal) == log1p(1))
        #expect(feature("rules", "Stockpile removed", removal) == 0)
        let supply = ["Ruritania received weapons from abroad on Friday, officials said."]
        #expect(feature("condition:1", "Arms arrive", supply) == log1p(1))
        // The same rule elsewhere in the article still counts.
        let both = removal + supply
        #expect(feature("condition:1", "Arms arrive", both) == log1p(1))
    }

    @Test("Rule hits are counted apart by whether their paragraph mentions the subject")
    func rulesNearAndFarFromTheSubject() {
        let paragraphs = [
            "Ruritania's ministers met on Tuesday.",
            "Separately, a company said it would deliver rifles to the coastguard of a neighbouring state.",
        ]
        #expect(feature("rules-subject", "Ministers meet", paragraphs) == 0)
        #expect(feature("rules-elsewhere", "Ministers meet", paragraphs) == log1p(1))
        // Both conditions fire here: "deliver rifles" and "Ruritania … rifles".
        let together = ["Ruritania asked its allies to deliver rifles before the winter."]
        #expect(feature("rules-subject", "Allies asked", together) == log1p(2))
        #expect(feature("rules-elsewhere", "Allies asked", together) == 0)
        #expect(feature("action-near-lead", "Allies asked", together) == 1)
    }

    @Test("A penalty in the lead is its own feature: the penalised event is what the article is about")
    func penaltiesInTheLead() {
        let lead = ["Nerve gas stocks left Ruritania on Friday.", "Inspectors watched."]
        #expect(feature("penalties-lead", "Nerve gas removed", lead) == log1p(2))
        let background = ["Ruritania bought rifles.", "Officials talked.", "Years ago nerve gas was found there."]
        #expect(feature("penalties-lead", "Rifles bought", background) == 0)
        #expect(feature("penalties", "Rifles bought", background) > 0)
    }
}
