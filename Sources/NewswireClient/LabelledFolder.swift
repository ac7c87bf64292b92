internal import Foundation
internal import NewsParsing
internal import NewsClassification

/// Reads labelled examples for `newswire taxonomy fit` and `evaluate`: a
/// folder of article files with a `labels.tsv` (tab-separated, a header row
/// with at least `file` and `labels`; optional `split`, `lang`, `why`), or a
/// folder of such folders. `labels` is a comma-separated list of topic ids,
/// `-` or empty for none; a `why` that says "hard neg" marks a hard negative.
/// Each file is parsed like any article (``ArticleParser``), so fitting sees
/// what the consumer sees.
struct LabelledFolder {
    /// A problem with the labelled folder, naming the file and line.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Every example under `directories` in `split` (nil: all), checked against the taxonomy's topic ids.
    static func load(
        _ directories: [String], labels explicitLabels: String?, split: String?, topics: Set<String>
    ) throws -> [LabelledExample] {
        var examples: [LabelledExample] = []
        for directory in directories {
            var sources: [(folder: String, labels: String)] = []
            if let explicitLabels {
                sources = [(directory, explicitLabels)]
            } else if FileManager.default.fileExists(atPath: directory + "/labels.tsv") {
                sources = [(directory, directory + "/labels.tsv")]
            } else {
                let children = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                for child in children.sorted() where FileManager.default.fileExists(atPath: "\(directory)/\(child)/labels.tsv") {
                    sources.append(("\(directory)/\(child)", "\(directory)/\(child)/labels.tsv"))
                }
            }
            guard !sources.isEmpty else {
                throw LoadError(description: "\(directory): no labels.tsv here or in its subfolders; give one with --labels")
            }
            for (folder, labelsPath) in sources {
                examples += try read(folder: folder, labelsPath: labelsPath, split: split, topics: topics)
            }
        }
        guard !examples.isEmpty else {
            throw LoadError(description: "\(directories.joined(separator: ", ")): no labelled examples\(split.map { " in split '\($0)'" } ?? "")")
        }
        return examples
    }

    private static func read(folder: String, labelsPath: String, split: String?, topics: Set<String>) throws -> [LabelledExample] {
        guard let data = FileManager.default.contents(atPath: labelsPath),
              let text = String(data: data, encoding: .utf8) else {
            throw LoadError(description: "\(labelsPath): cannot read the labels file")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
              let fileColumn = header.firstIndex(of: "file"), let labelsColumn = header.firstIndex(of: "labels") else {
            throw LoadError(description: "\(labelsPath):1: the first line must be a header naming the columns 'file' and 'labels' (tab-separated)")
        }
        let splitColumn = header.firstIndex(of: "split")
        let languageColumn = header.firstIndex(of: "lang")
        let whyColumn = header.firstIndex(of: "why")
        let parser = ArticleParser()
        var examples: [LabelledExample] = []
        for (number, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ column: Int?) -> String? { column.flatMap { $0 < fields.count ? fields[$0] : nil } }
            guard let file = field(fileColumn), let labelText = field(labelsColumn) else {
                throw LoadError(description: "\(labelsPath):\(number + 1): missing the 'file' or 'labels' field")
            }
            if let split, field(splitColumn) != split { continue }
            let labels = Set(labelText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "-" && !$0.isEmpty })
            if let unknown = labels.subtracting(topics).sorted().first {
                throw LoadError(description: "\(labelsPath):\(number + 1): label '\(unknown)' is not a topic of the taxonomy (\(topics.sorted().joined(separator: ", ")))")
            }
            let path = "\(folder)/\(file)"
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw LoadError(description: "\(labelsPath):\(number + 1): cannot read \(path)")
            }
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            let article: ParsedArticle
            do {
                article = try parser.parse([UInt8](bytes), contentType: ext == "html" || ext == "htm" ? "text/html" : nil)
            } catch {
                throw LoadError(description: "\(path): cannot parse: \(error.code): \(error.message)")
            }
            let why = field(whyColumn)?.lowercased() ?? ""
            examples.append(LabelledExample(
                id: path, title: article.title, paragraphs: article.paragraphs, language: article.language, labels: labels,
                hardNegative: why.contains("hard neg")))
            _ = languageColumn
        }
        return examples
    }
}
