import Foundation
import NewsClassification
import NewswireTesting
import Testing

@Suite("Classification quality on labelled fixtures")
struct ClassificationQualityTests {
    static let topics = ["syria-talks", "snowden-request", "arms-supply"]

    @Test("labels.json names every fixture article, and each is 150–600 words")
    func fixturesAreComplete() throws {
        let labels = try JSONDecoder().decode([String: [String]].self, from: Fixtures.data("classification/labels.json"))
        let files = try Fixtures.files(in: "classification").map(\.lastPathComponent).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == Set(labels.keys))
        #expect(files.count >= 30)
        for (name, expected) in labels {
            #expect(Set(expected).isSubset(of: Self.topics), "\(name): unknown topic in labels")
            let article = try FixtureArticle(path: "classification/\(name)")
            let words = ([article.title] + article.paragraphs).joined(separator: " ").split(separator: " ").count
            #expect((150...600).contains(words), "\(name) has \(words) words")
        }
        for topic in Self.topics {
            #expect(labels.values.filter { $0.contains(topic) }.count >= 6, "too few positives for \(topic)")
        }
        #expect(labels.values.filter(\.isEmpty).count >= 15, "too few hard negatives")
    }

    @Test("Per-topic precision and recall are at least 0.9")
    func precisionAndRecall() throws {
        let classifier = TopicClassifier()
        var truePositives: [String: Int] = [:], falsePositives: [String: Int] = [:], falseNegatives: [String: Int] = [:]
        var mistakes: [String] = []
        let labelled = try FixtureArticle.allLabelled()
        for (article, expected) in labelled {
            let assigned = Set(classifier.classify(title: article.title, paragraphs: article.paragraphs).map(\.id))
            for topic in Self.topics {
                switch (expected.contains(topic), assigned.contains(topic)) {
                case (true, true): truePositives[topic, default: 0] += 1
                case (false, true): falsePositives[topic, default: 0] += 1; mistakes.append("+\(topic) \(article.name)")
                case (true, false): falseNegatives[topic, default: 0] += 1; mistakes.append("-\(topic) \(article.name)")
                case (false, false): break
                }
            }
        }
        var table = "topic              precision  recall   tp  fp  fn   (\(labelled.count) articles)\n"
        var figures: [(String, Double, Double)] = []
        for topic in Self.topics {
            let tp = truePositives[topic, default: 0], fp = falsePositives[topic, default: 0]
            let fn = falseNegatives[topic, default: 0]
            let precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            figures.append((topic, precision, recall))
            table += topic.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: "%9.3f %7.3f %4d %3d %3d\n", precision, recall, tp, fp, fn)
        }
        print(table + (mistakes.isEmpty ? "no mistakes" : "mistakes: " + mistakes.joined(separator: ", ")))
        for (topic, precision, recall) in figures {
            #expect(precision >= 0.9, "\(topic) precision \(precision)")
            #expect(recall >= 0.9, "\(topic) recall \(recall)")
        }
    }
}
