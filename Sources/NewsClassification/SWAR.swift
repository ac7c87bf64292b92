/// Byte-parallel ("SIMD within a register") helpers on eight ASCII bytes
/// packed little-endian in a `UInt64`, used by ``TokenScanner``'s fast path.
///
/// Every helper assumes all eight bytes are ASCII (`chunk & high == 0`);
/// then the additions below never carry from one byte into the next.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The top bit of every byte.
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// Top bit set in each byte `b` with `low <= b <= highest`.
    @inline(__always)
    static func inRange(_ chunk: UInt64, _ low: UInt8, _ highest: UInt8) -> UInt64 {
        let atLeastLow = chunk &+ ones &* UInt64(0x80 &- low)
        let aboveHighest = chunk &+ ones &* UInt64(0x7F &- highest)
        return atLeastLow & ~aboveHighest & high
    }

    /// Top bit set in each ASCII letter or digit.
    @inline(__always)
    static func wordBytes(_ chunk: UInt64) -> UInt64 {
        inRange(lowercased(chunk), 0x61, 0x7A) | inRange(chunk, 0x30, 0x39)
    }

    /// The chunk with ASCII capitals lowercased (0x80 >> 2 is the 0x20 case bit).
    @inline(__always)
    static func lowercased(_ chunk: UInt64) -> UInt64 {
        chunk | (inRange(chunk, 0x41, 0x5A) >> 2)
    }
}
