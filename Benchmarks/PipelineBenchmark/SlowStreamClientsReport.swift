import Foundation
import Histogram

/// Issue #19's figure: ingestion with many browser-stream clients that never
/// read, against the same build's saturation runs without them. The consumer
/// hands each stored batch to per-client queues and cuts off a client whose
/// queue is full, so the two rates should be alike.
struct SlowStreamClientsReport {
    var clients: Int
    /// This build's saturation runs of the rounds, without stream clients.
    var without: [PipelineRun.Outcome]
    var with: PipelineRun.Outcome

    var markdown: String {
        let rates = without.map(\.throughput)
        let median = ReportFormat.median(rates) ?? 0
        var lines = [
            "",
            "### Ingestion with \(ReportFormat.count(clients)) slow stream clients (issue #19)",
            "",
            "Each client asks for `GET /api/v1/stream` on every topic with a 4 KB receive buffer and never reads; "
                + "they connect before the load starts. The same build's saturation runs without them beside it.",
            "",
            ReportFormat.row(["run", "articles", "articles/s", "p99 end to end"]),
            ReportFormat.row(["---", "---:", "---:", "---:"]),
        ]
        for (index, outcome) in without.enumerated() {
            lines.append(ReportFormat.row([
                "without clients, round \(index + 1)", ReportFormat.count(outcome.stored), ReportFormat.count(Int(outcome.throughput)),
                ReportFormat.duration(outcome.latency.histogram.valueAtPercentile(99)),
            ]))
        }
        lines.append(ReportFormat.row([
            "with \(ReportFormat.count(clients)) slow clients", ReportFormat.count(with.stored), ReportFormat.count(Int(with.throughput)),
            ReportFormat.duration(with.latency.histogram.valueAtPercentile(99)),
        ]))
        lines.append("")
        lines.append("With the clients: \(ReportFormat.fineTimes(median > 0 ? with.throughput / median : 0)) the median rate without them.")
        return lines.joined(separator: "\n")
    }
}
