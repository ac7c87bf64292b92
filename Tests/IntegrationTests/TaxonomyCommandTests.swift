import Foundation
import NewswireTesting
import Testing

/// `newswire taxonomy fit` / `evaluate` on a labelled folder written here,
/// and `newswire classify` over many paths and folders.
@Suite("Taxonomy and classify commands")
struct TaxonomyCommandTests {
    static let taxonomy = """
        name: harbour
        version: "1"
        languages: [en]
        topics:
          - id: port-strike
            label: Port strike
            phrases:
              - { text: dock strike, weight: 1.0 }
            subject: [port, dock, harbour]
            action: [strike, walkout, picket]
        """

    /// A labelled folder: articles as files, labels.tsv with a dev/test split.
    static func writeFolder(_ directory: TemporaryDirectory) throws {
        let folder = directory.url.appendingPathComponent("examples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var labels = "file\tlabels\tlang\tsplit\twhy\n"
        let places = ["Rotterdam", "Antwerp", "Hamburg", "Felixstowe", "Genoa", "Valencia", "Gdansk", "Piraeus", "Bilbao", "Oslo"]
        for (index, place) in places.enumerated() {
            let split = index < 7 ? "dev" : "test"
            try "Dock workers strike at \(place)\n\nWorkers at the port of \(place) began a strike on Monday over pay.\n\nThe walkout halted the harbour, and pickets blocked the dock gates for the whole week.\n"
                .write(to: folder.appendingPathComponent("s\(index).txt"), atomically: true, encoding: .utf8)
            labels += "s\(index).txt\tport-strike\ten\t\(split)\tstrike\n"
            try "\(place) port expands\n\nThe port of \(place) opened a new container terminal on Monday, its operator said.\n\nThe harbour authority expects the dock to handle more ships next year than ever before.\n"
                .write(to: folder.appendingPathComponent("q\(index).txt"), atomically: true, encoding: .utf8)
            labels += "q\(index).txt\t-\ten\t\(split)\tport, no strike\n"
            try "Rail workers strike near \(place)\n\nTrain drivers near \(place) began a strike over pay on Monday morning.\n\nThe walkout stopped commuter services for a day, the rail company said.\n"
                .write(to: folder.appendingPathComponent("r\(index).txt"), atomically: true, encoding: .utf8)
            labels += "r\(index).txt\t-\ten\t\(split)\thard negative: a strike, not at a port\n"
        }
        try labels.write(to: folder.appendingPathComponent("labels.tsv"), atomically: true, encoding: .utf8)
        try taxonomy.write(to: directory.url.appendingPathComponent("harbour.yaml"), atomically: true, encoding: .utf8)
    }

    @Test("fit writes a fitted taxonomy with cross-validated figures, the same bytes twice; evaluate scores it and lists misses")
    func fitAndEvaluate() async throws {
        let directory = try TemporaryDirectory()
        try Self.writeFolder(directory)
        let arguments = ["taxonomy", "fit", "--topics", directory.path("harbour.yaml"), "--examples", directory.path("examples"),
                         "--split", "dev", "--folds", "3"]
        let first = try await runCommand("newswire", arguments + ["--output", directory.path("fitted.yaml")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("fitted on 21 examples (split dev), 3-fold cross-validation"))
        #expect(first.stderr.contains("port-strike"))
        #expect(first.stderr.contains("cross-validated macro-F1"))
        let second = try await runCommand("newswire", arguments + ["--output", directory.path("again.yaml")])
        #expect(second.status == 0)
        let fitted = try String(contentsOfFile: directory.path("fitted.yaml"), encoding: .utf8)
        #expect(fitted == (try String(contentsOfFile: directory.path("again.yaml"), encoding: .utf8)))
        #expect(fitted.contains("    model:"))
        #expect(fitted.contains("\"action-near\""))

        let check = try await runCommand("newswire", ["taxonomy", "--check", directory.path("fitted.yaml")])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("fitted model"))

        let evaluate = try await runCommand("newswire", [
            "taxonomy", "evaluate", "--topics", directory.path("fitted.yaml"), "--examples", directory.path("examples"), "--split", "test",
        ])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(evaluate.stdout.contains("on 9 examples (split test)"))
        #expect(evaluate.stdout.contains("macro-F1 1.000"), "\(evaluate.stdout)")
        #expect(evaluate.stdout.contains("hard negatives given a topic they are not labelled with: 0 of 3"))
        #expect(evaluate.stdout.contains("misses: 0"))

        // The unfitted taxonomy (phrase sums) misses strikes without the phrase "dock strike": evaluate lists them with evidence.
        let unfitted = try await runCommand("newswire", [
            "taxonomy", "evaluate", "--topics", directory.path("harbour.yaml"), "--examples", directory.path("examples"), "--split", "test",
        ])
        #expect(unfitted.status == 0)
        #expect(unfitted.stdout.contains("port-strike  missed"), "\(unfitted.stdout)")
    }

    @Test("fit --output through a symbolic link or into a pipe writes there and leaves the link and the pipe in place")
    func fitOutputIntoLinkAndPipe() async throws {
        let directory = try TemporaryDirectory()
        try Self.writeFolder(directory)
        let arguments = ["taxonomy", "fit", "--topics", directory.path("harbour.yaml"), "--examples", directory.path("examples"),
                         "--split", "dev", "--folds", "3", "--output"]
        try FileManager.default.createDirectory(atPath: directory.path("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.yaml"), withDestinationPath: directory.path("real/fitted.yaml"))
        let linked = try await runCommand("newswire", arguments + [directory.path("link.yaml")])
        #expect(linked.status == 0, "\(linked.stderr)")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("link.yaml"))
        #expect(destination == directory.path("real/fitted.yaml"), "the link is still a link")
        #expect(try String(contentsOfFile: directory.path("real/fitted.yaml"), encoding: .utf8).contains("    model:"))

        // A pipe (as /dev/null is a device): written into, not replaced by a regular file.
        #expect(mkfifo(directory.path("pipe"), 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [directory.path("pipe")]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let piped = try await runCommand("newswire", arguments + [directory.path("pipe")])
        #expect(piped.status == 0, "\(piped.stderr)")
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(text.contains("    model:"))
        var info = stat()
        #expect(lstat(directory.path("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe is still a pipe")
    }

    @Test("fit and evaluate name the labels file and line of an unknown topic")
    func unknownLabel() async throws {
        let directory = try TemporaryDirectory()
        try Self.writeFolder(directory)
        try "file\tlabels\ns0.txt\tport-stirke\n".write(toFile: directory.path("bad.tsv"), atomically: true, encoding: .utf8)
        let result = try await runCommand("newswire", [
            "taxonomy", "evaluate", "--topics", directory.path("harbour.yaml"), "--examples", directory.path("examples"),
            "--labels", directory.path("bad.tsv"),
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.tsv:2: label 'port-stirke' is not a topic"))
    }

    @Test("classify takes many paths and folders and prints one JSON line per article, with its path")
    func classifyManyPaths() async throws {
        let directory = try TemporaryDirectory()
        try Self.writeFolder(directory)
        let seed = Fixtures.url(Fixtures.firstSeed).path
        let result = try await runCommand("newswire", ["classify", "--json", seed, directory.path("examples")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 31)  // the seed and the thirty .txt files (labels.tsv is not an article)
        struct Line: Decodable {
            struct Topic: Decodable { var id: String; var evidenceTotal: Int }
            var path: String
            var language: String
            var topics: [Topic]
        }
        let decoded = try lines.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(decoded[0].path == seed)
        #expect(Set(decoded[0].topics.map(\.id)) == ["syria-talks", "snowden-request", "arms-supply"])
        #expect(decoded.dropFirst().map(\.path) == decoded.dropFirst().map(\.path).sorted())
        #expect(decoded.dropFirst().allSatisfy { $0.path.hasPrefix(directory.path("examples")) })
    }

    @Test("classify on a generated 5 MB article prints bounded evidence")
    func classifyLargeArticle() async throws {
        let directory = try TemporaryDirectory()
        let paragraph = "The United States asked Russia to hand over Edward Snowden and to refuse his asylum request, while Syria peace talks in Geneva and arms supplies to the rebels were discussed."
        var text = "A very long article\n\n"
        while text.utf8.count < 5_000_000 { text += paragraph + "\n\n" }
        try text.write(toFile: directory.path("big.txt"), atomically: true, encoding: .utf8)
        let result = try await runCommand("newswire", ["classify", "--json", directory.path("big.txt")], timeout: .seconds(240))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.utf8.count < 50_000, "\(result.stdout.utf8.count) bytes of output")
        struct Line: Decodable {
            struct Topic: Decodable { var id: String; var evidence: [[String: String?]]?; var evidenceTotal: Int }
            var topics: [Topic]
        }
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let topics = object?["topics"] as? [[String: Any]] ?? []
        #expect(topics.count == 3)
        for topic in topics {
            #expect((topic["evidence"] as? [Any])?.count == 20)
            #expect((topic["evidenceTotal"] as? Int ?? 0) > 20_000)
        }
    }
}
