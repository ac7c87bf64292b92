import Foundation
import NewswireTesting
import Testing

/// The executables' command-line contract: help, environment twins, validation, parse and classify.
@Suite("Command line")
struct CommandLineTests {
    @Test("--help explains every flag and its environment twin", arguments: [
        ("newswire-producer", ["--outbox", "NEWSWIRE_OUTBOX", "--ingest", "NEWSWIRE_INGEST", "--consumer", "NEWSWIRE_CONSUMER", "--shutdown-grace-seconds", "NEWSWIRE_SHUTDOWN_GRACE_SECONDS"]),
        ("newswire-consumer", ["--db", "NEWSWIRE_DB", "--events", "NEWSWIRE_EVENTS", "--stream", "NEWSWIRE_STREAM", "--replay", "NEWSWIRE_REPLAY", "--topics", "--shutdown-grace-seconds", "NEWSWIRE_SHUTDOWN_GRACE_SECONDS"]),
    ])
    func help(executable: String, expected: [String]) async throws {
        let result = try await runCommand(executable, ["--help"])
        #expect(result.status == 0)
        for text in expected { #expect(result.stdout.contains(text), "\(executable) --help lacks \(text)") }
    }

    @Test("defaults follow the contract, and environment variables override them")
    func printConfig() async throws {
        let defaults = try await runCommand("newswire-consumer", ["--print-config"])
        #expect(defaults.stdout.contains("NEWSWIRE_DB=newswire.db"))
        #expect(defaults.stdout.contains("NEWSWIRE_EVENTS=tcp://127.0.0.1:5556"))
        #expect(defaults.stdout.contains("NEWSWIRE_STREAM=tcp://127.0.0.1:5557"))
        #expect(defaults.stdout.contains("NEWSWIRE_REPLAY=tcp://127.0.0.1:5558"))
        let producer = try await runCommand("newswire-producer", ["--print-config"])
        #expect(producer.stdout.contains("NEWSWIRE_OUTBOX=outbox.db"))
        #expect(producer.stdout.contains("NEWSWIRE_INGEST=tcp://127.0.0.1:5555"))
        #expect(producer.stdout.contains("NEWSWIRE_CONSUMER=tcp://127.0.0.1:5556"))
        let flagged = try await runCommand("newswire-producer", ["--print-config", "--consumer", "tcp://a:1", "--consumer", "tcp://b:2"])
        #expect(flagged.stdout.contains("NEWSWIRE_CONSUMER=tcp://a:1,tcp://b:2"))
    }

    @Test("bad values stop the service at start, naming the setting")
    func badValues() async throws {
        let result = try await runCommand("newswire-producer", ["--delivery-window", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--delivery-window"))
        let topics = try await runCommand("newswire-consumer", ["--topics", "/nonexistent/topics.yaml"])
        #expect(topics.status != 0)
        #expect(topics.stderr.contains("--topics"))
    }

    @Test("parse --json prints the contract's fields")
    func parseJSON() async throws {
        let result = try await runCommand("newswire", ["parse", Fixtures.url(Fixtures.secondSeed).path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["title", "paragraphs", "quotes", "people", "places", "truncated", "contentHash"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["title"] as? String == "Kerry says Syria peace talks not likely until September")
        #expect(object["subtitle"] as? String == "US, Russia still disagree over Assad’s role")
        #expect(object["dateline"] as? String == "BANDAR SERI BEGAWAN, Brunei")
        #expect(object["truncated"] as? Bool == true)
        #expect((object["paragraphs"] as? [String])?.count == 7)
    }

    @Test("classify --json lists the assigned topics with evidence; stdin works")
    func classifyJSON() async throws {
        let data = try Fixtures.data(Fixtures.firstSeed)
        let result = try await runCommand("newswire", ["classify", "-", "--json"], stdin: data)
        #expect(result.status == 0, "\(result.stderr)")
        struct Output: Decodable {
            struct Topic: Decodable {
                struct Evidence: Decodable { var matched: String }
                var id: String
                var score: Double
                var evidence: [Evidence]
            }
            var topics: [Topic]
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(Set(output.topics.map(\.id)) == ["syria-talks", "snowden-request", "arms-supply"])
        for topic in output.topics { #expect(!topic.evidence.isEmpty) }
    }

    @Test("parse refuses empty input with a clear error and a non-zero status")
    func parseEmpty() async throws {
        let result = try await runCommand("newswire", ["parse", "-"], stdin: Data())
        #expect(result.status != 0)
        #expect(result.stderr.contains("empty"))
    }
}
