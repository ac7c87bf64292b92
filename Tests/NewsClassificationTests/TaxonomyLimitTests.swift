import NewsClassification
import Testing

/// A taxonomy file is configuration an operator may copy from anywhere: the
/// parser stops at its limits, also when YAML aliases multiply a small file.
@Suite("Taxonomy limits")
struct TaxonomyLimitTests {
    @Test("YAML aliases that repeat one phrase list past the phrase limit stop with .limitExceeded")
    func aliasAmplification() throws {
        let phrases = (0..<1000).map { "w\($0): 1" }.joined(separator: ", ")
        var yaml = "name: t\nversion: \"1\"\ntopics:\n  - id: t0\n    label: L\n    phrases: &p { \(phrases) }\n"
        for index in 1...200 { yaml += "  - { id: t\(index), label: L, phrases: *p }\n" }
        #expect(yaml.utf8.count < 64 * 1024, "small on disk: 201,000 phrases once the aliases are expanded")
        let error = try #require(TaxonomyErrorTests.error(yaml))
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("\(Taxonomy.maximumPhrases)"), "\(error)")
    }

    @Test("More topics than the limit stop with .limitExceeded at the list")
    func tooManyTopics() throws {
        var yaml = "name: t\nversion: \"1\"\ntopics:\n"
        for index in 0...Taxonomy.maximumTopics { yaml += "  - { id: t\(index), label: L, phrases: { x: 1 } }\n" }
        #expect(yaml.utf8.count <= Taxonomy.maximumSize)
        let error = try #require(TaxonomyErrorTests.error(yaml))
        #expect(error.code == .limitExceeded)
        #expect(error.line == 4)
        #expect(error.message.contains("\(Taxonomy.maximumTopics + 1) topics"), "\(error)")
    }
}
