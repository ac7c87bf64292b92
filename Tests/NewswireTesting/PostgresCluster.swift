public import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#endif

/// A throwaway PostgreSQL server for tests: `initdb` in a temporary folder, run
/// by an unprivileged user (`postgres`, through `setpriv`, when the tests run
/// as root: the server refuses root), listening on 127.0.0.1 at a free port
/// with its Unix socket in the same folder, trusting local connections.
/// ``stop(mode:)`` (or releasing it) shuts the server down; releasing it also
/// removes the folder.
///
/// The server is this process's own child (`postgres`, not `pg_ctl start`,
/// which leaves a daemon behind that inherits the test process's descriptors):
/// stopped by a signal, waited for, never left running.
///
/// The binaries come from `NEWSWIRE_PG_BIN`, else the newest
/// `/usr/lib/postgresql/N/bin` (Debian's `postgresql` package, which
/// `scripts/test.sh` installs when it is missing).
public final class PostgresCluster: Sendable {
    /// The superuser the cluster is made with.
    public static let user = "newswire"

    public let port: Int
    public let directory: TemporaryDirectory
    private let binaries: URL
    private let runAs: String?
    private let server = Mutex<Process?>(nil)

    /// The folder with `initdb`, `postgres` and `psql`, or nil when PostgreSQL is not installed.
    public static var binaryDirectory: URL? {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["NEWSWIRE_PG_BIN"], !configured.isEmpty {
            return fileManager.fileExists(atPath: configured + "/initdb") ? URL(fileURLWithPath: configured) : nil
        }
        let root = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where fileManager.fileExists(atPath: "\(root)/\(version)/bin/initdb") {
            return URL(fileURLWithPath: "\(root)/\(version)/bin")
        }
        return nil
    }

    /// Whether the tests that need PostgreSQL can run here.
    public static var isInstalled: Bool { binaryDirectory != nil }

    /// Whether a missing PostgreSQL must fail the tests rather than skip them (`CI=true`: CI installs it).
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Makes and starts the cluster.
    public init() throws {
        guard let binaries = Self.binaryDirectory else {
            throw ProcessFailure("""
                PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin (or NEWSWIRE_PG_BIN). \
                Install Debian's postgresql package (scripts/test.sh does: apt-get install -y postgresql).
                """)
        }
        self.binaries = binaries
        directory = try TemporaryDirectory(prefix: "newswire-pg")
        runAs = getuid() == 0 ? "postgres" : nil
        if let runAs {
            // The server's user must own its folder (and reach it: /tmp is open to all).
            try Self.run("/bin/chown", ["-R", runAs, directory.url.path])
        }
        port = try Self.freePort()
        try command("initdb", ["-D", directory.path("data"), "-U", Self.user, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        try start()
    }

    deinit {
        try? stop(mode: "immediate")
    }

    /// Starts the server (again, after ``stop(mode:)``) and waits until it accepts connections.
    public func start() throws {
        let log = directory.path("server.log")
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        let process = Process()
        let postgres = binaries.appendingPathComponent("postgres").path
        let arguments = [
            "-D", directory.path("data"), "-p", "\(port)", "-k", directory.url.path,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=100",
        ]
        if let runAs {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(runAs)", "--regid=\(runAs)", "--init-groups", "--", postgres] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: postgres)
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try? handle.close()
        server.withLock { $0 = process }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard process.isRunning else { throw ProcessFailure("postgres exited at start:\n\(serverLog)") }
            if (try? command("pg_isready", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, "-d", "postgres"])) != nil { return }
            usleep(50_000)
        }
        throw ProcessFailure("postgres did not accept connections within 60 s:\n\(serverLog)")
    }

    /// Stops the server and waits for it: `fast` rolls back open transactions and
    /// closes connections (SIGINT); `immediate` is a crash (SIGQUIT). Nothing when it is not running.
    public func stop(mode: String = "fast") throws {
        guard let process = server.withLock({ state in defer { state = nil }; return state }), process.isRunning else { return }
        kill(process.processIdentifier, mode == "immediate" ? SIGQUIT : SIGINT)
        process.waitUntilExit()
    }

    /// Makes a database and returns its URL, `postgres://newswire@127.0.0.1:PORT/NAME`.
    @discardableResult
    public func createDatabase(_ name: String = "newswire_\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        try psql("CREATE DATABASE \(name)", database: "postgres")
        return url(database: name)
    }

    public func url(database: String) -> String {
        "postgres://\(Self.user)@127.0.0.1:\(port)/\(database)"
    }

    /// Runs `sql` with psql and returns what it printed, unaligned, tuples only.
    @discardableResult
    public func psql(_ sql: String, database: String) throws -> String {
        try command("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql])
    }

    /// The server's log so far, for a failing test's message.
    public var serverLog: String {
        (try? String(contentsOfFile: directory.path("server.log"), encoding: .utf8)) ?? ""
    }

    @discardableResult
    private func command(_ name: String, _ arguments: [String]) throws -> String {
        let tool = binaries.appendingPathComponent(name).path
        if let runAs {
            return try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", tool] + arguments)
        }
        return try Self.run(tool, arguments)
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        // Output to a file, not a pipe: a server started by a command may
        // inherit the pipe and hold it open, so reading it to its end would never end.
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-pg-command-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ProcessFailure("\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " ")) failed (status \(process.terminationStatus)):\n\(text)")
        }
        return text
    }

    /// A TCP port nothing listens on now, from the kernel (bind to port 0).
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ProcessFailure("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw ProcessFailure("bind to 127.0.0.1:0 failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
