import Foundation
import NewswireTesting
import Testing

/// Where python3 is, and whether it has pyzmq.
enum PythonEnvironment {
    static let python: String? = {
        // The python3 on PATH first: that is where scripts/test.sh installs pyzmq.
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            + ["/usr/local/bin/python3", "/usr/bin/python3"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let pythonWithZMQ: Bool = runs("import zmq")

    /// Whether python3 runs `code` and exits 0 (e.g. to ask whether a package is installed).
    static func runs(_ code: String) -> Bool {
        guard let python else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// The Python clients in proto-docs/examples, written from the docs alone,
/// against the real services. They run where python3 with pyzmq is installed
/// (scripts/test.sh installs pyzmq when it can).
@Suite("Python example clients", .serialized, .enabled(if: PythonEnvironment.pythonWithZMQ, "python3 with pyzmq is not installed"))
struct PythonExampleTests {
    static var python: String? { PythonEnvironment.python }

    static func example(_ name: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent("proto-docs/examples/\(name)").path
    }

    @Test("feed_article.py gets ACCEPTED, then DUPLICATE, and the article is stored")
    func feed() async throws {
        let pipeline = try await Pipeline()
        let python = try #require(Self.python)
        let seed = Fixtures.url(Fixtures.firstSeed).path
        let first = try await runCommand(python, [Self.example("feed_article.py"), seed, "--endpoint", pipeline.ingestEndpoint, "--source", "py-scraper"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("ACCEPTED"))
        let second = try await runCommand(python, [Self.example("feed_article.py"), seed, "--endpoint", pipeline.ingestEndpoint, "--source", "py-scraper"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("DUPLICATE"))
        let stored = try await PipelineTests.storedArticles(pipeline, count: 1)
        #expect(stored.first?.source == "py-scraper")
        #expect(stored.first?.title == "Kerry Says US and Russia Are Working Toward Syria Talks")

        let empty = pipeline.directory.path("empty.txt")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let refused = try await runCommand(python, [Self.example("feed_article.py"), empty, "--endpoint", pipeline.ingestEndpoint])
        #expect(refused.status == 1)
        #expect((refused.stdout + refused.stderr).contains("INVALID_ARTICLE"))
        _ = try await pipeline.stop()
    }

    @Test("subscribe_topics.py replays history with --since and prints each message once")
    func subscribe() async throws {
        let pipeline = try await Pipeline()
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0)
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)
        let python = try #require(Self.python)
        let result = try await runCommand(python, [
            Self.example("subscribe_topics.py"), "--since", "0", "--count", "2",
            "--stream", pipeline.streamEndpoint, "--replay", pipeline.replayEndpoint, "syria-talks",
        ], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Kerry Says US and Russia Are Working Toward Syria Talks"))
        #expect(result.stdout.contains("Kerry says Syria peace talks not likely until September"))
        _ = try await pipeline.stop()
    }
}
