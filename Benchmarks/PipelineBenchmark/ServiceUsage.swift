/// The CPU time and memory one service used over a run, from the monitor's readings.
struct ServiceUsage: Sendable {
    var cpuSeconds: Double
    /// The highest resident memory seen: the largest VmRSS reading or the final VmHWM.
    var peakResidentBytes: Int
    /// Mean VmRSS over the first and the last quarter of the run.
    var firstQuarterResidentBytes: Double
    var lastQuarterResidentBytes: Double

    /// "Flat" means the last quarter's mean is within this fraction of the first quarter's.
    static let flatTolerance = 0.10

    /// How much the resident memory grew from the first quarter to the last, as a fraction.
    var growth: Double {
        firstQuarterResidentBytes > 0 ? lastQuarterResidentBytes / firstQuarterResidentBytes - 1 : 0
    }

    var isFlat: Bool { growth <= Self.flatTolerance }

    /// Usage from readings in time order, taken over the run; nil with fewer than two.
    init?(_ readings: [ProcessStats]) {
        guard let first = readings.first, let last = readings.last, readings.count >= 2 else { return nil }
        cpuSeconds = last.cpuSeconds - first.cpuSeconds
        peakResidentBytes = max(readings.map(\.residentBytes).max() ?? 0, last.peakResidentBytes)
        let quarter = max(1, readings.count / 4)
        func mean(_ slice: ArraySlice<ProcessStats>) -> Double {
            Double(slice.reduce(0) { $0 + $1.residentBytes }) / Double(slice.count)
        }
        firstQuarterResidentBytes = mean(readings.prefix(quarter))
        lastQuarterResidentBytes = mean(readings.suffix(quarter))
    }
}
