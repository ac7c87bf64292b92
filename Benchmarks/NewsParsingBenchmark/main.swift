// Throughput of ArticleParser on the test fixtures, against a byte-scan baseline.
//
//   swift run -c release NewsParsingBenchmark [seconds-per-measurement]
//
// The corpus is every plain-text and HTML fixture that parses (Tests/Fixtures/seeds and
// Tests/Fixtures/parsing), repeated to about 50 MB per kind. Each kind is parsed in a loop on
// one thread for a few seconds. The baseline is one pass over the same bytes that counts
// UTF-8 lines and words, so the ratio says how far parsing is from "just reading the bytes",
// whatever machine it runs on. Times are the thread's CPU time, which stays meaningful when
// other processes compete for the cores.
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

let secondsPerMeasurement = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
let corpusTarget = 50 * 1024 * 1024
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

func megabytes(_ bytesPerSecond: Double) -> String {
    String(format: "%.1f MB/s", bytesPerSecond / 1_000_000)
}

print("NewsParsing \(ArticleParser.version): throughput on one thread (CPU time), \(secondsPerMeasurement) s per measurement")
/// The kinds measured: all plain-text fixtures, the full-size seed articles alone (about 2.5 to 5 KB,
/// the size the throughput goal is about), and all HTML fixtures.
let kinds: [(label: String, extensions: Set<String>, minimumBytes: Int)] = [
    ("plaintext", ["txt"], 0), ("plaintext.2k+", ["txt"], 2048), ("html", ["html", "htm"], 0),
]
for (label, extensions, minimumBytes) in kinds {
    let base = documents(extensions: extensions).filter { $0.count >= minimumBytes }
    guard !base.isEmpty else {
        print("parse.\(label)  no fixtures found under \(fixtures.path)")
        continue
    }
    let (documents, bytes) = corpus(base)
    let averageSize = Double(base.reduce(0) { $0 + $1.count }) / Double(base.count)
    let baseline = measureByteScan(documents)
    let (throughput, articles) = measureParsing(documents)
    let name = "parse.\(label)".padding(toLength: 20, withPad: " ", startingAt: 0)
    print(
        "\(name) \(megabytes(throughput))  (\(String(format: "%.2f", throughput / baseline))× of byte-scan baseline "
            + "\(String(format: "%.0f", baseline / 1_000_000)) MB/s)  \(String(format: "%.0f", articles)) articles/s  "
            + "[\(base.count) fixtures, avg \(String(format: "%.1f", averageSize / 1024)) KB, corpus \(bytes / 1_048_576) MB]")
}
