import Foundation
import Histogram
import ZeroMQ

/// The transport's bound: the same `raw-article` messages the feeders send
/// (same frames, same sizes), pushed over TCP loopback from several PUSH
/// sockets to one PULL socket, with nothing parsed and nothing stored. Also
/// the one-hop latency of the same messages at the fixed offered load.
///
/// Each socket lives on a thread of its own.
enum ZeroMQBaseline {
    struct Result: Sendable {
        var messages: Int
        var seconds: Double
        var cpuSeconds: Double
        /// One-hop latency at the offered rate, microseconds.
        var pacedLatency: Histogram<UInt64>
        var throughput: Double { Double(messages) / seconds }
    }

    /// Sends `messages` messages from `senders` PUSH sockets as fast as they
    /// go, then `rate` messages per second for `pacedSeconds` from one.
    static func measure(context: Context, pool: [Multipart], messages: Int, senders: Int, rate: Double, pacedSeconds: Double) async throws -> Result {
        let (seconds, cpuSeconds) = try await throughput(context: context, pool: pool, messages: messages, senders: senders)
        let latency = try await pacedLatency(context: context, pool: pool, rate: rate, seconds: pacedSeconds)
        return Result(messages: messages, seconds: seconds, cpuSeconds: cpuSeconds, pacedLatency: latency)
    }

    /// A PULL socket bound to a free loopback port, for `work` to read from on its thread.
    private static func receiver(context: Context, _ work: @escaping @Sendable (Socket) throws -> Void) async throws -> String {
        let bound = Shared<(endpoint: String?, problem: String?)>((nil, nil))
        Thread {
            do {
                let socket = try Socket(context: context, type: .pull)
                defer { socket.close() }
                try socket.setLinger(.zero)
                let endpoint = try socket.bind("tcp://127.0.0.1:*")
                bound.withLock { $0.endpoint = endpoint }
                try work(socket)
            } catch {
                bound.withLock { $0.problem = "raw ZeroMQ receiver: \(error)" }
            }
        }.start()
        return try await bound.wait(every: .milliseconds(5), problem: \.problem, until: \.endpoint)
    }

    private static func throughput(context: Context, pool: [Multipart], messages: Int, senders: Int) async throws -> (seconds: Double, cpuSeconds: Double) {
        let go = Shared(false)
        let done = Shared<(received: Int, endedAt: UInt64?, problem: String?)>((0, nil, nil))
        let endpoint = try await receiver(context: context) { socket in
            var received = 0
            while received < messages {
                guard try socket.receive(timeout: .seconds(30)) != nil else {
                    done.withLock { $0.problem = "raw ZeroMQ: received \(received) of \(messages), then nothing for 30 s" }
                    return
                }
                received += 1
            }
            let now = MonotonicClock.now()
            done.withLock { $0 = (received, now, nil) }
        }
        let count = max(1, senders)
        for sender in 0..<count {
            Thread {
                do {
                    let socket = try Socket(context: context, type: .push)
                    defer { socket.close() }
                    try socket.setLinger(.seconds(10))
                    try socket.connect(endpoint)
                    while !go.value { Thread.sleep(forTimeInterval: 0.001) }
                    for position in stride(from: sender, to: messages, by: count) {
                        try socket.send(pool[position % pool.count])
                    }
                } catch {
                    done.withLock { $0.problem = "raw ZeroMQ sender to \(endpoint): \(error)" }
                }
            }.start()
        }
        try await Task.sleep(for: .milliseconds(300))  // let every PUSH connect
        let cpuBefore = MonotonicClock.processCPUSeconds()
        let start = MonotonicClock.now()
        go.withLock { $0 = true }
        let end = try await done.wait(every: .milliseconds(5), problem: \.problem, until: \.endedAt)
        return (MonotonicClock.seconds(from: start, to: end), MonotonicClock.processCPUSeconds() - cpuBefore)
    }

    private static func pacedLatency(context: Context, pool: [Multipart], rate: Double, seconds: Double) async throws -> Histogram<UInt64> {
        let messages = max(1, Int(rate * seconds))
        let interval = UInt64(1e9 / rate)
        let start = MonotonicClock.now() + 500_000_000  // after the PUSH has connected
        let done = Shared<(histogram: Histogram<UInt64>?, problem: String?)>((nil, nil))
        // One sender on one connection keeps order, so message i was due at start + i * interval.
        let endpoint = try await receiver(context: context) { socket in
            var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
            for index in 0..<messages {
                guard try socket.receive(timeout: .seconds(30)) != nil else {
                    done.withLock { $0.problem = "raw ZeroMQ (paced): received \(index) of \(messages), then nothing for 30 s" }
                    return
                }
                let due = start + UInt64(index) * interval
                _ = histogram.record(max(1, (MonotonicClock.now() &- due) / 1000))
            }
            done.withLock { $0.histogram = histogram }
        }
        Thread {
            do {
                let socket = try Socket(context: context, type: .push)
                defer { socket.close() }
                try socket.setLinger(.seconds(10))
                try socket.connect(endpoint)
                for index in 0..<messages {
                    let due = start + UInt64(index) * interval
                    let now = MonotonicClock.now()
                    if due > now { Thread.sleep(forTimeInterval: Double(due - now) / 1e9) }
                    try socket.send(pool[index % pool.count])
                }
            } catch {
                done.withLock { $0.problem = "raw ZeroMQ paced sender to \(endpoint): \(error)" }
            }
        }.start()
        return try await done.wait(every: .milliseconds(20), problem: \.problem, until: \.histogram)
    }
}
