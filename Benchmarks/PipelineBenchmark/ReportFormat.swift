import Foundation

/// How the report writes figures, shared by its sections so the same kind of
/// figure always reads the same way.
enum ReportFormat {
    /// An integer with thousands separators: 12,345.
    static func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// Microseconds as µs, ms or s, whichever reads best.
    static func duration(_ microseconds: UInt64) -> String {
        switch microseconds {
        case ..<1_000: "\(microseconds) µs"
        case ..<1_000_000: String(format: "%.1f ms", Double(microseconds) / 1000)
        default: String(format: "%.2f s", Double(microseconds) / 1_000_000)
        }
    }

    static func milliseconds(_ value: Double) -> String { String(format: "%.3f ms", value) }
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
    /// A ratio of like figures: ×1.5.
    static func times(_ factor: Double) -> String { String(format: "×%.1f", factor) }
    /// A ratio to two decimals, for ratios well below one: ×0.09.
    static func fineTimes(_ factor: Double) -> String { String(format: "×%.2f", factor) }

    /// One Markdown table row of these cells.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    static func verdict(_ pass: Bool?) -> String { pass.map { $0 ? "PASS" : "FAIL" } ?? "" }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
