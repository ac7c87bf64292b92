import Foundation
import NewswireTesting

/// The reference programs of issue #20 in `../shared/yardsticks`, run as
/// they are (nothing of them is copied into the repository): `sqlite_ins.c`,
/// compiled with `cc -O2 … -lsqlite3` into a temporary folder, and the naive
/// Python pipeline `peer_pipeline.py` (pyzmq PUSH/PULL, json, regex topics,
/// sqlite3 batched inserts; no acks, no outbox). Either is skipped, with the
/// reason in the report, when the folder, a compiler, python3 or pyzmq is
/// missing.
struct ExternalYardsticks: Sendable {
    /// The Python pipeline's figures from one run.
    struct PeerResult: Sendable {
        var articles: Int
        var stored: Int
        var articlesPerSecond: Double
        /// CPU of the whole peer (its producer and consumer processes), user + system.
        var cpuSeconds: Double
    }

    /// The compiled `sqlite_ins`, nil when it could not be built here.
    let sqliteInsert: URL?
    /// `python3` and `peer_pipeline.py`, nil when they cannot run here.
    let peer: (python: String, script: URL)?
    /// Why a program is not run, one line each.
    let notes: [String]
    /// Holds the compiled program for as long as the benchmark runs.
    private let folder: TemporaryDirectory

    /// Finds and prepares the programs in `directory`; problems become ``notes``, not errors.
    static func prepare(directory: URL, python: String) async throws -> ExternalYardsticks {
        let folder = try TemporaryDirectory(prefix: "newswire-yardsticks")
        var notes: [String] = []
        var sqliteInsert: URL?
        let source = directory.appendingPathComponent("sqlite_ins.c")
        if !FileManager.default.fileExists(atPath: source.path) {
            notes.append("sqlite_ins.c: not run, \(source.path) is absent; the yardstick is the Swift port alone")
        } else if let compiler = ServiceProfiler.executable("cc") {
            let binary = folder.url.appendingPathComponent("sqlite_ins")
            let result = try await runCommand(compiler, ["-O2", "-o", binary.path, source.path, "-lsqlite3"], timeout: .seconds(120))
            if result.status == 0 {
                sqliteInsert = binary
            } else {
                notes.append("sqlite_ins.c: not run, cc -O2 -o … \(source.path) -lsqlite3 exited \(result.status): \(result.stderr.prefix(300))")
            }
        } else {
            notes.append("sqlite_ins.c: not run, no cc on PATH; the yardstick is the Swift port alone")
        }

        var peer: (python: String, script: URL)?
        let script = directory.appendingPathComponent("peer_pipeline.py")
        let interpreter = python.hasPrefix("/") ? python : ServiceProfiler.executable(python)
        if !FileManager.default.fileExists(atPath: script.path) {
            notes.append("Python peer: not run, \(script.path) is absent")
        } else if let interpreter {
            let probe = try await runCommand(interpreter, ["-c", "import zmq"], timeout: .seconds(60))
            if probe.status == 0 {
                peer = (interpreter, script)
            } else {
                notes.append("Python peer: not run, \(interpreter) has no pyzmq (python3 -m pip install pyzmq; scripts/benchmark.sh does)")
            }
        } else {
            notes.append("Python peer: not run, no \(python) on PATH")
        }
        return ExternalYardsticks(sqliteInsert: sqliteInsert, peer: peer, notes: notes, folder: folder)
    }

    /// Runs the C program: `rows` rows of `rowFile`'s text into a new database in `directory`.
    func measureSQLiteInsert(rows: Int, rowFile: URL, directory: URL) async throws -> SQLiteYardstick.Result? {
        guard let sqliteInsert else { return nil }
        let (result, cpuSeconds) = try await Self.childCPU {
            try await runCommand(
                sqliteInsert.path, [String(rows), rowFile.path, directory.appendingPathComponent("limit.db").path],
                timeout: .seconds(Double(max(300, rows / 500))))
        }
        guard result.status == 0, let figures = Self.parseSQLiteInsert(result.stdout) else {
            throw BenchmarkFailure("sqlite_ins exited \(result.status), printing \(result.stdout.debugDescription), \(result.stderr.debugDescription)")
        }
        return SQLiteYardstick.Result(
            program: "sqlite_ins.c", rows: figures.rows, rowBytes: figures.rowBytes, rowsPerSecond: figures.rowsPerSecond, cpuSeconds: cpuSeconds)
    }

    /// Runs the Python pipeline over `articles` articles taken in turn from the `.txt` files of `articleFolder`.
    func measurePeer(articles: Int, articleFolder: URL, directory: URL) async throws -> PeerResult? {
        guard let peer else { return nil }
        let (result, cpuSeconds) = try await Self.childCPU {
            try await runCommand(
                peer.python, [peer.script.path, String(articles), articleFolder.path, directory.appendingPathComponent("peer.db").path],
                directory: nil, timeout: .seconds(Double(max(300, articles / 200))))
        }
        guard result.status == 0, let figures = Self.parsePeer(result.stdout) else {
            throw BenchmarkFailure("peer_pipeline.py exited \(result.status), printing \(result.stdout.debugDescription), \(result.stderr.suffix(600).debugDescription)")
        }
        guard figures.stored == articles else {
            throw BenchmarkFailure("peer_pipeline.py stored \(figures.stored) of \(articles) articles: \(result.stdout)")
        }
        return PeerResult(articles: figures.articles, stored: figures.stored, articlesPerSecond: figures.articlesPerSecond, cpuSeconds: cpuSeconds)
    }

    /// `sqlite-c-limit: N rows of B B, R rows/s, M MB/s`.
    static func parseSQLiteInsert(_ output: String) -> (rows: Int, rowBytes: Int, rowsPerSecond: Double)? {
        guard let numbers = numbers(after: "sqlite-c-limit:", in: output), numbers.count >= 3 else { return nil }
        return (Int(numbers[0]), Int(numbers[1]), numbers[2])
    }

    /// `peer-python: N articles, S stored, R articles/s end to end`.
    static func parsePeer(_ output: String) -> (articles: Int, stored: Int, articlesPerSecond: Double)? {
        guard let numbers = numbers(after: "peer-python:", in: output), numbers.count >= 3 else { return nil }
        return (Int(numbers[0]), Int(numbers[1]), numbers[2])
    }

    /// The numbers on the line that starts with `prefix`, in order.
    static func numbers(after prefix: String, in output: String) -> [Double]? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.dropFirst(prefix.count)
            .split(whereSeparator: { !($0.isNumber || $0 == ".") })
            .compactMap { Double($0) }
    }

    /// Writes articles `0..<count` as `NNNNN.txt` files (UTF-8 text, as the
    /// feeders send them) for the Python peer, which reads a folder of them in
    /// name order and sends them in turn.
    static func writeArticles(_ articles: GeneratedArticles, count: Int, to folder: URL) throws {
        for index in 0..<count {
            let name = String(format: "%05d.txt", index)
            try Data(articles.bytes(index)).write(to: folder.appendingPathComponent(name))
        }
    }

    /// The user + system CPU that the children waited for during `work` used (their own children included).
    static func childCPU<T: Sendable>(_ work: () async throws -> T) async throws -> (T, Double) {
        let before = childrenCPUSeconds()
        let value = try await work()
        return (value, childrenCPUSeconds() - before)
    }

    private static func childrenCPUSeconds() -> Double {
        ProcessStats.read(pid: getpid())?.childrenCPUSeconds ?? 0
    }
}
