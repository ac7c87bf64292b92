import Foundation
import NewswireTesting
import Synchronization

/// Watches the two services during a run, from a thread of its own: every
/// 100 ms their CPU time and resident memory (/proc) and the consumer's
/// count of stored articles (its /metrics counter).
final class ServiceMonitor: Sendable {
    /// One reading.
    struct Sample: Sendable {
        var time: UInt64
        /// `newswire_consumer_articles_stored_total`; nil when /metrics did not answer.
        var stored: Int?
        var producer: ProcessStats?
        var consumer: ProcessStats?
    }

    static let interval = 0.1

    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    private let samples = Mutex<[Sample]>([])

    init(producerPID: Int32, consumerPID: Int32, consumerMetrics: String) {
        Thread { [self] in
            defer { finished.store(true, ordering: .releasing) }
            while !stopping.load(ordering: .acquiring) {
                let sample = Self.read(producerPID: producerPID, consumerPID: consumerPID, consumerMetrics: consumerMetrics)
                samples.withLock { $0.append(sample) }
                Thread.sleep(forTimeInterval: Self.interval)
            }
        }.start()
    }

    static func read(producerPID: Int32, consumerPID: Int32, consumerMetrics: String) -> Sample {
        let stored = (try? httpGet(consumerMetrics, "/metrics")).flatMap {
            metricValue($0.body, "newswire_consumer_articles_stored_total")
        }
        return Sample(
            time: MonotonicClock.now(), stored: stored.map { Int($0) },
            producer: ProcessStats.read(pid: producerPID), consumer: ProcessStats.read(pid: consumerPID))
    }

    /// The newest reading of the stored count (0 before the first).
    var stored: Int {
        samples.withLock { samples in samples.last(where: { $0.stored != nil })?.stored ?? 0 }
    }

    var history: [Sample] { samples.withLock { $0 } }

    /// Stops the thread and waits for it.
    func stop() async {
        stopping.store(true, ordering: .releasing)
        while !finished.load(ordering: .acquiring) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
