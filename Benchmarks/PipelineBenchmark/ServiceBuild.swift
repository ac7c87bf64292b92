import Foundation
import NewswireTesting

/// A build of the two services to measure: this build's (the folder the
/// benchmark runs from) or another one's, such as today's release built from
/// a git ref (`--baseline-bin`), so both are measured side by side in one run.
struct ServiceBuild: Sendable {
    /// How the report names it: "this build", "baseline".
    var name: String
    /// The folder holding `newswire-producer` and `newswire-consumer`.
    var directory: URL

    static let services = ["newswire-producer", "newswire-consumer"]

    /// The build the benchmark itself comes from.
    static var this: ServiceBuild { ServiceBuild(name: "this build", directory: BuiltExecutable.directory) }

    /// A prefix for file names (profiles) that tells this build's from another's apart: empty for this build.
    var filePrefix: String { name == Self.this.name ? "" : name.replacingOccurrences(of: " ", with: "-") + "-" }

    /// Fails, saying what to build, when a service is missing from the folder.
    func check(buildHint: String) throws {
        for service in Self.services where !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(service).path) {
            throw BenchmarkFailure("\(name): \(service) is not in \(directory.path): \(buildHint)")
        }
    }
}
