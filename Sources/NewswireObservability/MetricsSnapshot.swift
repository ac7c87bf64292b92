/// The samples of a Prometheus text exposition, read back for `/status`, so
/// the status document and `/metrics` can never disagree.
public struct MetricsSnapshot: Sendable {
    /// One sample: metric name, labels, value.
    struct Sample: Sendable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    private let samples: [Sample]

    /// Parses `text` (format 0.0.4). Comment lines and lines it cannot read are skipped.
    public init(exposition text: String) {
        samples = text.split(separator: "\n").compactMap { Self.sample(String($0)) }
    }

    /// The sum of every sample of `name` (all label sets), 0 when there is none.
    public func total(_ name: String) -> Int {
        Int(samples.lazy.filter { $0.name == name }.reduce(0) { $0 + $1.value })
    }

    /// ``total(_:)`` for each metric name in `names`, under its key.
    public func totals(_ names: [String: String]) -> [String: Int] {
        names.mapValues(total)
    }

    /// The samples of `name`, summed by the value of `label`.
    public func totals(_ name: String, by label: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for sample in samples where sample.name == name {
            guard let key = sample.labels[label] else { continue }
            result[key, default: 0] += Int(sample.value)
        }
        return result
    }

    /// `name{a="x",b="y"} 3` → a sample; nil for comments and anything else.
    static func sample(_ line: String) -> Sample? {
        guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else { return Sample(name: String(series), labels: [:], value: value) }
        guard series.hasSuffix("}") else { return nil }
        let labelText = series[series.index(after: brace)..<series.index(before: series.endIndex)]
        return Sample(name: String(series[..<brace]), labels: labels(labelText), value: value)
    }

    /// `a="x",b="y \"q\""` → ["a": "x", "b": "y \"q\""].
    static func labels(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            guard let equals = text[index...].firstIndex(of: "=") else { break }
            let key = text[index..<equals].trimmingPrefix(",")
            var value = ""
            var cursor = text.index(after: equals)
            guard cursor < text.endIndex, text[cursor] == "\"" else { break }
            cursor = text.index(after: cursor)
            while cursor < text.endIndex, text[cursor] != "\"" {
                if text[cursor] == "\\", text.index(after: cursor) < text.endIndex {
                    cursor = text.index(after: cursor)
                    value.append(text[cursor] == "n" ? "\n" : text[cursor])
                } else {
                    value.append(text[cursor])
                }
                cursor = text.index(after: cursor)
            }
            result[String(key)] = value
            index = cursor < text.endIndex ? text.index(after: cursor) : cursor
        }
        return result
    }
}
