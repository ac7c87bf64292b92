public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireSecurity

/// `newswire feed FILE|DIR|-`: sends raw articles to the producer.
public struct FeedCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Send raw articles (files, folders, or stdin) to the producer.",
        discussion: """
            Folders are read recursively (hidden files skipped). Files ending in .html or .htm \
            are sent as text/html, everything else as text/plain. Prints one line per rejected \
            article, progress on stderr for large runs, and a summary. Exits 1 if any article \
            was rejected or not answered.
            """)

    @Option(help: "Producer ingest endpoint. (env: NEWSWIRE_PRODUCER)")
    var producer: String = EnvironmentDefault.string("NEWSWIRE_PRODUCER", DefaultEndpoints.ingest)

    @Option(help: "Source name sent with each article (duplicates are detected per source). (env: NEWSWIRE_SOURCE)")
    var source: String = EnvironmentDefault.string("NEWSWIRE_SOURCE", "newswire-feed")

    @Option(help: "Seconds to wait for the producer's answer. (env: NEWSWIRE_FEED_TIMEOUT)")
    var timeout: Int = EnvironmentDefault.int("NEWSWIRE_FEED_TIMEOUT", 30)

    @OptionGroup var curve: CurveClientOptions

    @Flag(help: "Print one line per article, not only rejected ones.")
    var verbose = false

    @Argument(help: "Files, folders, or - for one article on stdin.")
    var paths: [String]

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one FILE, DIR or -") }
        if timeout < 1 { throw ValidationError("--timeout: must be at least 1 second") }
    }

    public func run() throws {
        let items = try paths.flatMap(Self.items(for:))
        var feeder = ArticleFeeder(endpoint: producer, source: source, timeout: .seconds(timeout))
        feeder.curve = try curve.credentials()
        var done = 0
        let showProgress = items.count >= 200
        let summary = try feeder.feed(items) { item, outcome in
            done += 1
            switch outcome {
            case .accepted(let id): if verbose { print("accepted  \(id)  \(item.name)") }
            case .duplicate(let id): if verbose { print("duplicate \(id)  \(item.name)") }
            case .rejected(let reason, let message): print("rejected  \(item.name): \(reason): \(message)")
            case .failed(let message): print("failed    \(item.name): \(message)")
            }
            if showProgress && (done % 500 == 0 || done == items.count) {
                FileHandle.standardError.write(Data("\rfed \(done)/\(items.count)".utf8))
                if done == items.count { FileHandle.standardError.write(Data("\n".utf8)) }
            }
        }
        print("fed \(summary.total): accepted \(summary.accepted), duplicate \(summary.duplicates), rejected \(summary.rejected), failed \(summary.failed)")
        if !summary.allStored { throw ExitCode(1) }
    }

    static func items(for path: String) throws -> [ArticleFeeder.Item] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [ArticleFeeder.Item(name: "stdin", contentType: "") { [UInt8](data) }]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path): no such file or folder")
        }
        let files: [URL]
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var found: [URL] = []
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url) }
            }
            files = found.sorted { $0.path < $1.path }
        } else {
            files = [URL(fileURLWithPath: path)]
        }
        return files.map { url in
            let ext = url.pathExtension.lowercased()
            return ArticleFeeder.Item(name: url.path, contentType: ext == "html" || ext == "htm" ? "text/html" : "text/plain") {
                [UInt8](try Data(contentsOf: url))
            }
        }
    }
}
