// Throughput benchmark for NewsClassification (public API only).
//
// Builds a ~50 MB corpus from the fixture articles in Tests/Fixtures (each
// repetition is a fresh copy, so the bytes really stream from memory), then
// times `TopicClassifier.classify` for a few seconds with the default
// taxonomy and with a generated 500-topic taxonomy, next to a baseline pass
// that only lowercases bytes and counts words. Run in release:
//
//     swift run -c release NewsClassificationBenchmark [seconds per contender, default 4]
import Foundation
import NewsClassification
import NewswireTesting

struct Article {
    var title: String
    var paragraphs: [String]
    var bytes: Int { title.utf8.count + paragraphs.reduce(0) { $0 + $1.utf8.count } }
}

/// Tests/Fixtures, found from this file's path.
let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // NewsClassificationBenchmark
    .deletingLastPathComponent()  // Benchmarks
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Tests/Fixtures", isDirectory: true)
    .resolvingSymlinksInPath()

/// Title is the first line; paragraphs are separated by blank lines.
func parseArticle(_ text: String) -> Article {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let title = lines.first.map(String.init) ?? ""
    var paragraphs: [String] = []
    var current: [Substring] = []
    for line in lines.dropFirst() {
        if line.allSatisfy(\.isWhitespace) {
            if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
            current = []
        } else {
            current.append(line)
        }
    }
    if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
    return Article(title: title, paragraphs: paragraphs)
}

/// The labelled classification fixtures and the two seed articles (other
/// fixture folders hold deliberately malformed input for other targets).
func loadSources() throws -> [Article] {
    var files: [URL] = []
    for folder in ["classification", "seeds"] {
        let directory = fixtures.appendingPathComponent(folder, isDirectory: true)
        files += try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
    }
    return try files.sorted { $0.path < $1.path }.map { parseArticle(try String(contentsOf: $0, encoding: .utf8)) }
}

/// A copy with its own storage, so the corpus is not the same few KB reused.
func freshCopy(_ s: String) -> String {
    var copy = String()
    copy.reserveCapacity(s.utf8.count)
    copy.append(contentsOf: s)
    return copy
}

func buildCorpus(from sources: [Article], targetBytes: Int) -> (articles: [Article], bytes: Int) {
    var corpus: [Article] = []
    var bytes = 0
    while bytes < targetBytes {
        for article in sources {
            corpus.append(Article(title: freshCopy(article.title), paragraphs: article.paragraphs.map(freshCopy)))
            bytes += article.bytes
        }
    }
    return (corpus, bytes)
}

/// Content words of the fixture articles: four or more letters, outside
/// the 300 most frequent words (mostly function words no topic would list).
func contentWords(_ articles: [Article]) -> [String] {
    var counts: [String: Int] = [:]
    for article in articles {
        for paragraph in [article.title] + article.paragraphs {
            for token in paragraph.split(whereSeparator: { !$0.isLetter }) { counts[token.lowercased(), default: 0] += 1 }
        }
    }
    let common = Set(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(300).map(\.key))
    return counts.keys.filter { $0.count >= 4 && !common.contains($0) }.sorted()
}

/// The default topics plus `topicCount - 3` generated ones, each with 5–20
/// phrases of 1–3 words, two subject and four action words, and a fitted-style
/// model over them (so every topic is decided the way the default ones are). Each word is a real content word of the corpus with
/// probability `realShare`, otherwise a pronounceable pseudo-word. A real
/// taxonomy's vocabulary is a small part of the language, so most of its
/// phrases do not occur in any given article; with only ~50 source articles,
/// drawing every word from them would make dozens of topics fire on each.
func generatedTaxonomy(topicCount: Int, corpusWords: [String], realShare: Double) -> Taxonomy {
    var rng = SplitMix64(seed: 42)  // the same taxonomy on every run
    let syllables = ["ka", "lo", "mer", "tis", "van", "dru", "pel", "sor", "qui", "nab", "zet", "ro", "fi", "gan"]
    func word() -> String {
        if Double.random(in: 0..<1, using: &rng) < realShare { return corpusWords.randomElement(using: &rng)! }
        return (0..<Int.random(in: 2...4, using: &rng)).map { _ in syllables.randomElement(using: &rng)! }.joined()
    }
    var taxonomy = Taxonomy.default
    for index in 0..<(topicCount - taxonomy.topics.count) {
        var seen = Set<String>()
        var phrases: [WeightedPhrase] = []
        for _ in 0..<Int.random(in: 5...20, using: &rng) {
            let text = (0..<Int.random(in: 1...3, using: &rng)).map { _ in word() }.joined(separator: " ")
            guard seen.insert(text).inserted else { continue }
            phrases.append(WeightedPhrase(text: text, weight: Double(Int.random(in: 2...10, using: &rng)) / 10))
        }
        let subject = [word(), word()], action = [word(), word(), word(), word()]
        var weights: [(feature: String, weight: Double)] = [("subject", 0.8), ("action", 0.6), ("action-near", 0.9), ("rules", 1.2)]
        weights += phrases.prefix(5).map { ("phrase:" + $0.text, 0.5) }
        taxonomy.topics.append(TopicDefinition(
            id: "generated-\(index)", label: "Generated \(index)", phrases: phrases,
            subject: LanguageTerms([("any", subject)]), action: LanguageTerms([("any", action)]),
            model: TopicModel(bias: -4, threshold: 0.5, weights: weights)))
    }
    return taxonomy
}

/// Throughput samples (MB/s) for one contender, one per round.
final class Contender {
    let name: String
    let body: () -> Int
    var rates: [Double] = []
    /// The same, per second of this thread's CPU time (not counting time the
    /// thread waited for a core on a busy machine).
    var cpuRates: [Double] = []
    var checksum = 0
    init(_ name: String, _ body: @escaping () -> Int) {
        self.name = name
        self.body = body
    }
    var best: Double { rates.max() ?? 0 }
    var median: Double { rates.sorted()[rates.count / 2] }
    var cpuMedian: Double { cpuRates.sorted()[cpuRates.count / 2] }
}

/// CPU time used by the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Times each contender over the whole corpus in turn, round after round,
/// until `seconds` per contender have passed. Interleaving rounds means a
/// busy machine slows every contender alike; the best round approximates
/// the uncontended speed, the median the typical one.
func measure(_ contenders: [Contender], bytes: Int, seconds: Double) {
    let clock = ContinuousClock()
    for contender in contenders { contender.checksum &+= contender.body() }  // warm up
    var spent = Duration.zero
    repeat {
        for contender in contenders {
            let start = clock.now
            let cpuStart = threadCPUSeconds()
            contender.checksum &+= contender.body()
            contender.cpuRates.append(Double(bytes) / (threadCPUSeconds() - cpuStart) / 1_000_000)
            let elapsed = clock.now - start
            spent += elapsed
            let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            contender.rates.append(Double(bytes) / secondsTaken / 1_000_000)
        }
    } while spent < .seconds(seconds * Double(contenders.count)) || contenders[0].rates.count < 3
}

/// Baseline: one pass over the same bytes that lowercases ASCII and counts
/// words (a word starts where a letter, digit or non-ASCII byte follows any
/// other byte). This is roughly the least any tokenizing classifier must do.
@inline(never)
func baselinePass(_ articles: [Article]) -> Int {
    var total = 0
    for article in articles {
        total &+= baselineCount(article.title)
        for paragraph in article.paragraphs { total &+= baselineCount(paragraph) }
    }
    return total
}

@inline(never)
func baselineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes -> Int in
        var words = 0
        var mix: UInt8 = 0
        var inWord = false
        for byte in bytes {
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            let isWordByte = lower &- 0x61 < 26 || byte &- 0x30 < 10 || byte >= 0x80
            words &+= (isWordByte && !inWord) ? 1 : 0
            inWord = isWordByte
            mix = mix &+ lower
        }
        return words &+ Int(mix)
    }
}

@inline(never)
func classifyAll(_ classifier: TopicClassifier, _ articles: [Article]) -> Int {
    var assigned = 0
    for article in articles {
        assigned &+= classifier.classify(title: article.title, paragraphs: article.paragraphs).count
    }
    return assigned
}

let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 4
let sources = try loadSources()
let (corpus, corpusBytes) = buildCorpus(from: sources, targetBytes: 50_000_000)
let large = generatedTaxonomy(topicCount: 500, corpusWords: contentWords(sources), realShare: 0.05)
let phraseCount = large.topics.reduce(0) { $0 + $1.phrases.count }
let defaultClassifier = TopicClassifier()
let largeClassifier = TopicClassifier(taxonomy: large)

print("NewsClassification benchmark, classifier \(TopicClassifier.version)")
print("corpus: \(sources.count) fixture articles copied to \(corpus.count) articles, "
    + String(format: "%.1f MB", Double(corpusBytes) / 1e6) + "; ~\(String(format: "%.0f", seconds)) s per contender")
print("large taxonomy: \(large.topics.count) topics, \(phraseCount) phrases")

let baseline = Contender("baseline (lowercase + count)") { baselinePass(corpus) }
let defaultRun = Contender("classify, default (3 topics)") { classifyAll(defaultClassifier, corpus) }
let largeRun = Contender("classify, 500 topics") { classifyAll(largeClassifier, corpus) }
measure([baseline, defaultRun, largeRun], bytes: corpusBytes, seconds: seconds)

print("")
print("MB/s of wall time (best and median round) and per CPU-second (median round):")
print("contender                         best   median   cpu-median   rounds")
for contender in [baseline, defaultRun, largeRun] {
    print(contender.name.padding(toLength: 30, withPad: " ", startingAt: 0)
        + String(format: "%8.1f %8.1f %12.1f %8d", contender.best, contender.median, contender.cpuMedian,
                 contender.rates.count))
}
print("")
print(String(format: "default / baseline:      %.2f best, %.2f cpu-median",
             defaultRun.best / baseline.best, defaultRun.cpuMedian / baseline.cpuMedian))
print(String(format: "500 topics / baseline:   %.2f best, %.2f cpu-median",
             largeRun.best / baseline.best, largeRun.cpuMedian / baseline.cpuMedian))
print(String(format: "default vs 500 topics:   %.2fx best, %.2fx cpu-median (goal: at most 2x)",
             defaultRun.best / largeRun.best, defaultRun.cpuMedian / largeRun.cpuMedian))
let perArticle = { (classifier: TopicClassifier) -> Double in
    Double(sources.reduce(0) { $0 + classifier.classify(title: $1.title, paragraphs: $1.paragraphs).count })
        / Double(sources.count)
}
print(String(format: "topics assigned per article: default %.2f, 500 topics %.2f",
             perArticle(defaultClassifier), perArticle(largeClassifier)))
print("checksums: \(baseline.checksum) \(defaultRun.checksum) \(largeRun.checksum)")
