/// The benchmark could not measure what it set out to: a service did not
/// start or stalled, a socket failed, or a baseline could not run. The
/// message says which and with what (endpoint, file, counts).
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
