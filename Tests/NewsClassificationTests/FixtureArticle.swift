import Foundation
import NewswireTesting

/// A fixture article split the way the classifier receives it: the first
/// line is the title, blank lines separate paragraphs, and each paragraph's
/// lines are trimmed (the seeds are indented) and joined with spaces.
struct FixtureArticle {
    var name: String
    var title: String
    var paragraphs: [String]

    init(path: String) throws {
        self.init(name: String(path.split(separator: "/").last ?? Substring(path)), text: try Fixtures.string(path))
    }

    init(name: String, text: String) {
        self.name = name
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        title = lines.first ?? ""
        paragraphs = []
        var current: [String] = []
        for line in lines.dropFirst() {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
    }

    /// The labelled classification fixtures, by file name, with their expected topics.
    static func labelled() throws -> [(article: FixtureArticle, expected: Set<String>)] {
        let labels = try JSONDecoder().decode([String: [String]].self, from: Fixtures.data("classification/labels.json"))
        return try labels.keys.sorted().map { name in
            (try FixtureArticle(path: "classification/\(name)"), Set(labels[name]!))
        }
    }

    /// The labelled fixtures plus the two seeds with their required labels.
    static func allLabelled() throws -> [(article: FixtureArticle, expected: Set<String>)] {
        let seeds: [(article: FixtureArticle, expected: Set<String>)] = [
            (try FixtureArticle(path: Fixtures.firstSeed), ["syria-talks", "snowden-request", "arms-supply"]),
            (try FixtureArticle(path: Fixtures.secondSeed), ["syria-talks"]),
        ]
        return try labelled() + seeds
    }
}
