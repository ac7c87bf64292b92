#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Finds bytes with the C library's `memchr`, which is vectorized and stays
/// fast even in debug builds, where a Swift byte loop over a 20 MB page is not.
enum ByteSearch {
    /// The index of the first `byte` in `p[from..<to]`, or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = p.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }
}
