import Foundation
import Histogram

/// The side-by-side section of the report (issue #20): this build end to end
/// beside another build of the services (`--baseline-bin`), the naive Python
/// pipeline and the fixed SQLite yardstick, each round of `--runs` measured
/// back to back, with the ratios per round and their medians against the
/// issue's targets. Ratios are taken within a round, so a load drift on the
/// shared machine hits both sides of each ratio alike.
struct ComparisonReport {
    /// What one build's runs in a round give the comparison.
    struct BuildFigures: Sendable {
        /// Stored articles over the time from the first send to the last stored.
        var articlesPerSecond: Double
        /// User + system CPU of both services over the throughput run, per article; nil without /proc readings.
        var cpuSecondsPerArticle: Double?
        /// Peak resident memory of each service, in MB; nil without /proc readings.
        var peakResidentMegabytes: (producer: Double, consumer: Double)?
        /// p99 latency at the light load (microseconds).
        var lightLoadP99: UInt64
    }

    /// One round: each line measured once, back to back.
    struct Round: Sendable {
        var ours: BuildFigures
        var baseline: BuildFigures?
        var peer: ExternalYardsticks.PeerResult?
        /// The C program's first when it ran, then the Swift port's.
        var yardsticks: [SQLiteYardstick.Result]
    }

    /// The issue's targets, as ratios measured in the same run.
    enum Target {
        static let overBaseline = 2.0
        static let overPeer = 1.5
        static let shareOfYardstick = 0.25
        static let cpuOfBaseline = 0.5
        static let lightLoadP99OfBaseline = 1.0
        /// The issue's figures were taken over 20,000 articles; fewer give figures without a verdict.
        static let articlesToJudge = 20_000
    }

    var rounds: [Round]
    var articles: Int
    /// The light load's offered rate, the same for both builds.
    var lightRate: Int
    /// Where the baseline's services came from, when there is one.
    var baselineDirectory: String?
    /// Why a line is missing (no `../shared`, no pyzmq, no cc).
    var notes: [String]

    var judged: Bool { articles >= Target.articlesToJudge }

    var lines: [String] {
        var lines: [String] = []
        let runs = rounds.indices.map { "run \($0 + 1)" }
        lines.append("### Side by side: this build, \(baselineDirectory == nil ? "" : "the baseline build, ")the Python peer, the yardstick")
        lines.append("")
        lines.append(
            "\(rounds.count) round\(rounds.count == 1 ? "" : "s"), each line once per round, back to back (the order turns each round); "
                + "\(ReportFormat.count(articles)) articles end to end per run; light load \(ReportFormat.count(lightRate)) articles/s for both builds.")
        if let baselineDirectory { lines.append("Baseline services: `\(baselineDirectory)`.") }
        for note in notes { lines.append("- \(note)") }
        lines.append("")
        lines.append(ReportFormat.row(["figure"] + runs + ["median"]))
        lines.append(ReportFormat.row(["---"] + Array(repeating: "---:", count: runs.count + 1)))
        lines.append(figureRow("newswire, this build: articles/s end to end", rounds.map { $0.ours.articlesPerSecond }, format: rate))
        if rounds.contains(where: { $0.baseline != nil }) {
            lines.append(figureRow("newswire, baseline: articles/s end to end", rounds.map { $0.baseline?.articlesPerSecond }, format: rate))
        }
        if rounds.contains(where: { $0.peer != nil }) {
            lines.append(figureRow("Python peer (peer_pipeline.py): articles/s end to end", rounds.map { $0.peer?.articlesPerSecond }, format: rate))
        }
        for program in yardstickPrograms {
            let results = rounds.map { $0.yardsticks.first { $0.program == program } }
            let bytes = results.compactMap { $0?.rowBytes }.first ?? 0
            lines.append(figureRow("yardstick, \(program): rows/s (\(ReportFormat.count(bytes)) B rows)", results.map { $0?.rowsPerSecond }, format: rate))
        }
        lines.append(figureRow("CPU per article, both services, this build", rounds.map { $0.ours.cpuSecondsPerArticle }, format: cpu))
        if rounds.contains(where: { $0.baseline != nil }) {
            lines.append(figureRow("CPU per article, both services, baseline", rounds.map { $0.baseline?.cpuSecondsPerArticle }, format: cpu))
        }
        if rounds.contains(where: { $0.peer != nil }) {
            lines.append(figureRow(
                "CPU per article, Python peer (both processes, start-up included)",
                rounds.map { round in round.peer.map { $0.cpuSeconds / Double(max(1, $0.articles)) } }, format: cpu))
        }
        lines.append(figureRow("light-load p99, this build", rounds.map { Double($0.ours.lightLoadP99) }, format: latency))
        if rounds.contains(where: { $0.baseline != nil }) {
            lines.append(figureRow("light-load p99, baseline", rounds.map { $0.baseline.map { Double($0.lightLoadP99) } }, format: latency))
        }
        lines.append(rssRow("peak RSS producer + consumer, this build", rounds.map(\.ours)))
        if rounds.contains(where: { $0.baseline != nil }) {
            lines.append(rssRow("peak RSS producer + consumer, baseline", rounds.map(\.baseline)))
        }

        lines.append("")
        lines.append(ReportFormat.row(["ratio"] + runs + ["median", "target", "result"]))
        lines.append(ReportFormat.row(["---"] + Array(repeating: "---:", count: runs.count + 1) + ["---", "---"]))
        let unjudged = judged ? "" : " (judged over ≥ \(ReportFormat.count(Target.articlesToJudge)) articles)"
        lines.append(ratioRow(
            "this build ÷ baseline, articles/s",
            rounds.map { round in round.baseline.map { round.ours.articlesPerSecond / $0.articlesPerSecond } },
            format: ReportFormat.fineTimes, target: "≥ ×\(Target.overBaseline)\(unjudged)") { $0 >= Target.overBaseline })
        lines.append(ratioRow(
            "this build ÷ Python peer, articles/s",
            rounds.map { round in round.peer.map { round.ours.articlesPerSecond / $0.articlesPerSecond } },
            format: ReportFormat.fineTimes, target: "≥ ×\(Target.overPeer)\(unjudged)") { $0 >= Target.overPeer })
        for (index, program) in yardstickPrograms.enumerated() {
            // The first yardstick (the C program when it ran) carries the target.
            let target = index == 0 ? "≥ \(Target.shareOfYardstick)\(unjudged)" : ""
            lines.append(ratioRow(
                "this build ÷ yardstick (\(program)), articles/s over rows/s",
                rounds.map { round in round.yardsticks.first { $0.program == program }.map { round.ours.articlesPerSecond / $0.rowsPerSecond } },
                format: { String(format: "%.3f", $0) }, target: target) { index == 0 ? $0 >= Target.shareOfYardstick : nil })
        }
        lines.append(ratioRow(
            "CPU per article, this build ÷ baseline",
            rounds.map { round in
                guard let ours = round.ours.cpuSecondsPerArticle, let theirs = round.baseline?.cpuSecondsPerArticle, theirs > 0 else { return nil }
                return ours / theirs
            },
            format: ReportFormat.fineTimes, target: "≤ ×\(Target.cpuOfBaseline)\(unjudged)") { $0 <= Target.cpuOfBaseline })
        lines.append(ratioRow(
            "light-load p99, this build ÷ baseline",
            rounds.map { round in round.baseline.map { Double(round.ours.lightLoadP99) / Double(max(1, $0.lightLoadP99)) } },
            format: ReportFormat.fineTimes, target: "≤ ×\(Target.lightLoadP99OfBaseline)\(unjudged)") { $0 <= Target.lightLoadP99OfBaseline })
        return lines
    }

    /// The yardstick programs that ran, the C program first.
    private var yardstickPrograms: [String] {
        var programs: [String] = []
        for round in rounds {
            for result in round.yardsticks where !programs.contains(result.program) { programs.append(result.program) }
        }
        return programs
    }

    private func figureRow(_ name: String, _ values: [Double?], format: (Double) -> String) -> String {
        let cells = values.map { $0.map(format) ?? "–" }
        let median = ReportFormat.median(values.compactMap { $0 }).map(format) ?? "–"
        return ReportFormat.row([name] + cells + [median])
    }

    /// A row of per-round ratios, their median, the target and the verdict on the median
    /// (none when `pass` gives nil, no round has the ratio, or the run is too short to judge).
    private func ratioRow(
        _ name: String, _ values: [Double?], format: (Double) -> String, target: String, pass: (Double) -> Bool?
    ) -> String {
        let median = ReportFormat.median(values.compactMap { $0 })
        let verdict = judged ? median.flatMap(pass) : nil
        return ReportFormat.row(
            [name] + values.map { $0.map(format) ?? "–" } + [median.map(format) ?? "–", median == nil ? "" : target, ReportFormat.verdict(verdict)])
    }

    private func rssRow(_ name: String, _ figures: [BuildFigures?]) -> String {
        let cells = figures.map { figure in
            figure?.peakResidentMegabytes.map { String(format: "%.0f + %.0f MB", $0.producer, $0.consumer) } ?? "–"
        }
        let totals = figures.compactMap { $0?.peakResidentMegabytes.map { $0.producer + $0.consumer } }
        return ReportFormat.row([name] + cells + [ReportFormat.median(totals).map { String(format: "%.0f MB", $0) } ?? "–"])
    }

    private func rate(_ value: Double) -> String { ReportFormat.count(Int(value.rounded())) }
    private func cpu(_ seconds: Double) -> String { ReportFormat.milliseconds(seconds * 1000) }
    private func latency(_ microseconds: Double) -> String { ReportFormat.duration(UInt64(microseconds)) }
}

extension ComparisonReport.BuildFigures {
    /// The figures of one build's throughput run and light-load run.
    init(saturation: PipelineRun.Outcome, lightLoad: PipelineRun.Outcome) {
        articlesPerSecond = saturation.throughput
        if let producer = saturation.producer, let consumer = saturation.consumer {
            cpuSecondsPerArticle = (producer.cpuSeconds + consumer.cpuSeconds) / Double(max(1, saturation.stored))
            peakResidentMegabytes = (Double(producer.peakResidentBytes) / 1_048_576, Double(consumer.peakResidentBytes) / 1_048_576)
        } else {
            cpuSecondsPerArticle = nil
            peakResidentMegabytes = nil
        }
        lightLoadP99 = lightLoad.latency.histogram.valueAtPercentile(99)
    }
}
