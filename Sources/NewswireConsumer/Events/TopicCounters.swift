internal import Metrics
internal import Synchronization

/// One counter per topic id, made on first use and kept: looking a dimensioned
/// counter up in the metrics registry for every article costs a lock and a hash
/// of its label and dimensions.
final class TopicCounters: Sendable {
    private let label: String
    private let counters = Mutex<[String: Counter]>([:])

    init(label: String) { self.label = label }

    subscript(topicID: String) -> Counter {
        counters.withLock { counters in
            if let counter = counters[topicID] { return counter }
            let counter = Counter(label: label, dimensions: [("topic", topicID)])
            counters[topicID] = counter
            return counter
        }
    }
}
