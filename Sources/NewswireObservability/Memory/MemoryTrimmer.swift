internal import CProcessMemory
public import Logging
public import ServiceLifecycle
internal import Metrics

/// Hands the memory malloc keeps after frees back to the kernel, every `interval`.
///
/// glibc's malloc keeps freed memory in its arenas for reuse and gives it back
/// to the kernel only from the top of each heap. A service that allocates and
/// frees article-sized buffers on several threads therefore holds more and more
/// memory it no longer uses: over 1,000,000 articles the consumer's resident
/// set rose from 95 to 116 MB, and a single `malloc_trim(0)` then gave 30 of its
/// 62 MB of anonymous memory back. Trimming every few seconds keeps the
/// resident set flat (+2% over the next million). A call took 28 µs in an idle
/// consumer; `newswire_memory_trim_seconds` shows what it takes under load.
///
/// Elsewhere than glibc (macOS, musl) ``trim()`` does nothing.
public struct MemoryTrimmer: Service {
    let interval: Duration
    let logger: Logger
    private let duration: Metrics.Timer
    private let released: Counter

    public init(interval: Duration = .seconds(5), logger: Logger) {
        self.interval = interval
        self.logger = logger
        self.duration = Metrics.Timer(label: "newswire_memory_trim_seconds")
        self.released = Counter(label: "newswire_memory_trims_released_total")
    }

    /// Returns free memory at the heaps' tops and inside them to the kernel;
    /// true when there was some to return. Safe from any thread.
    @discardableResult
    public static func trim() -> Bool {
        newswire_malloc_trim() == 1
    }

    public func run() async throws {
        let interval = self.interval
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // Shutdown must not wait out the interval.
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { break }
            let started = ContinuousClock.now
            if Self.trim() { released.increment() }
            duration.record(duration: ContinuousClock.now - started)
        }
        logger.debug("memory trimming stopped")
    }
}
