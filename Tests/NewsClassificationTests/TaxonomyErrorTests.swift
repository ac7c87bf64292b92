import Foundation
import NewsClassification
import Testing

@Suite("Taxonomy errors")
struct TaxonomyErrorTests {
    /// Parses `yaml` as "topics.yaml" and returns the error it must throw.
    static func error(_ yaml: String) -> TaxonomyError? {
        #expect(throws: TaxonomyError.self) { try Taxonomy(yaml: yaml, source: "topics.yaml") }
    }

    static let header = """
        name: t
        version: "1"
        topics:

        """

    @Test("A YAML syntax error gives its line")
    func syntaxError() throws {
        let error = try #require(Self.error(Self.header + """
              - id: a
                label: "unterminated
                phrases: { x: 1 }
            """))
        #expect(error.code == .syntax)
        #expect(error.line == 6)
        #expect(error.description.hasPrefix("topics.yaml:6:"))
    }

    @Test("An unknown key is an error at the key")
    func unknownKey() throws {
        let error = try #require(Self.error(Self.header + """
              - id: a
                label: A
                treshold: 0.7
                phrases: { x: 1 }
            """))
        #expect(error.code == .unknownKey)
        #expect(error.line == 6)
        #expect(error.column == 5)
        #expect(error.message.contains("unknown key 'treshold'"))
        #expect(error.message.contains("threshold"), "lists the keys that are allowed")
    }

    @Test("A non-numeric weight reads like the documented example")
    func badWeight() throws {
        let error = try #require(Self.error(Self.header + """
              - id: arms-supply
                label: Arms
                phrases:
                  - text: rifles
                    weight: heavy
            """))
        #expect(error.code == .invalidField)
        #expect(error.description == "topics.yaml:8:17: topic 'arms-supply': phrase weight must be a number, got 'heavy'")
    }

    @Test("Weights must be finite", arguments: [".inf", "-.inf", ".nan", "1e400"])
    func nonFiniteWeight(weight: String) throws {
        let error = try #require(Self.error(Self.header + "  - { id: a, label: A, phrases: { x: \(weight) } }"))
        #expect(error.code == .invalidField)
        #expect(error.line == 4)
    }

    @Test("A duplicate topic id points at the second one and names the first")
    func duplicateID() throws {
        let error = try #require(Self.error(Self.header + """
              - id: same
                label: One
                phrases: { x: 1 }
              - id: same
                label: Two
                phrases: { y: 1 }
            """))
        #expect(error.code == .duplicateTopic)
        #expect(error.line == 7)
        #expect(error.message.contains("first defined on line 4"))
    }

    @Test("Empty documents and empty topic lists are rejected")
    func empty() throws {
        #expect(Self.error("")?.code == .emptyTaxonomy)
        #expect(Self.error("# only a comment\n")?.code == .emptyTaxonomy)
        let noTopics = try #require(Self.error("name: t\nversion: 1\ntopics: []\n"))
        #expect(noTopics.code == .emptyTaxonomy)
        #expect(noTopics.line == 3)
        #expect(Self.error("name: t\nversion: 1\n")?.code == .emptyTaxonomy)
    }

    @Test("Text and files over 1 MiB are rejected before parsing")
    func tooLarge() throws {
        let big = Self.header + "# " + String(repeating: "x", count: Taxonomy.maximumSize) + "\n"
        #expect(Self.error(big)?.code == .tooLarge)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nc-big-\(UUID().uuidString).yaml").path
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: TaxonomyError.self) { try Taxonomy(contentsOf: path) }
        #expect(error?.code == .tooLarge)
        #expect(error?.source == path)
    }

    @Test("A missing file is unreadable")
    func missingFile() {
        let error = #expect(throws: TaxonomyError.self) { try Taxonomy(contentsOf: "/nonexistent/topics.yaml") }
        #expect(error?.code == .unreadable)
        #expect(error?.description.hasPrefix("/nonexistent/topics.yaml: ") == true)
    }

    @Test("Other field checks", arguments: [
        ("  - { label: A, phrases: { x: 1 } }", TaxonomyError.Code.missingField, 4),
        ("  - { id: Bad_ID, label: A, phrases: { x: 1 } }", .invalidField, 4),
        ("  - { id: a, label: A, threshold: 1.5, phrases: { x: 1 } }", .invalidField, 4),
        ("  - { id: a, label: A }", .missingField, 4),
        ("  - { id: a, label: A, phrases: { '--': 1 } }", .invalidField, 4),
        ("  - { id: a, label: A, phrases: [ { text: x } ] }", .missingField, 4),
        ("  - id: a\n    label: A\n    phrases: { talks: 1, talk: 2 }", .duplicatePhrase, 6),
        ("  - id: a\n    label: A\n    conditions: [ { anchor: x, context: y, within: 0, weight: 1 } ]", .invalidField, 6),
        ("  - id: a\n    label: A\n    conditions: [ { anchor: x, within: 3, weight: 1 } ]", .missingField, 6),
        ("  - id: a\n    label: [A]\n    phrases: { x: 1 }", .invalidField, 5),
    ])
    func fieldChecks(topic: String, code: TaxonomyError.Code, line: Int) throws {
        let error = try #require(Self.error(Self.header + topic))
        #expect(error.code == code, "\(error)")
        #expect(error.line == line, "\(error)")
    }

    @Test("Unknown top-level keys and duplicate keys are caught")
    func topLevel() throws {
        let unknown = try #require(Self.error("name: t\nversion: 1\nowner: me\ntopics: []\n"))
        #expect(unknown.code == .unknownKey)
        #expect(unknown.line == 3)
        let duplicate = try #require(Self.error("name: t\nname: u\nversion: 1\ntopics: []\n"))
        #expect(duplicate.code == .syntax)
        #expect(duplicate.message.contains("duplicate key 'name'"))
    }

    @Test("The error description leaves out unknown parts")
    func descriptionFormat() {
        #expect(TaxonomyError(code: .unreadable, source: "a.yaml", message: "m").description == "a.yaml: m")
        #expect(TaxonomyError(code: .syntax, source: "a.yaml", line: 3, message: "m").description == "a.yaml:3: m")
        #expect(TaxonomyError(code: .syntax, source: "a.yaml", line: 3, column: 9, message: "m").description
            == "a.yaml:3:9: m")
    }
}
