public import Foundation
internal import Synchronization

/// A real child process for integration tests: started from a built executable,
/// its standard error captured so a test can wait for a log line (the bound
/// endpoints, "ready"), then signalled and awaited with a deadline.
public final class RunningProcess: Sendable {
    public let name: String
    private let process: Process
    private let output: Mutex<String>
    private let logFile: URL

    /// Starts `executable` (a built one by name, or any by absolute path) with `arguments`. stdout and stderr go to a log file in `directory`.
    /// `executables` is the folder to take it from (another build's, for a side-by-side
    /// benchmark); by default ``BuiltExecutable/directory``.
    public init(
        _ executable: String, _ arguments: [String], directory: TemporaryDirectory, environment: [String: String] = [:],
        executables: URL? = nil
    ) throws {
        name = executable
        logFile = directory.url.appendingPathComponent("\(URL(fileURLWithPath: executable).lastPathComponent)-\(UUID().uuidString.prefix(6)).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process = Process()
        process.executableURL = executables?.appendingPathComponent(executable) ?? BuiltExecutable.url(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NEWSWIRE_") || $0.key == "NEWSWIRE_BIN_DIR" }
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = handle
        process.standardError = handle
        output = Mutex("")
        try process.run()
    }

    /// Everything the process has written so far.
    public var log: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// Waits until the log matches `pattern` (a regular expression) and returns the
    /// first capture group (or the whole match). Fails when the process exits first.
    public func waitForLog(_ pattern: String, timeout: Duration = .seconds(90)) async throws -> String {
        let regex = try NSRegularExpression(pattern: pattern)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = log
            if let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
                let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
                return String(text[Range(range, in: text)!])
            }
            if !process.isRunning {
                throw ProcessFailure("\(name) exited (status \(process.terminationStatus)) before logging /\(pattern)/:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProcessFailure("\(name) did not log /\(pattern)/ within \(timeout):\n\(log)")
    }

    public var isRunning: Bool { process.isRunning }
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Sends a signal (SIGTERM, SIGINT, SIGKILL, SIGHUP).
    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Crashes the process the hard way: stopped (SIGSTOP) for `pause`, so messages sent to it
    /// meanwhile are taken by its sockets but never handled or answered, then killed (SIGKILL).
    /// Returns once it has exited.
    public func freezeThenKill(after pause: Duration = .milliseconds(300)) async throws {
        signal(SIGSTOP)
        try await Task.sleep(for: pause)
        signal(SIGKILL)
        try await waitForExit()
    }

    /// Waits for the process to exit and returns its status; kills it and throws past the deadline.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                kill(process.processIdentifier, SIGKILL)
                throw ProcessFailure("\(name) did not exit within \(timeout):\n\(log)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Runs a command to completion and returns its exit status and output.
/// `executable` is one of the package's executables, or an absolute path.
public func runCommand(_ executable: String, _ arguments: [String], directory: TemporaryDirectory? = nil, stdin: Data? = nil, timeout: Duration = .seconds(60)) async throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : BuiltExecutable.url(executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory.url }
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NEWSWIRE_") }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read while it runs so a full pipe never blocks the child. Each read blocks,
    // so it gets a thread of its own: on the 2-thread cooperative pool it would
    // stall every other test for as long as the child runs.
    let stdoutData = PipeReader(out.fileHandleForReading)
    let stderrData = PipeReader(err.fileHandleForReading)
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
        if ContinuousClock.now >= deadline {
            process.terminate()
            throw ProcessFailure("\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        try await Task.sleep(for: .milliseconds(20))
    }
    return (process.terminationStatus, String(decoding: try await stdoutData.data(), as: UTF8.self), String(decoding: try await stderrData.data(), as: UTF8.self))
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: Sendable {
    private let result = Mutex<Data?>(nil)

    init(_ handle: FileHandle) {
        Thread { [self] in
            let data = handle.readDataToEndOfFile()
            self.result.withLock { $0 = data }
        }.start()
    }

    /// The whole output, once the writer has closed the pipe.
    func data() async throws -> Data {
        while true {
            if let data = result.withLock({ $0 }) { return data }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// A child process did not do what the test expected.
public struct ProcessFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
