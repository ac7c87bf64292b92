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
            under that latency. Side by side (issue #20), in rounds (--runs) that turn their \
            order: the same end-to-end runs with another build's services (--baseline-bin), the \
            naive Python pipeline (peer_pipeline.py) and the fixed SQLite yardstick (sqlite_ins.c, \
            both from --yardsticks when that folder is there, and a Swift port of the yardstick \
            always), with the ratios per round and their medians. Prints Markdown tables with every \
            figure, its baseline, the ratio and the target. Build the services in release first \
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

    @Option(help: "Rounds of the side-by-side comparison (each end-to-end line, the Python peer and the yardstick once per round, the order turning each round). (env: NEWSWIRE_BENCH_RUNS)")
    var runs: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_RUNS", 1)

    @Option(help: "Folder of another build's newswire-producer and newswire-consumer (e.g. today's release) to measure side by side with this one; empty for none. scripts/benchmark.sh --baseline-ref REF builds one from a git ref. (env: NEWSWIRE_BENCH_BASELINE_BIN)")
    var baselineBin: String = EnvironmentDefault.string("NEWSWIRE_BENCH_BASELINE_BIN", "")

    @Option(help: "Folder holding sqlite_ins.c and peer_pipeline.py, run when present. (env: NEWSWIRE_BENCH_YARDSTICKS)")
    var yardsticks: String = EnvironmentDefault.string("NEWSWIRE_BENCH_YARDSTICKS", "../shared/yardsticks")

    @Option(help: "The Python interpreter for the peer; it needs pyzmq. (env: NEWSWIRE_BENCH_PYTHON)")
    var python: String = EnvironmentDefault.string("NEWSWIRE_BENCH_PYTHON", "python3")

    @Option(help: "Browser-stream clients that connect before one more saturation run of this build and never read, to show they do not slow ingestion; 0 skips that run. (env: NEWSWIRE_BENCH_STREAM_CLIENTS)")
    var streamClients: Int = EnvironmentDefault.int("NEWSWIRE_BENCH_STREAM_CLIENTS", 200)

    var saturationArticles: Int { articles > 0 ? articles : (quick ? 20_000 : 200_000) }
    var fixedLoadSeconds: Int { fixedSeconds > 0 ? fixedSeconds : (quick ? 5 : 20) }

    func validate() throws {
        if articles < 0 { throw ValidationError("--articles: must be 0 or more, got \(articles)") }
        if feeders < 1 { throw ValidationError("--feeders: must be at least 1, got \(feeders)") }
        if window < 1 { throw ValidationError("--window: must be at least 1, got \(window)") }
        if rate < 1 { throw ValidationError("--rate: must be at least 1, got \(rate)") }
        if fixedSeconds < 0 { throw ValidationError("--fixed-seconds: must be 0 or more, got \(fixedSeconds)") }
        if sqliteBatch < 1 { throw ValidationError("--sqlite-batch: must be at least 1, got \(sqliteBatch)") }
        if runs < 1 { throw ValidationError("--runs: must be at least 1, got \(runs)") }
        if streamClients < 0 { throw ValidationError("--stream-clients: must be 0 or more, got \(streamClients)") }
    }

    /// The builds to measure end to end: this one, then the baseline when given.
    var builds: [ServiceBuild] {
        [.this] + (baselineBin.isEmpty ? [] : [ServiceBuild(name: "baseline", directory: URL(fileURLWithPath: baselineBin, isDirectory: true).standardizedFileURL)])
    }

    /// One line of a comparison round.
    enum Step {
        case pipeline(ServiceBuild)
        case peer
        case yardsticks
    }

    /// The steps of round `round` (from 0): every line once, the order turned by one each round.
    static func steps(builds: [ServiceBuild], round: Int) -> [Step] {
        let steps = builds.map(Step.pipeline) + [.peer, .yardsticks]
        let shift = round % steps.count
        return Array(steps[shift...] + steps[..<shift])
    }

    func run() async throws {
        #if DEBUG
        progress("warning: this is a debug build of the benchmark; measure with swift run -c release PipelineBenchmark")
        #endif
        let builds = self.builds
        try builds[0].check(buildHint: "build the services first (swift build -c release --product newswire-producer, then --product newswire-consumer), or run scripts/benchmark.sh")
        for build in builds.dropFirst() {
            try build.check(buildHint: "build that ref in release, or let scripts/benchmark.sh --baseline-ref REF do it")
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

        // The yardsticks and the peer: the shared programs when they are there, the Swift port always.
        let external = try await ExternalYardsticks.prepare(directory: URL(fileURLWithPath: yardsticks, isDirectory: true), python: python)
        for note in external.notes { progress(note) }
        let rowBody = Array(try Data(contentsOf: SQLiteYardstick.rowFile))
        // The peer sends the same generated articles, in the same order, taken in turn from a folder.
        let peerArticles = try TemporaryDirectory(prefix: "newswire-peer-articles")
        InterruptGuard.guardRun(services: [], folder: peerArticles.url.path)
        defer { InterruptGuard.release(services: [], folder: peerArticles.url.path) }
        if external.peer != nil {
            try ExternalYardsticks.writeArticles(generated, count: min(saturationArticles, 1_000), to: peerArticles.url)
        }

        // The rounds: each line once per round, back to back, so a change in the machine's
        // load falls on every line alike; the light loads follow, at one rate for every build.
        var saturations: [[PipelineRun.Outcome]] = []
        var lightLoads: [[PipelineRun.Outcome]] = []
        var peers: [ExternalYardsticks.PeerResult?] = []
        var yardstickResults: [[SQLiteYardstick.Result]] = []
        var lightRate = 0
        for round in 0..<runs {
            var roundSaturations: [String: PipelineRun.Outcome] = [:]
            for step in Self.steps(builds: builds, round: round) {
                switch step {
                case .pipeline(let build):
                    progress("round \(round + 1) of \(runs), \(build.name): \(saturationArticles) articles, \(feeders) feeders × \(window) in flight")
                    roundSaturations[build.name] = try await PipelineRun(
                        plan: .init(
                            tag: "saturation", build: build, articles: saturationArticles, feeders: feeders, window: window, rate: nil,
                            profileSeconds: round > 0 || profiler == nil ? nil : (quick ? 5 : 15),
                            sampleRows: round == 0 && build.filePrefix.isEmpty ? 1_000 : 0),
                        articles: generated, context: context, profiler: round == 0 ? profiler : nil
                    ).run()
                case .peer:
                    guard external.peer != nil else { peers.append(nil); continue }
                    progress("round \(round + 1) of \(runs), Python peer: \(saturationArticles) articles")
                    let folder = try TemporaryDirectory(prefix: "newswire-peer")
                    InterruptGuard.guardRun(services: [], folder: folder.url.path)
                    defer { InterruptGuard.release(services: [], folder: folder.url.path) }
                    peers.append(try await external.measurePeer(articles: saturationArticles, articleFolder: peerArticles.url, directory: folder.url))
                case .yardsticks:
                    progress("round \(round + 1) of \(runs), yardstick: \(saturationArticles) rows of \(rowBody.count) B")
                    var results: [SQLiteYardstick.Result] = []
                    let folder = try TemporaryDirectory(prefix: "newswire-yardstick")
                    InterruptGuard.guardRun(services: [], folder: folder.url.path)
                    defer { InterruptGuard.release(services: [], folder: folder.url.path) }
                    if let result = try await external.measureSQLiteInsert(rows: saturationArticles, rowFile: SQLiteYardstick.rowFile, directory: folder.url) {
                        results.append(result)
                    }
                    results.append(try await onOwnThread("yardstick") { [count = saturationArticles, path = folder.path("port.db")] in
                        try SQLiteYardstick.measure(rows: count, body: rowBody, path: path)
                    })
                    yardstickResults.append(results)
                }
            }
            let outcomes = builds.compactMap { roundSaturations[$0.name] }
            saturations.append(outcomes)
            if round == 0 {
                // The same path without a queue: half of what the slowest build sustained at
                // saturation, so the latency is each path's own, not time spent waiting in line.
                lightRate = max(100, Int((outcomes.map(\.throughput).min() ?? 200) / 2) / 100 * 100)
            }
            var roundLightLoads: [PipelineRun.Outcome] = []
            for build in round % 2 == 0 ? builds : builds.reversed() {
                progress("round \(round + 1) of \(runs), \(build.name): light load \(lightRate)/s (half the slowest saturation throughput) for \(fixedLoadSeconds) s")
                roundLightLoads.append(try await PipelineRun(
                    plan: .init(tag: "light-load", build: build, articles: lightRate * fixedLoadSeconds, feeders: feeders, window: window, rate: Double(lightRate), profileSeconds: nil),
                    articles: generated, context: context, profiler: nil
                ).run())
            }
            lightLoads.append(builds.compactMap { build in roundLightLoads.first { $0.plan.build.name == build.name } })
        }
        let saturation = saturations[0][0]
        let lightLoad = lightLoads[0][0]

        var withSlowClients: PipelineRun.Outcome?
        if streamClients > 0 {
            progress("this build with \(streamClients) slow stream clients: \(saturationArticles) articles, \(feeders) feeders × \(window) in flight")
            withSlowClients = try await PipelineRun(
                plan: .init(
                    tag: "slow-stream-clients", articles: saturationArticles, feeders: feeders, window: window, rate: nil,
                    profileSeconds: nil, slowStreamClients: streamClients),
                articles: generated, context: context, profiler: nil
            ).run()
        }

        progress("raw SQLite, our schema: \(saturationArticles) articles of the consumer's rows, \(sqliteBatch) per transaction")
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

        let rounds = (0..<runs).map { round in
            ComparisonReport.Round(
                ours: .init(saturation: saturations[round][0], lightLoad: lightLoads[round][0]),
                baseline: saturations[round].count > 1 ? .init(saturation: saturations[round][1], lightLoad: lightLoads[round][1]) : nil,
                peer: peers[round], yardsticks: yardstickResults[round])
        }
        let comparison = ComparisonReport(
            rounds: rounds, articles: saturationArticles, lightRate: lightRate,
            baselineDirectory: builds.count > 1 ? builds[1].directory.path : nil,
            notes: external.notes + (external.peer == nil ? [] : [
                "The Python peer sends the same generated articles (the first \(ReportFormat.count(min(saturationArticles, 1_000))) in turn, as files); "
                    + "its rate runs from its consumer's first message to its last commit, as the script times it."
            ]))
        let report = BenchmarkReport(
            machine: machine, loadAverageAtEnd: MachineDescription.loadAverage(),
            articleSizes: (Double(sizes.reduce(0, +)) / Double(sizes.count), sizes.min() ?? 0, sizes.max() ?? 0),
            saturation: saturation, fixedLoad: fixedLoad, lightLoad: lightLoad, zeroMQ: zeroMQ, sqlite: sqlite, sqliteBatch: sqliteBatch,
            storageAtFixedLoad: storagePaths[0], storageAtLightLoad: storagePaths[1],
            yardstick: yardstickResults[0][0], comparison: comparison,
            baselineRuns: Array(saturations[0].dropFirst() + lightLoads[0].dropFirst()),
            profileNote: profileNote)
        print(report.markdown)
        if let withSlowClients {
            print(SlowStreamClientsReport(clients: streamClients, without: saturations.map { $0[0] }, with: withSlowClients).markdown)
        }
    }
}
