import Foundation
import NewswireTesting
import Testing

/// What a client author tripped on with the Python examples (issue 15): the
/// `--count` of a replay, the working directory, and the generated module.
@Suite("Python example clients: edges", .serialized, .enabled(if: PythonEnvironment.pythonWithZMQ, "python3 with pyzmq is not installed"))
struct PythonClientEdgeTests {
    /// Runs python3 with `PYTHONSAFEPATH=1` (the script's folder is then not on
    /// sys.path: the examples must find their sibling module themselves) from `directory`.
    static func python(_ arguments: [String], from directory: TemporaryDirectory, timeout: Duration = .seconds(30)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let python = try #require(PythonEnvironment.python)
        return try await runCommand("/usr/bin/env", ["PYTHONSAFEPATH=1", python] + arguments, directory: directory, timeout: timeout)
    }

    @Test("subscribe_topics.py --count N prints N lines when the replay alone has more; both examples run from any folder")
    func countDuringReplay() async throws {
        let pipeline = try await Pipeline()
        let elsewhere = try TemporaryDirectory(prefix: "python-cwd")
        let seed = Fixtures.url(Fixtures.firstSeed).path
        let fed = try await Self.python([PythonExampleTests.example("feed_article.py"), seed, "--endpoint", pipeline.ingestEndpoint], from: elsewhere)
        #expect(fed.status == 0, "feed_article.py from another folder: \(fed.stdout)\(fed.stderr)")
        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint, Fixtures.url("seeds").path])
        #expect(feed.status == 0)
        // Two sources' worth of the sample articles: more topic messages in history than asked for.
        let stored = try await PipelineTests.storedArticles(pipeline, count: 3)
        #expect(stored.count == 3)
        for count in [1, 3] {
            let result = try await Self.python([
                PythonExampleTests.example("subscribe_topics.py"), "--since", "0", "--count", "\(count)",
                "--stream", pipeline.streamEndpoint, "--replay", pipeline.replayEndpoint,
            ], from: elsewhere)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == count, "--count \(count) printed:\n\(result.stdout)")
            #expect(lines.first?.hasPrefix("1\t") == true, "the first replayed message is sequence 1: \(result.stdout)")
        }
        _ = try await pipeline.stop()
    }
}

/// Where the pinned Python code generator (scripts/generate-protos.sh) is installed.
enum PinnedPythonGenerator {
    static let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/generate-protos.sh").path

    /// The version the script pins (`PYTHON_GRPCIO_TOOLS_VERSION=`).
    static let version: String? = {
        guard let text = try? String(contentsOfFile: script, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("PYTHON_GRPCIO_TOOLS_VERSION=") }.map { String($0.dropFirst("PYTHON_GRPCIO_TOOLS_VERSION=".count)) }
    }()

    static let isInstalled: Bool = {
        guard let version else { return false }
        return PythonEnvironment.runs("import importlib.metadata as m, sys; sys.exit(m.version('grpcio-tools') != '\(version)')")
    }()
}

/// The Python module shipped in proto-docs is what the pinned generator makes
/// of the .proto today, and reads the golden files.
@Suite("Generated Python module", .enabled(if: PinnedPythonGenerator.isInstalled,
    "grpcio-tools at the version scripts/generate-protos.sh pins is not installed (scripts/test.sh installs it): the shipped newswire_pb2.py is NOT checked"))
struct GeneratedPythonModuleTests {
    static let shipped = "proto-docs/examples/newswire/v1/newswire_pb2.py"

    @Test("regenerating proto-docs/examples/newswire/v1/newswire_pb2.py gives the same bytes")
    func regenerates() async throws {
        let output = try TemporaryDirectory(prefix: "generated-python")
        let result = try await runCommand("/usr/bin/env", ["bash", PinnedPythonGenerator.script, "python", output.path("out")], timeout: .seconds(120))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let regenerated = try Data(contentsOf: URL(fileURLWithPath: output.path("out/newswire/v1/newswire_pb2.py")))
        let committed = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(Self.shipped))
        #expect(regenerated == committed, "\(Self.shipped) is stale: run `bash scripts/generate-protos.sh python` and commit it")
        // Only the protocol's module: the well-known types come with the protobuf package.
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path("out")).filter { $0.hasSuffix(".py") }
        #expect(files == ["newswire/v1/newswire_pb2.py"])
    }

    @Test("the shipped module reads every golden file byte for byte (check_golden.py), from another folder")
    func readsGoldenFiles() async throws {
        let python = try #require(PythonEnvironment.python)
        let elsewhere = try TemporaryDirectory(prefix: "python-cwd")
        let result = try await runCommand("/usr/bin/env", ["PYTHONSAFEPATH=1", python, PythonExampleTests.example("check_golden.py")], directory: elsewhere)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("8 passed, 0 failed"), "\(result.stdout)")
    }
}
