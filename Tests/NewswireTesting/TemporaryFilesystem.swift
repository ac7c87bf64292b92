internal import Foundation

/// A small tmpfs mounted on a fresh folder, to put a SQLite file on a disk
/// that really fills up or really turns read-only. Unmounted and removed when
/// released.
///
/// Mounting needs root (CAP_SYS_ADMIN), as in CI and on the development
/// machine; ``isAvailable`` tells whether this process can.
public final class TemporaryFilesystem: Sendable {
    public let directory: TemporaryDirectory

    /// Mounts a tmpfs of `megabytes` on a new folder.
    public init(megabytes: Int) throws {
        directory = try TemporaryDirectory(prefix: "newswire-tmpfs")
        try Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "tmpfs", directory.url.path])
    }

    /// The path of `name` on the filesystem.
    public func path(_ name: String) -> String { directory.path(name) }

    /// Changes the size: smaller than what is used fails, larger frees room.
    public func resize(megabytes: Int) throws {
        try Self.mount(["-o", "remount,size=\(megabytes)m", directory.url.path])
    }

    /// Turns writes off (`true`, writes fail with EROFS) or back on.
    public func setReadOnly(_ readOnly: Bool) throws {
        try Self.mount(["-o", readOnly ? "remount,ro" : "remount,rw", directory.url.path])
    }

    deinit {
        _ = try? Self.run("/bin/umount", ["-l", directory.url.path])
    }

    /// Whether this process may mount a tmpfs (tried once, for real).
    public static let isAvailable: Bool = {
        guard getuid() == 0, let probe = try? TemporaryFilesystem(megabytes: 1) else { return false }
        return FileManager.default.isWritableFile(atPath: probe.directory.url.path)
    }()

    private static func mount(_ arguments: [String]) throws {
        let (status, output) = try run("/bin/mount", arguments)
        guard status == 0 else { throw ProcessFailure("mount \(arguments.joined(separator: " ")) failed (\(status)): \(output)") }
    }

    private static func run(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
