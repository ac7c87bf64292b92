import Foundation
import GRDB
import ZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// What the figures were measured on, printed with them: they mean little without it.
struct MachineDescription: Sendable {
    var cores: Int
    var cpuModel: String
    var memoryGiB: Double
    var kernel: String
    var libzmq: String
    var sqlite: String
    /// The 1-minute load average: other work on the machine competes for the same cores.
    var loadAverage: String

    static func current() throws -> MachineDescription {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        var names = utsname()
        uname(&names)
        let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let zmq = Context.libraryVersion
        let sqlite = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?" }
        return MachineDescription(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
            memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, kernel: "Linux \(release)",
            libzmq: "\(zmq.major).\(zmq.minor).\(zmq.patch)", sqlite: sqlite, loadAverage: Self.loadAverage())
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "?"
    }

    var summary: String {
        "\(cores) cores (\(cpuModel)), \(String(format: "%.1f", memoryGiB)) GiB, \(kernel), libzmq \(libzmq), SQLite \(sqlite)"
    }
}
