import Logging
import NewswireObservability
import Synchronization
import Testing

/// ``LogThrottle``: bursts through, the rest held back and owned up to later.
struct LogThrottleTests {
    /// Keeps every record a logger emits, for assertions.
    final class RecordingLogHandler: LogHandler, @unchecked Sendable {
        struct Record {
            var level: Logger.Level
            var message: String
            var metadata: Logger.Metadata
        }

        let records = Mutex<[Record]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            records.withLock { $0.append(Record(level: event.level, message: "\(event.message)", metadata: event.metadata ?? [:])) }
        }
    }

    @Test("the first `burst` lines of a window pass; the rest are held back; the next window's first line says how many")
    func burstThenHoldBack() {
        let throttle = LogThrottle(burst: 3, interval: .seconds(10))
        let start = ContinuousClock.now
        let firstWindow = (0..<10).map { throttle.admit(now: start + .milliseconds($0)) }
        #expect(firstWindow == [0, 0, 0, nil, nil, nil, nil, nil, nil, nil])
        #expect(throttle.admit(now: start + .seconds(10)) == 7, "seven held back in the first window")
        #expect(throttle.admit(now: start + .seconds(11)) == 0)
        #expect(throttle.admit(now: start + .seconds(30)) == 0, "nothing held back in the second window")
    }

    @Test("log() adds `suppressed` to the first line after a hold-back, and skips levels the logger drops")
    func logAddsSuppressed() async throws {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        let throttle = LogThrottle(burst: 2, interval: .milliseconds(50))
        for index in 0..<5 { throttle.log(logger, "refused", metadata: ["index": "\(index)"]) }
        throttle.log(logger, level: .debug, "below the logger's level")
        try await Task.sleep(for: .milliseconds(60))  // the window ends
        throttle.log(logger, "refused", metadata: ["index": "5"])
        let records = handler.records.withLock { $0 }
        #expect(records.map(\.message) == ["refused", "refused", "refused"])
        #expect(records.map { $0.metadata["index"]?.description } == ["0", "1", "5"])
        #expect(records[0].metadata["suppressed"] == nil)
        #expect(records[2].metadata["suppressed"]?.description == "3")
        #expect(records.allSatisfy { $0.level == .warning })
    }
}
