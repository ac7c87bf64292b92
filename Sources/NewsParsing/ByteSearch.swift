#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Finds bytes without a Swift loop per byte: one byte with the C library's `memchr`
/// (vectorized, and fast even in debug builds, where a byte loop over a 20 MB page is
/// not), non-ASCII bytes eight at a time. Most article text is ASCII, so the passes
/// that only care about quote marks, separators and other non-ASCII scalars skip it
/// a word at a time.
enum ByteSearch {
    /// The index of the first `byte` in `p[from..<to]`, or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = p.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// The index of the first byte ≥ 0x80 in `p[from..<to]`, or `to`.
    @inline(__always)
    static func firstNonASCII(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = p.baseAddress {
            while i + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & highBits
                if word != 0 { return i + word.trailingZeroBitCount &>> 3 }
                i += 8
            }
        }
        while i < to, p[i] < 0x80 { i += 1 }
        return i
    }

    /// The index of the first byte in `p[from..<to]` that is ≥ 0x80 or equal to the ASCII `byte`, or `to`.
    @inline(__always)
    static func firstNonASCII(orByte byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        if let base = p.baseAddress {
            let pattern = UInt64(byte) &* lowBits
            while i + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                // A zero byte in `equal` marks `byte`. The lowest flag of this test is always
                // exact (false positives only sit above a true zero), and only the lowest is used.
                let equal = word ^ pattern
                let zero = (equal &- lowBits) & ~equal
                let hits = (word | zero) & highBits
                if hits != 0 { return i + hits.trailingZeroBitCount &>> 3 }
                i += 8
            }
        }
        while i < to, p[i] < 0x80, p[i] != byte { i += 1 }
        return i
    }
}
