internal import Synchronization

/// A token bucket per client address: each may make `rate` requests a second,
/// in bursts of up to `burst`; a request over that is refused with how long
/// to wait. Addresses idle long enough to have a full bucket are forgotten,
/// so the table stays as small as the set of recently busy clients.
final class RequestRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private struct State {
        var buckets: [String: Bucket] = [:]
        var admittedSinceSweep = 0
    }

    let rate: Double
    let burst: Double
    private let state = Mutex(State())
    /// Buckets kept before full ones are swept out.
    private let sweepAfter = 4096

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = max(burst, 1)
    }

    /// Takes a token for `client`: nil when the request may go ahead, else the wait until one is free.
    func admit(_ client: String, now: ContinuousClock.Instant = .now) -> Duration? {
        state.withLock { state in
            var bucket = state.buckets[client] ?? Bucket(tokens: burst, updated: now)
            let elapsed = Double((now - bucket.updated) / .microseconds(1)) / 1_000_000
            bucket.tokens = min(burst, bucket.tokens + max(elapsed, 0) * rate)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                state.buckets[client] = bucket
                return .microseconds(Int64(((1 - bucket.tokens) / rate * 1_000_000).rounded(.up)))
            }
            bucket.tokens -= 1
            state.buckets[client] = bucket
            state.admittedSinceSweep += 1
            if state.buckets.count > sweepAfter && state.admittedSinceSweep > sweepAfter {
                state.admittedSinceSweep = 0
                let rate = self.rate, burst = self.burst
                state.buckets = state.buckets.filter { $0.value.tokens + Double((now - $0.value.updated) / .microseconds(1)) / 1_000_000 * rate < burst }
            }
            return nil
        }
    }
}
