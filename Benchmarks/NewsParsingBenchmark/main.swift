// Throughput of ArticleParser on the test fixtures, against a byte-scan baseline.
//
//   swift run -c release NewsParsingBenchmark [seconds-per-measurement] [corpus-name-prefix ...]
//
// The corpora are built from the plain-text and HTML fixtures that parse (Tests/Fixtures/seeds
// and Tests/Fixtures/parsing): plain text by article size (the small edge-case fixtures, the
// ~2 KB and ~5 KB seed articles, and 20 KB / 100 KB articles made by joining the seed articles'
// paragraphs), and all HTML fixtures. Each corpus repeats its documents to about 50 MB and is
// parsed in a loop on one thread. The baseline is one pass over the same bytes that counts
// UTF-8 lines and words, so the ratio says how far parsing is from "just reading the bytes",
// whatever machine it runs on. Times are the thread's CPU time, which stays meaningful when
// other processes compete for the cores. Name prefixes (e.g. "plaintext.5k") pick corpora,
// which is handy under a profiler.
import Foundation
import NewsParsing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds used by the calling thread.
func threadSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The `Tests/Fixtures` folder, found from this file's path.
let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // NewsParsingBenchmark
    .deletingLastPathComponent()  // Benchmarks
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Tests/Fixtures", isDirectory: true)

let arguments = Array(CommandLine.arguments.dropFirst())
let secondsPerMeasurement = arguments.first.flatMap(Double.init) ?? 3
let selectedPrefixes = arguments.filter { Double($0) == nil }
let corpusTarget = 50 * 1024 * 1024
/// Plain text at least this long is a full article, the size the 100 MB/s goal is about.
let fullArticleBytes = 2048
let goalBytesPerSecond = 100e6
let parser = ArticleParser()

/// The fixtures of one kind that parse successfully.
func documents(extensions: Set<String>) -> [[UInt8]] {
    var result: [[UInt8]] = []
    for folder in ["seeds", "parsing"] {
        let directory = fixtures.appendingPathComponent(folder, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where extensions.contains(URL(fileURLWithPath: name).pathExtension) {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            let bytes = [UInt8](data)
            if (try? parser.parse(bytes)) != nil { result.append(bytes) }
        }
    }
    return result
}

/// One long article of at least `bytes`: the first article whole, then the other articles'
/// paragraphs (each without its headline), round-robin, until the size is reached.
func joinedArticle(_ articles: [[UInt8]], bytes: Int) -> [UInt8] {
    var result = articles[0]
    let bodies = articles.map { article in Array(article.drop { $0 != 0x0A }.drop { $0 == 0x0A }) }
    var index = 1 % articles.count
    while result.count < bytes {
        while result.last == 0x0A { result.removeLast() }
        result += [0x0A, 0x0A] + bodies[index]
        index = (index + 1) % articles.count
    }
    return result
}

/// Repeats `documents` until they add up to about `corpusTarget` bytes.
func corpus(_ documents: [[UInt8]]) -> (documents: [[UInt8]], bytes: Int) {
    var result: [[UInt8]] = []
    var bytes = 0
    while bytes < corpusTarget, !documents.isEmpty {
        for document in documents {
            result.append(document)
            bytes += document.count
        }
    }
    return (result, bytes)
}

/// Parses the corpus round-robin for `secondsPerMeasurement`; returns bytes/s and articles/s.
func measureParsing(_ documents: [[UInt8]]) -> (bytesPerSecond: Double, articlesPerSecond: Double) {
    var bytes = 0
    var articles = 0
    var words = 0
    let start = threadSeconds()
    var elapsed = 0.0
    var index = 0
    while elapsed < secondsPerMeasurement {
        for _ in 0..<64 {
            let document = documents[index]
            index = (index + 1) % documents.count
            if let article = try? parser.parse(document) { words &+= article.wordCount }
            bytes += document.count
            articles += 1
        }
        elapsed = threadSeconds() - start
    }
    precondition(words > 0)
    return (Double(bytes) / elapsed, Double(articles) / elapsed)
}

/// The baseline: one pass over the same bytes counting lines and words.
func measureByteScan(_ documents: [[UInt8]]) -> Double {
    var bytes = 0
    var lines = 0
    var words = 0
    let start = threadSeconds()
    var elapsed = 0.0
    while elapsed < min(secondsPerMeasurement, 1.5) {
        for document in documents {
            document.withUnsafeBufferPointer { p in
                var inWord = false
                for byte in p {
                    if byte == 0x0A { lines &+= 1 }
                    let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                    if !space && !inWord { words &+= 1 }
                    inWord = !space
                }
            }
            bytes += document.count
        }
        elapsed = threadSeconds() - start
    }
    precondition(lines + words > 0)
    return Double(bytes) / elapsed
}

/// Right-aligns `text` in `width` columns.
func column(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

// MARK: The corpora

let plainText = documents(extensions: ["txt"])
let fullArticles = plainText.filter { $0.count >= fullArticleBytes }
var corpora: [(name: String, documents: [[UInt8]])] = [
    ("plaintext.small", plainText.filter { $0.count < fullArticleBytes }),
    ("plaintext.2k", fullArticles.filter { $0.count < 4096 }),
    ("plaintext.5k", fullArticles.filter { $0.count >= 4096 && $0.count < 8192 }),
]
if !fullArticles.isEmpty {
    corpora.append(("plaintext.20k", [joinedArticle(fullArticles, bytes: 20 * 1024)]))
    corpora.append(("plaintext.100k", [joinedArticle(fullArticles, bytes: 100 * 1024)]))
}
corpora.append(("html", documents(extensions: ["html", "htm"])))

/// The real pages of the extraction development set (`../shared/extraction-dev` beside the
/// clone, or `NEWSWIRE_EXTRACTION_DEV`), HTML and their text dumps, when the set is present:
/// the HTML speed goal is about these. Pages the parser refuses stay in (they cost time too).
let extractionDev = ProcessInfo.processInfo.environment["NEWSWIRE_EXTRACTION_DEV"].map { URL(fileURLWithPath: $0) }
    ?? fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/extraction-dev", isDirectory: true)
func extractionDevDocuments(_ folder: String) -> [[UInt8]] {
    let directory = extractionDev.appendingPathComponent(folder, isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().compactMap { FileManager.default.contents(atPath: directory.appendingPathComponent($0).path).map { [UInt8]($0) } }
}
let devPages = extractionDevDocuments("pages")
if devPages.isEmpty {
    print("note: the extraction development set is absent (\(extractionDev.path)); its corpora are skipped")
} else {
    corpora.append(("dev.html", devPages))
    corpora.append(("dev.text", extractionDevDocuments("text")))
}
if !selectedPrefixes.isEmpty {
    corpora = corpora.filter { corpus in selectedPrefixes.contains { corpus.name.hasPrefix($0) } }
}

// MARK: Measuring

print("NewsParsing \(ArticleParser.version): throughput on one thread (CPU time), \(secondsPerMeasurement) s per measurement")
print("fixtures: \(fixtures.path)")
print("")
let header = "corpus".padding(toLength: 16, withPad: " ", startingAt: 0)
    + column("docs", 5) + column("avg size", 10) + column("parse", 12) + column("µs/article", 12)
    + column("byte scan", 13) + column("ratio", 8)
print(header)
print(String(repeating: "-", count: header.count))
var fullArticleThroughputs: [(name: String, bytesPerSecond: Double)] = []
var devHTMLThroughput: Double?
for (name, base) in corpora {
    guard !base.isEmpty else {
        print(name.padding(toLength: 16, withPad: " ", startingAt: 0) + "  no fixtures of this kind")
        continue
    }
    let (documents, _) = corpus(base)
    let averageSize = Double(base.reduce(0) { $0 + $1.count }) / Double(base.count)
    let baseline = measureByteScan(documents)
    let (throughput, articles) = measureParsing(documents)
    if name.hasPrefix("plaintext."), averageSize >= Double(fullArticleBytes) {
        fullArticleThroughputs.append((name, throughput))
    }
    if name == "dev.html" { devHTMLThroughput = throughput }
    print(
        name.padding(toLength: 16, withPad: " ", startingAt: 0)
            + column("\(base.count)", 5)
            + column(String(format: "%.1f KB", averageSize / 1024), 10)
            + column(String(format: "%.1f MB/s", throughput / 1e6), 12)
            + column(String(format: "%.1f", 1e6 / articles), 12)
            + column(String(format: "%.0f MB/s", baseline / 1e6), 13)
            + column(String(format: "%.3f", throughput / baseline), 8))
}
print("")
print("parse: MB/s of input parsed (1 MB = 10^6 bytes); byte scan: one pass counting lines and words over the same corpus;")
print("ratio: parse / byte scan, measured in the same run.")
if let slowest = fullArticleThroughputs.min(by: { $0.bytesPerSecond < $1.bytesPerSecond }) {
    let verdict = slowest.bytesPerSecond >= goalBytesPerSecond ? "met" : "NOT met"
    print(
        "goal ≥ \(Int(goalBytesPerSecond / 1e6)) MB/s for plain-text articles ≥ \(fullArticleBytes) bytes: \(verdict) "
            + "(slowest: \(slowest.name) at \(String(format: "%.1f", slowest.bytesPerSecond / 1e6)) MB/s)")
}
if let devHTMLThroughput {
    let verdict = devHTMLThroughput >= goalBytesPerSecond ? "met" : "NOT met"
    print(
        "goal ≥ \(Int(goalBytesPerSecond / 1e6)) MB/s for real HTML pages (dev.html, the extraction development set): \(verdict) "
            + "(\(String(format: "%.1f", devHTMLThroughput / 1e6)) MB/s)")
}
