import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Nanosecond timestamps on the monotonic clock, cheap enough to take per
/// message and comparable across the harness's threads.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot).
    static func now() -> UInt64 {
        // Dispatch's uptime is CLOCK_MONOTONIC. (A `timespec` here would not compile: with SwiftNIO in
        // the build, the struct resolves to CDispatch's copy, which MemberImportVisibility rejects.)
        DispatchTime.now().uptimeNanoseconds
    }

    /// Seconds between two timestamps.
    static func seconds(from start: UInt64, to end: UInt64) -> Double {
        Double(end &- start) / 1e9
    }

    /// CPU seconds this whole process (every thread) has used so far.
    static func processCPUSeconds() -> Double {
        // glibc's clock() reads CLOCK_PROCESS_CPUTIME_ID, to the microsecond.
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
