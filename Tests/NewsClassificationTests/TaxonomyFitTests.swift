import Foundation
import NewsClassification
import Testing

/// `TaxonomyFitter` on a small labelled set written here: deterministic,
/// round-trips through YAML, and learns what the labels say.
@Suite("Taxonomy fit")
struct TaxonomyFitTests {
    static let base = try! Taxonomy(yaml: """
        name: harbour
        version: "1"
        languages: [en, fr]
        topics:
          - id: port-strike
            label: Port strike
            phrases:
              - { text: dock strike, weight: 1.0 }
            subject:
              en: [port, dock, harbour]
              fr: [port, docks]
            action:
              en: [strike, walkout, picket]
              fr: [grève, piquet]
        """)

    /// Thirty-two short articles: half about a port strike, half about ports without one.
    static func examples() -> [LabelledExample] {
        let places = ["Rotterdam", "Antwerp", "Hamburg", "Felixstowe", "Genoa", "Valencia", "Gdansk", "Piraeus"]
        var examples: [LabelledExample] = []
        for (index, place) in places.enumerated() {
            examples.append(LabelledExample(
                id: "strike-\(index)", title: "Dock workers strike at \(place)",
                paragraphs: ["Workers at the port of \(place) began a strike on Monday over pay.",
                             "The walkout halted the harbour, and pickets blocked the dock gates."],
                language: "en", labels: ["port-strike"]))
            examples.append(LabelledExample(
                id: "strike-late-\(index)", title: "\(place) news",
                paragraphs: ["Container volumes at \(place) rose last year.",
                             "Later in the week the dock unions called a strike and the port stood still as pickets gathered."],
                language: "en", labels: ["port-strike"]))
            examples.append(LabelledExample(
                id: "quiet-\(index)", title: "\(place) port expands",
                paragraphs: ["The port of \(place) opened a new container terminal on Monday.",
                             "The harbour authority expects the dock to handle more ships next year."],
                language: "en", labels: []))
            examples.append(LabelledExample(
                id: "other-strike-\(index)", title: "Rail workers strike near \(place)",
                paragraphs: ["Train drivers near \(place) began a strike over pay.",
                             "The walkout stopped commuter services for a day."],
                language: "en", labels: [], hardNegative: true))
        }
        return examples
    }

    @Test("Refitting the same examples gives byte-identical YAML, which parses back to the same taxonomy")
    func deterministic() throws {
        let fitter = TaxonomyFitter(folds: 4)
        let first = fitter.fit(Self.base, examples: Self.examples())
        let second = fitter.fit(Self.base, examples: Self.examples().reversed())
        let yaml = TaxonomyWriter.yaml(first.taxonomy)
        #expect(yaml == TaxonomyWriter.yaml(second.taxonomy))
        let parsed = try Taxonomy(yaml: yaml)
        #expect(parsed == first.taxonomy)
        // Fitting the fitted file again (its models and terms are replaced) gives the same file.
        #expect(TaxonomyWriter.yaml(fitter.fit(parsed, examples: Self.examples()).taxonomy) == yaml)
        let model = try #require(parsed.topics[0].model)
        #expect(model.weights.contains { $0.feature == "action-near" || $0.feature == "action" })
        #expect(parsed.topics[0].crosslingualModel != nil)
    }

    @Test("The fitted decision separates the labels and cross-validation reports it")
    func learns() throws {
        let result = TaxonomyFitter(folds: 4).fit(Self.base, examples: Self.examples())
        let metrics = try #require(result.crossValidated.first)
        #expect(metrics.topic == "port-strike")
        #expect(metrics.f1 >= 0.9, "\(metrics.line)")
        #expect(metrics.precisionInterval.contains(metrics.precision))
        let evaluation = TaxonomyEvaluation(taxonomy: result.taxonomy, examples: Self.examples())
        #expect(evaluation.macroF1 >= 0.9)
        #expect(evaluation.labelledHardNegatives.isEmpty)
        // A French strike article is decided by the cross-lingual model.
        let classifier = TopicClassifier(taxonomy: result.taxonomy)
        let french = classifier.score(
            title: "Grève au port de Marseille",
            paragraphs: ["Les dockers du port de Marseille ont entamé une grève lundi.", "Un piquet bloque les docks du port."],
            language: "fr")
        let topic = try #require(french.topics.first)
        #expect(topic.decision?.model == "crosslingual-model")
        #expect(topic.assigned)
        #expect(classifier.classify(title: "Sciopero", paragraphs: ["Sciopero al porto."], language: "it").status
            == "unclassified: language it")
    }

    @Test("Nested cross-validation reports honest figures and fits the same file; a grid of term counts picks one per topic")
    func nestedAndTermGrid() throws {
        var fitter = TaxonomyFitter(folds: 4)
        let plain = fitter.fit(Self.base, examples: Self.examples())
        fitter.nested = true
        let nested = fitter.fit(Self.base, examples: Self.examples())
        #expect(TaxonomyWriter.yaml(nested.taxonomy) == TaxonomyWriter.yaml(plain.taxonomy))
        let metrics = try #require(nested.crossValidated.first)
        #expect(metrics.truePositives + metrics.falseNegatives == 16)
        #expect(nested.macroF1 >= 0.9, "\(metrics.line)")

        var grid = TaxonomyFitter(folds: 4)
        grid.termsGrid = [0, 4]
        let result = grid.fit(Self.base, examples: Self.examples())
        let chosen = try #require(result.terms.first)
        #expect([0, 4].contains(chosen))
        #expect(result.taxonomy.topics[0].terms.count <= chosen)
        #expect(TaxonomyWriter.yaml(grid.fit(Self.base, examples: Self.examples().reversed()).taxonomy)
            == TaxonomyWriter.yaml(result.taxonomy))
    }

    @Test("Logistic regression: fixed iterations, same weights every time, sensible signs")
    func logisticRegression() {
        let x: [[Double]] = [[0, 1], [1, 0], [2, 0], [0, 2], [3, 1], [1, 3]]
        let y = [false, true, true, false, true, false]
        let a = LogisticRegression(l2: 1).fit(x, y)
        let b = LogisticRegression(l2: 1).fit(x, y)
        #expect(a.bias == b.bias && a.weights == b.weights)
        #expect(a.weights[0] > 0 && a.weights[1] < 0)
    }
}
