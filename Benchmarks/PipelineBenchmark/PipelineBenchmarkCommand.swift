import ArgumentParser
import Foundation
import NewsModels
import NewswireTesting
import ZeroMQ

/// `PipelineBenchmark`: the whole pipeline measured against the two things
/// that bound it, in one run. See BENCHMARKS.md for the method.
@main
struct PipelineBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "PipelineBenchmark",
        abstract: "Measure the real producer and consumer end to end against raw ZeroMQ and raw SQLite.",
        discussion: """
            Starts newswire-consumer and newswire-producer from the same build folder on free \
            loopback ports with temporary SQLite files, feeds them generated 2-8 KB articles from \
            several concurrent DEALER feeders, and waits until the consumer has stored them all. \
            In the same run: raw ZeroMQ throughput of the same messages over the same transport, \
            raw SQLite inserts of the consumer's own rows with the same durability settings, and \
            a fixed offered load for latency, and a light load (half the saturation throughput) \
            for the path's latency when nothing queues; at both loads, the raw storage path (an \
            outbox and a store written as the services write them, nothing else) for the floor \
            under that latency. Prints one Markdown table with every figure, its \
            baseline, the ratio and the target. Build the services in release first \
            (swift build -c release --product newswire-producer, then --product newswire-consumer), \
            or run scripts/benchmark.sh, which does everything.

            Every option has an environment variable twin, shown with it; the flag wins.
            """)

    @Option(help: "Articles for the saturation run; 0 picks 200,000 (20,000 with --quick). (env: NEWSWIRE_BENCH_ARTICLES)")
    var articles: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_ARTICLES", 0)

    @Option(help: "Concurrent feeders, each a DEALER on its own thread. (env: NEWSWIRE_BENCH_FEEDERS)")
    var feeders: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_FEEDERS", 4)

    @Option(help: "Articles each feeder keeps in flight end to end (sent, not yet on the topic stream). (env: NEWSWIRE_BENCH_WINDOW)")
    var window: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_WINDOW", 256)

    @Option(help: "Offered load of the fixed-load run, articles per second. (env: NEWSWIRE_BENCH_RATE)")
    var rate: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_RATE", 2_000)

    @Option(help: "Seconds of offered load in the fixed-load run; 0 picks 20 (5 with --quick). (env: NEWSWIRE_BENCH_FIXED_SECONDS)")
    var fixedSeconds: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_FIXED_SECONDS", 0)

    @Option(help: "Articles per transaction in the raw SQLite baseline. (env: NEWSWIRE_BENCH_SQLITE_BATCH)")
    var sqliteBatch: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_SQLITE_BATCH", 256)

    @Flag(help: "A fast check: 20,000 articles and 5 s of fixed load unless given otherwise. (env: NEWSWIRE_BENCH_QUICK)")
    var quick = EnvironmentDefault.flag("NEWSWIRE_BENCH_QUICK")

    @Flag(inversion: .prefixedNo, help: "Profile each service at saturation with perf, when perf works here. (env: NEWSWIRE_BENCH_PROFILE=0 turns it off)")
    var profile = !["0", "false", "no", "off"].contains(EnvironmentDefault.string("NEWSWIRE_BENCH_PROFILE", "on").lowercased())

    @Option(help: "Folder for the profiles (perf.data and full reports). (env: NEWSWIRE_BENCH_PROFILE_DIR)")
    var profileDir: String = EnvironmentDefault.string("NEWSWIRE_BENCH_PROFILE_DIR", ".build/pipeline-benchmark-profiles")

    var saturationArticles: Int { articles > 0 ? articles : (quick ? 20_000 : 200_000) }
    var fixedLoadSeconds: Int { fixedSeconds > 0 ? fixedSeconds : (quick ? 5 : 20) }

    func validate() throws {
        if articles < 0 { throw ValidationError("--articles: must be 0 or more, got \(articles)") }
        if feeders < 1 { throw ValidationError("--feeders: must be at least 1, got \(feeders)") }
        if window < 1 { throw ValidationError("--window: must be at least 1, got \(window)") }
        if rate < 1 { throw ValidationError("--rate: must be at least 1, got \(rate)") }
        if fixedSeconds < 0 { throw ValidationError("--fixed-seconds: must be 0 or more, got \(fixedSeconds)") }
        if sqliteBatch < 1 { throw ValidationError("--sqlite-batch: must be at least 1, got \(sqliteBatch)") }
    }

    func run() async throws {
        #if DEBUG
        progress("warning: this is a debug build of the benchmark; measure with swift run -c release PipelineBenchmark")
        #endif
        for service in ["newswire-producer", "newswire-consumer"] where !FileManager.default.isExecutableFile(atPath: BuiltExecutable.url(service).path) {
            throw BenchmarkFailure("\(service) is not in \(BuiltExecutable.directory.path): build the services first (swift build -c release --product newswire-producer, then --product newswire-consumer), or run scripts/benchmark.sh")
        }
        if BuiltExecutable.directory.lastPathComponent != "release" {
            progress("warning: the services come from \(BuiltExecutable.directory.path), not a release build")
        }
        InterruptGuard.install()
        let machine = try MachineDescription.current()
        progress("machine: \(machine.summary); load average \(machine.loadAverage)")
        let generated = try GeneratedArticles()
        let sizes = (0..<1_000).map { generated.bytes($0).count }
        let context = try Context()

        progress("raw ZeroMQ: \(saturationArticles) messages, then \(rate)/s for \(min(fixedLoadSeconds, 10)) s")
        let poolSource = ArticleSource(articles: generated, tag: "zeromq")
        let pool = try (0..<1_024).map { Multipart(try poolSource.frames($0)) }
        let zeroMQ = try await ZeroMQBaseline.measure(
            context: context, pool: pool, messages: saturationArticles, senders: feeders, rate: Double(rate), pacedSeconds: Double(min(fixedLoadSeconds, 10)))

        var profiler: ServiceProfiler?
        var profileNote: String?
        if profile {
            profiler = await ServiceProfiler.available(directory: URL(fileURLWithPath: profileDir, isDirectory: true))
            profileNote = profiler == nil
                ? "skipped: perf is not installed or cannot sample here (see BENCHMARKS.md for valgrind --tool=callgrind instead)"
                : "perf.data and full reports in \(profileDir)"
        }

        progress("saturation: \(saturationArticles) articles, \(feeders) feeders × \(window) in flight")
        let saturation = try await PipelineRun(
            plan: .init(
                tag: "saturation", articles: saturationArticles, feeders: feeders, window: window, rate: nil,
                profileSeconds: profiler == nil ? nil : (quick ? 5 : 15), sampleRows: 1_000),
            articles: generated, context: context, profiler: profiler
        ).run()

        progress("raw SQLite: \(saturationArticles) articles of the consumer's rows, \(sqliteBatch) per transaction")
        guard let sample = saturation.sample else { throw BenchmarkFailure("no rows sampled from the saturation run's database") }
        let directory = try TemporaryDirectory(prefix: "newswire-sqlite-baseline")
        InterruptGuard.guardRun(services: [], folder: directory.url.path)
        defer { InterruptGuard.release(services: [], folder: directory.url.path) }
        let sqlite = try await onOwnThread("raw SQLite") { [count = saturationArticles, batch = sqliteBatch] in
            try SQLiteBaseline.measure(sample, articles: count, batch: batch, directory: directory.url)
        }

        progress("fixed load: \(rate)/s for \(fixedLoadSeconds) s")
        let fixedLoad = try await PipelineRun(
            plan: .init(tag: "fixed-load", articles: rate * fixedLoadSeconds, feeders: feeders, window: window, rate: Double(rate), profileSeconds: nil),
            articles: generated, context: context, profiler: nil
        ).run()

        // The same path without a queue: half of what the pipeline sustained at saturation,
        // so the latency below is the path's own, not the time spent waiting in line.
        let lightRate = max(100, Int(saturation.throughput / 2) / 100 * 100)
        progress("light load: \(lightRate)/s (half the saturation throughput) for \(fixedLoadSeconds) s")
        let lightLoad = try await PipelineRun(
            plan: .init(tag: "light-load", articles: lightRate * fixedLoadSeconds, feeders: feeders, window: window, rate: Double(lightRate), profileSeconds: nil),
            articles: generated, context: context, profiler: nil
        ).run()

        // The floor under both latencies: the same two durable writes per article at the
        // same loads, with no parsing, classification or messaging.
        var storagePaths: [StoragePathBaseline.Result] = []
        for storageRate in [rate, lightRate] {
            progress("raw storage path: \(storageRate)/s for \(fixedLoadSeconds) s into an outbox and a store")
            let folder = try TemporaryDirectory(prefix: "newswire-storage-path")
            InterruptGuard.guardRun(services: [], folder: folder.url.path)
            defer { InterruptGuard.release(services: [], folder: folder.url.path) }
            storagePaths.append(try await StoragePathBaseline.measure(
                sample, rate: Double(storageRate), articles: storageRate * fixedLoadSeconds, directory: folder.url))
        }

        let report = BenchmarkReport(
            machine: machine, loadAverageAtEnd: MachineDescription.loadAverage(),
            articleSizes: (Double(sizes.reduce(0, +)) / Double(sizes.count), sizes.min() ?? 0, sizes.max() ?? 0),
            saturation: saturation, fixedLoad: fixedLoad, lightLoad: lightLoad, zeroMQ: zeroMQ, sqlite: sqlite, sqliteBatch: sqliteBatch,
            storageAtFixedLoad: storagePaths[0], storageAtLightLoad: storagePaths[1],
            profileNote: profileNote)
        print(report.markdown)
    }
}
