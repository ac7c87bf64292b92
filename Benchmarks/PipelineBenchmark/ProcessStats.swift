import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One reading of a process's CPU time and memory from /proc (Linux).
struct ProcessStats: Sendable {
    /// User plus system CPU time so far, in seconds (/proc/PID/stat utime + stime).
    var cpuSeconds: Double
    /// User plus system CPU time of the children it has waited for, theirs included (cutime + cstime).
    var childrenCPUSeconds: Double
    /// Resident memory now, in bytes (VmRSS).
    var residentBytes: Int
    /// The most resident memory the process has had, in bytes (VmHWM).
    var peakResidentBytes: Int

    /// Reads process `pid`; nil when it has gone or /proc is not there.
    static func read(pid: Int32) -> ProcessStats? {
        guard let stat = contents(of: "/proc/\(pid)/stat"), let status = contents(of: "/proc/\(pid)/status") else { return nil }
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        // There, field 3 (state) is at offset 0, so utime (14) and stime (15) are at 11 and 12,
        // cutime (16) and cstime (17) at 13 and 14.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 14, let user = Double(fields[11]), let system = Double(fields[12]),
            let childrenUser = Double(fields[13]), let childrenSystem = Double(fields[14])
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ProcessStats(
            cpuSeconds: (user + system) / ticks,
            childrenCPUSeconds: (childrenUser + childrenSystem) / ticks,
            residentBytes: kilobytes(status, "VmRSS:") * 1024,
            peakResidentBytes: kilobytes(status, "VmHWM:") * 1024)
    }

    /// The value of a `Name:\t   123 kB` line of /proc/PID/status.
    private static func kilobytes(_ status: String, _ name: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }

    /// A /proc file's text (their size reads as 0, so read to the end).
    private static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
