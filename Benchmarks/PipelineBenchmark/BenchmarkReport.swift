import Foundation
import Histogram

/// Every figure of one benchmark run, each beside its baseline and target,
/// rendered as Markdown (so it can go into BENCHMARKS.md as it is).
struct BenchmarkReport {
    /// The issue's targets (2 cores, durability on).
    enum Target {
        static let throughput = 15_000.0
        static let shareOfSQLite = 0.40
        static let p99AtFixedLoadMilliseconds = 10.0
        static let residentMegabytes = 150.0
        /// The issue sets the throughput and flatness targets over runs at least this
        /// long; a shorter run (`--quick`) shows its figures without a verdict, because
        /// a small database stores faster and a short run is mostly warm-up.
        static let articlesToJudge = 200_000
    }

    var machine: MachineDescription
    var loadAverageAtEnd: String
    var articleSizes: (mean: Double, smallest: Int, largest: Int)
    var saturation: PipelineRun.Outcome
    var fixedLoad: PipelineRun.Outcome
    /// Offered at half the saturation throughput (of the slower build, with a baseline): the path's latency when nothing queues.
    var lightLoad: PipelineRun.Outcome
    var zeroMQ: ZeroMQBaseline.Result
    var sqlite: SQLiteBaseline.Result
    var sqliteBatch: Int
    /// The two durable writes alone, at the fixed load's rate and at the light load's.
    var storageAtFixedLoad: StoragePathBaseline.Result
    var storageAtLightLoad: StoragePathBaseline.Result
    /// The fixed yardstick of the first round: the C program's when it ran, else the Swift port's.
    var yardstick: SQLiteYardstick.Result
    /// This build beside the baseline build, the Python peer and the yardstick, round by round.
    var comparison: ComparisonReport
    /// The baseline build's throughput and light-load runs of the first round, for their details and profiles.
    var baselineRuns: [PipelineRun.Outcome]
    var profileNote: String?

    var markdown: String {
        var lines: [String] = []
        let date = ISO8601DateFormatter().string(from: Date())
        lines.append("## Pipeline benchmark, \(date)")
        lines.append("")
        lines.append("- machine: \(machine.summary); load average \(machine.loadAverage) at the start, \(loadAverageAtEnd) at the end")
        lines.append(
            "- articles: generated from the fixtures, \(kilobytes(articleSizes.smallest))–\(kilobytes(articleSizes.largest)) KB "
                + "(mean \(String(format: "%.1f", articleSizes.mean / 1024)) KB), every one unique and with at least one topic")
        lines.append(
            "- saturation: \(count(saturation.plan.articles)) articles from \(saturation.plan.feeders) feeders, "
                + "each keeping \(saturation.plan.window) in flight end to end (\(saturation.plan.feeders * saturation.plan.window) in all)")
        lines.append(
            "- fixed load: \(count(Int(fixedLoad.plan.rate ?? 0))) articles/s offered for \(count(fixedLoad.plan.articles)) articles, "
                + "latency counted from each article's slot in the schedule")
        lines.append(
            "- light load: \(count(Int(lightLoad.plan.rate ?? 0))) articles/s offered (half the first round's saturation throughput, the slower build's when there are two) for "
                + "\(count(lightLoad.plan.articles)) articles, counted the same way: the path's latency when nothing queues")
        lines.append("- yardstick (fixed, issue #20): \(yardstick.program), \(count(yardstick.rows)) rows of \(count(yardstick.rowBytes)) B appended under sequential text keys "
            + "(the primary key the only index) through one prepared statement, WAL + synchronous=NORMAL, \(count(SQLiteYardstick.rowsPerTransaction)) rows per transaction")
        lines.append("- baselines: raw ZeroMQ PUSH→PULL of the same messages over TCP loopback; raw SQLite, our schema: inserts of the consumer's own rows "
            + "(\(String(format: "%.1f", sqlite.meanBytesPerArticle / 1024)) KB per article, ids shaped as the producer makes them), WAL + synchronous=NORMAL + a background WAL checkpointer (as the services run), \(sqliteBatch) articles per transaction; "
            + "raw storage path: at each offered load, the producer's outbox rows and the consumer's rows written on two threads to two files "
            + "with the services' settings and checkpointers, one commit per wake-up, latency from the schedule slot to the store commit")
        lines.append("")
        lines.append("| figure | newswire | baseline | ratio | target | result |")
        lines.append("|---|---:|---|---:|---|---|")

        let throughput = saturation.throughput
        let sqliteShare = throughput / sqlite.throughput
        let judged = saturation.plan.articles >= Target.articlesToJudge
        let unjudged = judged ? "" : " (judged over ≥ \(count(Target.articlesToJudge)) articles)"
        let yardstickShare = throughput / yardstick.rowsPerSecond
        lines.append(row(
            "throughput, articles/s (first send → all \(count(saturation.stored)) stored)", count(Int(throughput)),
            "yardstick (\(yardstick.program)) \(count(Int(yardstick.rowsPerSecond))) rows/s", String(format: "%.3f", yardstickShare),
            "≥ \(ComparisonReport.Target.shareOfYardstick) of the yardstick\(comparison.judged ? "" : " (judged over ≥ \(count(ComparisonReport.Target.articlesToJudge)) articles)")",
            comparison.judged ? yardstickShare >= ComparisonReport.Target.shareOfYardstick : nil))
        lines.append(row(
            "", count(Int(throughput)),
            "raw SQLite, our schema \(count(Int(sqlite.throughput)))/s", percent(sqliteShare),
            "≥ \(Int(Target.shareOfSQLite * 100))% of raw SQLite\(unjudged)", judged ? sqliteShare >= Target.shareOfSQLite : nil))
        lines.append(row(
            "", count(Int(throughput)), "raw ZeroMQ \(count(Int(zeroMQ.throughput)))/s", percent(throughput / zeroMQ.throughput), "", nil))
        lines.append(row("", count(Int(throughput)), "", "", "≥ \(count(Int(Target.throughput)))/s\(unjudged)", judged ? throughput >= Target.throughput : nil))
        if let steady = saturation.steadyThroughput {
            lines.append(row("steady throughput, articles/s (10% → 90% stored)", count(Int(steady)), "raw SQLite, our schema \(count(Int(sqlite.throughput)))/s",
                percent(steady / sqlite.throughput), "", nil))
        }

        lines += offeredLoadRows(fixedLoad, storage: storageAtFixedLoad, note: "", p99Target: Target.p99AtFixedLoadMilliseconds)
        lines += offeredLoadRows(lightLoad, storage: storageAtLightLoad, note: " (light load)", p99Target: nil)
        for (label, percentile) in [("p50", 50.0), ("p99", 99.0), ("p99.9", 99.9)] {
            lines.append(row(
                "latency \(label) at saturation (\(saturation.plan.feeders * saturation.plan.window) in flight)",
                duration(saturation.latency.histogram.valueAtPercentile(percentile)), "", "", "", nil))
        }

        let articles = Double(saturation.stored)
        let baselineCPU = (zeroMQ.cpuSeconds / Double(zeroMQ.messages) + sqlite.cpuSeconds / Double(sqlite.articles)) * 1000
        var servicesCPU = 0.0
        for (name, usage) in [("producer", saturation.producer), ("consumer", saturation.consumer)] {
            guard let usage else {
                lines.append(row("\(name): no /proc readings", "", "", "", "", nil))
                continue
            }
            servicesCPU += usage.cpuSeconds
            lines.append(row("CPU per article, \(name)", milliseconds(usage.cpuSeconds / articles * 1000), "", "", "", nil))
        }
        lines.append(row("CPU per article, both services", milliseconds(servicesCPU / articles * 1000),
            "raw ZeroMQ + raw SQLite, our schema \(milliseconds(baselineCPU))", times(servicesCPU / articles * 1000 / baselineCPU), "", nil))
        lines.append(row("CPU per article, this benchmark (feeders, watcher, monitor)", milliseconds(saturation.harnessCPUSeconds / articles * 1000), "", "", "", nil))
        for (name, usage) in [("producer", saturation.producer), ("consumer", saturation.consumer)] {
            guard let usage else { continue }
            let peak = Double(usage.peakResidentBytes) / 1_048_576
            lines.append(row("peak RSS, \(name)", "\(String(format: "%.0f", peak)) MB", "", "", "≤ \(Int(Target.residentMegabytes)) MB", peak <= Target.residentMegabytes))
            lines.append(row(
                "RSS, \(name): first → last quarter of the run",
                "\(String(format: "%.0f", usage.firstQuarterResidentBytes / 1_048_576)) → \(String(format: "%.0f", usage.lastQuarterResidentBytes / 1_048_576)) MB (\(String(format: "%+.0f", usage.growth * 100))%)",
                "", "", "flat (≤ +\(Int(ServiceUsage.flatTolerance * 100))%)\(unjudged)", judged ? usage.isFlat : nil))
        }

        lines.append("")
        lines += comparison.lines
        lines.append("")
        lines.append("Details:")
        lines.append("")
        for outcome in [saturation, fixedLoad, lightLoad] + baselineRuns {
            let latency = outcome.latency
            let topics = latency.messagesPerTopic.sorted { $0.key < $1.key }.map { "\($0.key) \(count($0.value))" }.joined(separator: ", ")
            lines.append(
                "- \(outcome.plan.label): \(count(outcome.stored)) stored in \(String(format: "%.1f", outcome.seconds)) s; "
                    + "producer acks: \(count(outcome.tally.accepted)) accepted, \(count(outcome.tally.duplicates)) duplicate, "
                    + "\(count(outcome.tally.abandoned)) refused, \(count(outcome.tally.retried)) resent; "
                    + "latency measured for \(count(latency.seen)) articles (max \(duration(latency.histogram.max))); topic messages: \(topics)"
                    + (outcome.tally.firstRefusal.map { "; first refusal: \($0)" } ?? "")
                    + (outcome.stopProblem.map { "; on stopping: \($0)" } ?? ""))
        }
        lines.append(
            "- raw ZeroMQ: \(count(zeroMQ.messages)) messages in \(String(format: "%.2f", zeroMQ.seconds)) s "
                + "(CPU \(String(format: "%.2f", zeroMQ.cpuSeconds)) s); raw SQLite, our schema: \(count(sqlite.articles)) articles in "
                + "\(String(format: "%.2f", sqlite.seconds)) s (CPU \(String(format: "%.2f", sqlite.cpuSeconds)) s; the rest of the time it waits on the disk)")
        for (name, usage) in [("producer", saturation.producer), ("consumer", saturation.consumer)] {
            guard let usage else { continue }
            lines.append(
                "- \(name): \(String(format: "%.0f", usage.cpuSeconds)) s of CPU over the \(String(format: "%.0f", saturation.seconds)) s "
                    + "throughput run (\(String(format: "%.0f", usage.cpuSeconds / saturation.seconds * 100))% of one core)")
        }
        if let problem = saturation.profileProblem ?? baselineRuns.compactMap(\.profileProblem).first {
            lines.append("- profile: failed: \(problem)")
        } else if let profileNote {
            lines.append("- profile: \(profileNote)")
        }

        for profile in (saturation.profiles + baselineRuns.flatMap(\.profiles)) where !profile.hotSpots.isEmpty {
            lines.append("")
            lines.append("Where the \(profile.service) spends its CPU at saturation (perf, cpu-clock samples, self time):")
            lines.append("")
            let libraries = profile.libraries.prefix(6).map { "\($0.library) \(String(format: "%.0f", $0.percent))%" }
            lines.append("By library: \(libraries.joined(separator: ", ")).")
            lines.append("")
            lines.append("| self | library | function |")
            lines.append("|---:|---|---|")
            for spot in profile.hotSpots {
                let symbol = spot.symbol.count > 140 ? String(spot.symbol.prefix(137)) + "…" : spot.symbol
                lines.append("| \(String(format: "%.1f", spot.percent))% | \(spot.library) | `\(symbol.replacingOccurrences(of: "|", with: "\\|"))` |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The rows of a run at a fixed offered load: the rate it completed, and
    /// p50/p99/p99.9 beside one raw ZeroMQ hop and the raw storage path at the
    /// same load. `note` follows the rate in each figure's name; a `p99Target`
    /// (ms) adds the p99 verdict.
    private func offeredLoadRows(_ run: PipelineRun.Outcome, storage: StoragePathBaseline.Result, note: String, p99Target: Double?) -> [String] {
        let offered = run.plan.rate ?? 0
        var rows = [
            row("completed at \(count(Int(offered)))/s offered\(note), articles/s", count(Int(run.throughput)),
                "offered \(count(Int(offered)))/s", percent(run.throughput / offered), "", nil),
            row("", count(Int(run.throughput)), "raw storage path \(count(Int(storage.throughput)))/s", percent(run.throughput / storage.throughput), "", nil),
        ]
        for (label, percentile) in [("p50", 50.0), ("p99", 99.0), ("p99.9", 99.9)] {
            let ours = run.latency.histogram.valueAtPercentile(percentile)
            let oneHop = zeroMQ.pacedLatency.valueAtPercentile(percentile)
            let stored = storage.latency.valueAtPercentile(percentile)
            let target = label == "p99" ? p99Target : nil
            rows.append(row(
                "latency \(label) at \(count(Int(offered)))/s offered\(note)", duration(ours), "raw ZeroMQ one hop \(duration(oneHop))",
                times(Double(ours) / Double(max(1, oneHop))), target.map { "≤ \(Int($0)) ms" } ?? "",
                target.map { Double(ours) / 1000 <= $0 }))
            rows.append(row(
                "", duration(ours), "raw storage path \(duration(stored))", times(Double(ours) / Double(max(1, stored))),
                target.map { "raw storage path: \(Double(stored) / 1000 <= $0 ? "within" : "beyond") \(Int($0)) ms" } ?? "", nil))
        }
        return rows
    }

    private func row(_ figure: String, _ value: String, _ baseline: String, _ ratio: String, _ target: String, _ pass: Bool?) -> String {
        ReportFormat.row([figure, value, baseline, ratio, target, ReportFormat.verdict(pass)])
    }

    private func count(_ value: Int) -> String { ReportFormat.count(value) }
    private func kilobytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1024) }
    private func duration(_ microseconds: UInt64) -> String { ReportFormat.duration(microseconds) }
    private func milliseconds(_ value: Double) -> String { ReportFormat.milliseconds(value) }
    private func percent(_ fraction: Double) -> String { ReportFormat.percent(fraction) }
    private func times(_ factor: Double) -> String { ReportFormat.times(factor) }
}
