import Foundation
import NewswireTesting
#if canImport(Glibc)
import Glibc
#endif

/// Where a service spends its CPU time at saturation: `perf record` on the
/// cpu-clock event (a software timer, so it works in virtual machines that
/// have no hardware counters) attached to the running process, then `perf
/// report` summarised as the functions with the most samples, demangled.
///
/// The raw `perf.data` and the full report stay in `directory` for a closer look
/// (`perf report -i <service>.perf.data`).
struct ServiceProfiler: Sendable {
    /// One line of the flat profile.
    struct HotSpot: Sendable {
        /// Share of the service's samples spent in this function itself.
        var percent: Double
        /// The executable or library it lives in.
        var library: String
        var symbol: String
    }

    /// What one service spent its samples on.
    struct Profile: Sendable {
        var service: String
        /// Share of samples per executable or library (kernel included), largest first.
        var libraries: [(library: String, percent: Double)]
        var hotSpots: [HotSpot]
    }

    let perf: String
    let directory: URL

    /// A profiler when `perf` is installed and can sample here, nil otherwise.
    static func available(directory: URL) async -> ServiceProfiler? {
        guard let perf = executable("perf") else { return nil }
        let probe = directory.appendingPathComponent("probe.perf.data").path
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
            let result = try? await runCommand(perf, ["record", "-e", "cpu-clock", "-q", "-o", probe, "--", "true"], timeout: .seconds(30)),
            result.status == 0
        else { return nil }
        try? FileManager.default.removeItem(atPath: probe)
        return ServiceProfiler(perf: perf, directory: directory)
    }

    /// Samples process `pid` for `seconds` (call stacks included) into `<name>.perf.data`.
    func record(name: String, pid: Int32, seconds: Int) async throws -> URL {
        let data = directory.appendingPathComponent("\(name).perf.data")
        let log = directory.appendingPathComponent("\(name).perf.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        let arguments = ["record", "-e", "cpu-clock", "-F", "499", "-g", "-q", "-p", String(pid), "-o", data.path, "--", "sleep", String(seconds)]
        let status = try await onOwnThread("perf record \(name)") { [perf] in
            // A child inherits the signal mask of the thread that starts it, and the
            // cooperative pool's threads block nearly every signal: perf would then
            // never hear its `sleep` end (SIGCHLD) and spin forever. Start it from a
            // thread that blocks none.
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: perf)
            process.arguments = arguments
            process.standardOutput = logHandle
            process.standardError = logHandle
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard status == 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchmarkFailure("perf \(arguments.joined(separator: " ")) exited \(status): \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }

    /// The profile in `data`: the share of each library, and the `limit`
    /// functions with the most samples (self time), demangled. The whole
    /// report is written next to the data as `<name>.perf.txt`.
    func profile(service: String, data: URL, limit: Int = 15) async throws -> Profile {
        let functions = try await report(data, fields: "overhead,dso,sym")
        try functions.write(to: data.deletingPathExtension().appendingPathExtension("txt"), atomically: true, encoding: .utf8)
        // "    12.34%  newswire-consumer  [.] $s8Newswire...": percent, library, kind, symbol.
        var spots: [HotSpot] = []
        for fields in Self.rows(functions, fields: 4) {
            spots.append(HotSpot(percent: fields.percent, library: fields.rest[0], symbol: fields.rest[2]))
            if spots.count == limit { break }
        }
        let libraries = Self.rows(try await report(data, fields: "overhead,dso"), fields: 2).map { (library: $0.rest[0], percent: $0.percent) }
        return Profile(service: service, libraries: libraries, hotSpots: await demangled(spots))
    }

    /// `perf report` of `data` with these columns, flat (no call graphs), as text.
    private func report(_ data: URL, fields: String) async throws -> String {
        let result = try await runCommand(
            perf, ["report", "-i", data.path, "--stdio", "--no-children", "-g", "none", "-F", fields, "--percent-limit", "0.2"],
            timeout: .seconds(300))
        guard result.status == 0 else { throw BenchmarkFailure("perf report -i \(data.path) -F \(fields) exited \(result.status): \(result.stderr)") }
        return result.stdout
    }

    /// The rows of a report: the percentage, then the other `fields - 1` columns
    /// (the last one is the rest of the line, trimmed, since symbols hold spaces).
    private static func rows(_ report: String, fields: Int) -> [(percent: Double, rest: [String])] {
        report.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: " ", maxSplits: fields - 1, omittingEmptySubsequences: true)
            guard columns.count == fields, columns[0].hasSuffix("%"), let percent = Double(columns[0].dropLast()) else { return nil }
            return (percent, columns.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// Swift symbols (`$s…`) made readable with `swift-demangle`, when it is installed.
    private func demangled(_ spots: [HotSpot]) async -> [HotSpot] {
        let mangled = spots.indices.filter { spots[$0].symbol.hasPrefix("$s") || spots[$0].symbol.hasPrefix("_$s") }
        guard !mangled.isEmpty, let demangler = Self.executable("swift-demangle"),
            let result = try? await runCommand(demangler, ["--simplified", "--compact"] + mangled.map { spots[$0].symbol }, timeout: .seconds(60)),
            result.status == 0
        else { return spots }
        let names = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard names.count >= mangled.count else { return spots }
        var spots = spots
        for (index, name) in zip(mangled, names) { spots[index].symbol = String(name) }
        return spots
    }

    /// The full path of a program on PATH, nil when there is none.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
