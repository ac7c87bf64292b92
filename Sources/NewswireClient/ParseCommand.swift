public import ArgumentParser
internal import Foundation
internal import NewsParsing

/// `newswire parse PATH…`: shows what the parser makes of raw articles.
///
/// One file (or `-`) prints that article, as text or with `--json` as one JSON object. Several
/// files or a folder (a scrape) are parsed in one process and print one JSON line per file, with
/// its `path`; a file that fails gets a line with its `path` and `error`, and is named on stderr,
/// so a user can measure a whole scrape without a process per page.
public struct ParseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse raw articles (text or HTML) and print their fields; no service needed.",
        discussion: """
            One FILE (or -) prints that article. Several paths, or a folder (its files, recursively, \
            in name order), print one JSON line per file: the article's fields plus "path", or \
            {"path", "error": {"code", "message"}} for a file that failed. A summary goes to stderr; \
            the exit status is 1 when any file failed.
            """)

    @Argument(help: "Article files or folders, or - for stdin.")
    var paths: [String]

    @Flag(help: "Print one JSON object (title, subtitle, dateline, byline, paragraphs, quotes, people, places, truncated, contentHash, …).")
    var json = false

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one article file or folder, or - for stdin") }
    }

    public func run() throws {
        if paths.count == 1, !ParseCommand.isDirectory(paths[0]) {
            try parseOne(paths[0])
            return
        }
        let files = try ParseCommand.expand(paths)
        let parser = ArticleParser()
        var failed = 0
        for file in files {
            let line: String
            do {
                let input = try ArticleInput.read(file)
                let article = try parser.parse(input.bytes, contentType: input.contentType)
                line = try ArticleInput.json(ParsedFile(path: file, article: article))
            } catch {
                failed += 1
                let failure = FileFailure(path: file, error: .init(error))
                FileHandle.standardError.write(Data("newswire parse: \(file): \(failure.error.code): \(failure.error.message)\n".utf8))
                line = try ArticleInput.json(failure)
            }
            print(line)
        }
        FileHandle.standardError.write(Data("newswire parse: \(files.count - failed) of \(files.count) files parsed, \(failed) failed\n".utf8))
        if failed > 0 { throw ExitCode(1) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The files named by `paths`: each file as given, each folder's files (recursively,
    /// hidden ones skipped) in name order, so runs over the same scrape print lines in the same order.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            guard isDirectory(path) else {
                files.append(path)
                continue
            }
            let subpaths: [String]
            do {
                subpaths = try FileManager.default.subpathsOfDirectory(atPath: path)
            } catch {
                throw ValidationError("\(path): cannot list this folder (\(error.localizedDescription))")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            let found = subpaths.filter { subpath in
                !subpath.split(separator: "/").contains { $0.hasPrefix(".") } && !isDirectory(base + subpath)
            }.map { base + $0 }
            files += found.sorted()
        }
        return files
    }

    /// The single-file output of earlier versions: text, or one pretty JSON object.
    private func parseOne(_ path: String) throws {
        let input = try ArticleInput.read(path)
        let article: ParsedArticle
        do {
            article = try ArticleParser().parse(input.bytes, contentType: input.contentType)
        } catch {
            FileHandle.standardError.write(Data("newswire parse: \(path): \(error.code): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            print(try ArticleInput.json(article, pretty: true))
            return
        }
        print("title:     \(article.title)")
        if let subtitle = article.subtitle { print("subtitle:  \(subtitle)") }
        if let dateline = article.dateline { print("dateline:  \(dateline)") }
        if let byline = article.byline { print("byline:    \(byline)") }
        print("language:  \(article.language)   words: \(article.wordCount)   truncated: \(article.truncated)")
        print("people:    \(article.people.joined(separator: "; "))")
        print("places:    \(article.places.joined(separator: "; "))")
        print("orgs:      \(article.organizations.joined(separator: "; "))")
        print("hash:      \(article.contentHash)")
        print("")
        for (index, paragraph) in article.paragraphs.enumerated() { print("[\(index)] \(paragraph)") }
        if !article.quotes.isEmpty {
            print("")
            for quote in article.quotes { print("“\(quote.text)” — \(quote.speaker ?? "(unattributed)")") }
        }
    }

    /// One line of multi-file output: the file's path and the article's own fields, side by side.
    struct ParsedFile: Encodable {
        var path: String
        var article: ParsedArticle

        enum CodingKeys: String, CodingKey { case path }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try article.encode(to: encoder)
        }
    }

    /// One line of multi-file output for a file that could not be read or parsed.
    struct FileFailure: Encodable {
        struct Reason: Encodable {
            var code: String
            var message: String

            init(_ error: any Error) {
                if let error = error as? ArticleParseError {
                    code = error.code.rawValue
                    message = error.message
                } else {
                    code = "unreadable"
                    message = "\(error)"
                }
            }
        }

        var path: String
        var error: Reason
    }
}
