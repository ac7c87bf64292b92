import Foundation
import NewswireTesting
import Testing

/// README's flag table lists every flag of both services with its environment
/// twin, as the real executables' `--help` prints them, and nothing else.
@Suite("README flag table")
struct ReadmeFlagTableTests {
    /// One flag as documented or as `--help` prints it.
    struct Flag: Hashable, CustomStringConvertible {
        var name: String
        /// The `NEWSWIRE_…` twin; nil when the flag has none.
        var environment: String?
        var description: String { environment.map { "\(name) (env \($0))" } ?? name }
    }

    static let services = ["producer": "newswire-producer", "consumer": "newswire-consumer"]

    /// Each option entry of `--help`: its long name and the `env: NEWSWIRE_…` its help names.
    /// An entry starts with the flag indented by two spaces; its help text goes on
    /// on lines indented further (which may start with another flag's name).
    static func helpFlags(_ help: String) -> [String: Flag] {
        var entries: [String] = []
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("OPTIONS:") && !line.hasPrefix(" ") {
                inOptions = true
                continue
            }
            guard inOptions else { continue }
            let trimmed = line.drop { $0 == " " }
            if line.hasPrefix("  -") {
                entries.append(String(trimmed))
            } else if !entries.isEmpty, line.hasPrefix("   ") {
                entries[entries.count - 1] += " " + trimmed
            }
        }
        var flags: [String: Flag] = [:]
        for entry in entries {
            guard let name = entry.firstMatch(of: /--[a-z0-9-]+/).map({ String($0.output) }),
                  !["--help", "--version"].contains(name) else { continue }
            let environment = entry.firstMatch(of: /env:\s+(NEWSWIRE_[A-Z0-9_]+)/).map { String($0.output.1) }
            flags[name] = Flag(name: name, environment: environment)
        }
        return flags
    }

    /// The table under "Running the services": flags per service ("both" rows count for each).
    static func readmeFlags() throws -> [String: [String: Flag]] {
        let readme = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| service | flag | env | default |") }) else {
            throw ProcessFailure("README.md has no table headed '| service | flag | env | default |'")
        }
        var table: [String: [String: Flag]] = ["producer": [:], "consumer": [:]]
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5 else { continue }
            let services = cells[1] == "both" ? ["producer", "consumer"] : [cells[1]]
            let names = cells[2].matches(of: /`(--[a-z0-9-]+)`/).map { String($0.output.1) }
            let environments = cells[3].matches(of: /`(NEWSWIRE_[A-Z0-9_]+)`/).map { String($0.output.1) }
            for (index, name) in names.enumerated() {
                let environment = environments.count == names.count ? environments[index] : environments.first
                for service in services { table[service, default: [:]][name] = Flag(name: name, environment: environment) }
            }
        }
        return table
    }

    @Test("every flag of both services' --help is in the README table with its env twin, and every row is a real flag")
    func tableMatchesHelp() async throws {
        let table = try Self.readmeFlags()
        for (service, executable) in Self.services.sorted(by: { $0.key < $1.key }) {
            let help = try await runCommand(executable, ["--help"])
            #expect(help.status == 0, "\(executable) --help: \(help.stderr)")
            let actual = Self.helpFlags(help.stdout)
            #expect(actual.count >= 8, "\(executable) --help lists too few flags to be read right:\n\(help.stdout)")
            let documented = table[service] ?? [:]
            for flag in actual.values.sorted(by: { $0.name < $1.name }) {
                guard let row = documented[flag.name] else {
                    Issue.record("README flag table: \(executable)'s \(flag) is missing; add a row '| \(service) | `\(flag.name)` | `\(flag.environment ?? "—")` | default |' (or a 'both' row)")
                    continue
                }
                #expect(row.environment == flag.environment,
                        "README flag table: \(executable)'s \(flag.name) has env twin \(flag.environment ?? "none") in --help, \(row.environment ?? "none") in the README")
            }
            for flag in documented.values.sorted(by: { $0.name < $1.name }) where actual[flag.name] == nil {
                Issue.record("README flag table lists \(flag) for the \(service), but \(executable) --help has no such flag")
            }
        }
    }

    @Test("the --help reader finds names and env twins, wrapped lines included")
    func readsHelp() {
        let help = """
            Starts at --overview, which is not an option.
            OPTIONS:
              --db <db>               SQLite file, checkpointed on exit. (env:
                                      NEWSWIRE_DB)
              --shutdown-grace-seconds <seconds>
                                      Seconds to exit, checkpoint
                                      --db. (env: NEWSWIRE_SHUTDOWN_GRACE_SECONDS)
              --print-config          Print the effective configuration and exit.
              -h, --help              Show help information.
            """
        let flags = Self.helpFlags(help)
        #expect(flags["--db"] == Flag(name: "--db", environment: "NEWSWIRE_DB"))
        #expect(flags["--shutdown-grace-seconds"] == Flag(name: "--shutdown-grace-seconds", environment: "NEWSWIRE_SHUTDOWN_GRACE_SECONDS"))
        #expect(flags["--print-config"] == Flag(name: "--print-config", environment: nil))
        #expect(flags["--overview"] == nil)
        #expect(flags.count == 3)
        #expect(flags["--help"] == nil)
    }
}
