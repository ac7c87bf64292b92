import Foundation
import NewswireTesting
import ZeroMQ

/// One run of the real services: a fresh consumer and producer on free
/// loopback ports with their own SQLite files in a temporary folder, the
/// feeders, a stream watcher and a service monitor, until the consumer has
/// stored every article.
struct PipelineRun {
    struct Plan: Sendable {
        /// Names the run in output and in the articles' urls ("saturation", "fixed-load").
        var tag: String
        /// The services measured: this build's, or a baseline's.
        var build: ServiceBuild = .this

        /// The tag, and the build when it is not this one: for progress lines and failures.
        var label: String { build.filePrefix.isEmpty ? tag : "\(tag) (\(build.name))" }
        var articles: Int
        var feeders: Int
        var window: Int
        /// Offered load in articles per second; nil sends as fast as the window allows.
        var rate: Double?
        /// Profile both services for this many seconds once 10% of the articles are stored.
        var profileSeconds: Int?
        /// Sample this many stored articles' rows for the raw SQLite baseline.
        var sampleRows: Int = 0
        /// Browser-stream clients (`GET /api/v1/stream` on every topic) that connect before
        /// the load and never read: ingestion must not wait on them (issue #19).
        var slowStreamClients: Int = 0
    }

    struct Outcome: Sendable {
        var plan: Plan
        /// From the first send to the consumer's counter reaching every article.
        var seconds: Double
        /// Articles per second between 10% and 90% stored (warm-up and tail left out).
        var steadyThroughput: Double?
        var latency: LatencyBook.Snapshot
        var producer: ServiceUsage?
        var consumer: ServiceUsage?
        /// CPU the benchmark process itself used meanwhile (feeders, watcher, monitor).
        var harnessCPUSeconds: Double
        var tally: Feeder.Tally
        var profiles: [ServiceProfiler.Profile]
        /// Why there is no profile, when one was asked for and could not be taken.
        var profileProblem: String?
        var sample: SQLiteBaseline.Sample?
        /// How the services took SIGTERM at the end, when it was not both exiting 0.
        var stopProblem: String?

        var stored: Int { plan.articles - latency.abandoned }
        var throughput: Double { Double(stored) / seconds }
    }

    let plan: Plan
    let articles: GeneratedArticles
    let context: Context
    let profiler: ServiceProfiler?

    /// Stops a run that makes no progress for this long.
    static let stallLimit: UInt64 = 120_000_000_000

    func run() async throws -> Outcome {
        let source = ArticleSource(articles: articles, tag: plan.tag)
        let feederCount = max(1, min(plan.feeders, plan.articles))
        let book = LatencyBook(count: plan.articles, feeders: feederCount)
        // Many clients from one address: the HTTP rate limit would refuse most of them.
        let pipeline = try await plan.slowStreamClients > 0
            ? Pipeline(consumerArguments: ["--metrics", "127.0.0.1:0", "--http-rate-limit", "0"], executables: plan.build.directory)
            : Pipeline(executables: plan.build.directory)
        let services = [pipeline.producer.processIdentifier, pipeline.consumer.processIdentifier]
        InterruptGuard.guardRun(services: services, folder: pipeline.directory.url.path)
        defer { InterruptGuard.release(services: services, folder: pipeline.directory.url.path) }
        let consumerMetrics = try await pipeline.consumer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        let slowClients = try Self.connectSlowStreamClients(plan.slowStreamClients, address: consumerMetrics)
        defer { withExtendedLifetime(slowClients) {} }
        let watcher = StreamWatcher(context: context, endpoint: pipeline.streamEndpoint, source: source, book: book)
        try await watcher.waitUntilListening()
        let monitor = ServiceMonitor(
            producerPID: pipeline.producer.processIdentifier, consumerPID: pipeline.consumer.processIdentifier, consumerMetrics: consumerMetrics)
        try await Task.sleep(for: .milliseconds(300))  // a first reading before the load starts

        let cpuBefore = MonotonicClock.processCPUSeconds()
        let start = MonotonicClock.now()
        let feeders = (0..<feederCount).map { feeder in
            let share = Feeder.Share(first: feeder, stride: feederCount, count: (plan.articles - feeder + feederCount - 1) / feederCount)
            // Paced feeders interleave: each sends every feederCount/rate seconds, offset by 1/rate.
            let pace = plan.rate.map { rate in
                Feeder.Pace(start: start + UInt64(Double(feeder) * 1e9 / rate), interval: UInt64(Double(feederCount) * 1e9 / rate))
            }
            return Feeder(
                context: context, endpoint: pipeline.ingestEndpoint, source: source, book: book, share: share,
                window: plan.window, pace: pace)
        }
        defer { for feeder in feeders { feeder.stop() } }

        var profiling: Task<[ServiceProfiler.Profile], any Error>?
        var lastStored = 0
        var lastProgress = start
        var lastReport = start
        while true {
            let now = MonotonicClock.now()
            let stored = monitor.stored
            let target = plan.articles - book.snapshot.abandoned
            if stored >= target { break }
            if stored > lastStored {
                lastStored = stored
                lastProgress = now
            }
            if let problem = feeders.compactMap(\.problem).first ?? watcher.problem { throw BenchmarkFailure(problem) }
            for service in [pipeline.producer, pipeline.consumer] where !service.isRunning {
                throw BenchmarkFailure("\(plan.label): \(service.name) exited during the run; its log ends:\n\(Self.tail(service.log))")
            }
            if now - lastProgress > Self.stallLimit {
                throw BenchmarkFailure(
                    "\(plan.label): stuck at \(stored) of \(target) stored for \(Self.stallLimit / 1_000_000_000) s; consumer log ends:\n\(Self.tail(pipeline.consumer.log))")
            }
            if profiling == nil, let seconds = plan.profileSeconds, let profiler, stored >= plan.articles / 10 {
                let producerPID = pipeline.producer.processIdentifier, consumerPID = pipeline.consumer.processIdentifier
                profiling = Task {
                    let prefix = plan.build.filePrefix
                    async let producerData = profiler.record(name: prefix + "producer", pid: producerPID, seconds: seconds)
                    async let consumerData = profiler.record(name: prefix + "consumer", pid: consumerPID, seconds: seconds)
                    let recorded = [(prefix + "producer", try await producerData), (prefix + "consumer", try await consumerData)]
                    var profiles: [ServiceProfiler.Profile] = []
                    for (name, data) in recorded { profiles.append(try await profiler.profile(service: name, data: data)) }
                    return profiles
                }
            }
            if now - lastReport > 10_000_000_000 {
                lastReport = now
                let elapsed = MonotonicClock.seconds(from: start, to: now)
                progress("\(plan.label): \(stored) of \(target) stored after \(Int(elapsed)) s (\(Int(Double(stored) / elapsed))/s)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }

        // End: the first reading that had every article stored.
        let history = monitor.history
        let target = plan.articles - book.snapshot.abandoned
        let end = history.first { ($0.stored ?? 0) >= target }?.time ?? MonotonicClock.now()
        let harnessCPUSeconds = MonotonicClock.processCPUSeconds() - cpuBefore
        // Give the last topic messages a moment to arrive.
        let watchDeadline = MonotonicClock.now() + 10_000_000_000
        while book.snapshot.seen + book.snapshot.abandoned < plan.articles, MonotonicClock.now() < watchDeadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        await monitor.stop()
        await watcher.stop()
        while !feeders.allSatisfy(\.isFinished) { try await Task.sleep(for: .milliseconds(10)) }
        // A failed profile is reported; the figures stand without it.
        var profiles: [ServiceProfiler.Profile] = []
        var profileProblem: String?
        if let profiling {
            do { profiles = try await profiling.value } catch { profileProblem = "\(error)" }
        } else if plan.profileSeconds != nil, profiler != nil {
            profileProblem = "the run ended before 10% of the articles were stored"
        }

        let during = history.filter { $0.time >= start - 200_000_000 && $0.time <= end }
        // A service that does not stop cleanly is worth reporting, not worth losing the figures over.
        var stopProblem: String?
        do {
            let statuses = try await pipeline.stop()
            if statuses != (0, 0) { stopProblem = "exit statuses after SIGTERM: producer \(statuses.producer), consumer \(statuses.consumer)" }
        } catch {
            stopProblem = "\(error)".split(separator: "\n").first.map(String.init)
        }
        let sample = plan.sampleRows > 0
            ? try await onOwnThread("sample rows") { [path = pipeline.databasePath, count = plan.sampleRows] in
                try SQLiteBaseline.sample(databasePath: path, count: count)
            }
            : nil
        var tally = Feeder.Tally()
        for feeder in feeders {
            let part = feeder.tally
            tally.accepted += part.accepted
            tally.duplicates += part.duplicates
            tally.abandoned += part.abandoned
            tally.retried += part.retried
            tally.firstRefusal = tally.firstRefusal ?? part.firstRefusal
        }
        return Outcome(
            plan: plan, seconds: MonotonicClock.seconds(from: start, to: end),
            steadyThroughput: Self.steadyThroughput(during, articles: target),
            latency: book.snapshot,
            producer: ServiceUsage(during.compactMap(\.producer)), consumer: ServiceUsage(during.compactMap(\.consumer)),
            harnessCPUSeconds: harnessCPUSeconds, tally: tally, profiles: profiles, profileProblem: profileProblem, sample: sample,
            stopProblem: stopProblem)
    }

    /// Articles per second between the readings that first showed 10% and 90% stored.
    static func steadyThroughput(_ history: [ServiceMonitor.Sample], articles: Int) -> Double? {
        guard let low = history.first(where: { ($0.stored ?? 0) >= articles / 10 }),
            let high = history.first(where: { ($0.stored ?? 0) >= articles * 9 / 10 }),
            let lowCount = low.stored, let highCount = high.stored, high.time > low.time
        else { return nil }
        return Double(highCount - lowCount) / MonotonicClock.seconds(from: low.time, to: high.time)
    }

    /// Opens `count` connections to the consumer's live stream of every topic, each with a
    /// small receive buffer, and never reads from them: the slowest clients there are.
    static func connectSlowStreamClients(_ count: Int, address: String) throws -> [RawTCPConnection] {
        let request = Array("GET /api/v1/stream?topic=syria-talks&topic=snowden-request&topic=arms-supply HTTP/1.1\r\nHost: \(address)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        return try (0..<count).map { index in
            let connection = try RawTCPConnection(address, receiveBufferBytes: 4_096)
            guard connection.send(request) else { throw BenchmarkFailure("slow stream client \(index + 1) of \(count): could not send its request to \(address)") }
            return connection
        }
    }

    static func tail(_ log: String, lines: Int = 20) -> String {
        log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

/// A progress line on standard error, so standard output holds only the results.
func progress(_ line: String) {
    FileHandle.standardError.write(Data("[pipeline-benchmark] \(line)\n".utf8))
}
