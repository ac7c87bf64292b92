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
            while i + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let hits = (word & highBits) | equalMask(word, byte)
                if hits != 0 { return i + hits.trailingZeroBitCount &>> 3 }
                i += 8
            }
        }
        while i < to, p[i] < 0x80, p[i] != byte { i += 1 }
        return i
    }

    /// The number of bytes flagged in `mask` (only top bits set): summed by one multiplication
    /// into the top byte, as the default x86-64 target has no POPCNT.
    @inline(__always)
    static func countFlags(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask &>> 7) &* lowBits) &>> 56)
    }

    /// The number of words (runs of bytes other than spaces) in `p[from..<to]`, eight bytes at a time.
    static func countWords(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var words = 0
        var previousIsWord = false
        var k = from
        if let base = p.baseAddress {
            while k + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
                let inWord = ~equalMask(word, 0x20) & highBits
                // A word starts where a byte is in a word and the byte before it (the previous
                // chunk's last, for the first) is not.
                let before = inWord &<< 8 | (previousIsWord ? 0x80 : 0)
                words &+= countFlags(inWord & ~before)
                previousIsWord = inWord &>> 63 != 0
                k += 8
            }
        }
        while k < to {
            let isWord = p[k] != 0x20
            if isWord && !previousIsWord { words &+= 1 }
            previousIsWord = isWord
            k += 1
        }
        return words
    }

    /// The top bit of each byte of `word` that equals `byte`, exactly (no carries between bytes).
    @inline(__always)
    static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* lowBits)
        // (low seven bits + 0x7F) reaches the top bit unless they are all zero; or-ing in the
        // difference's own top bit leaves it clear only for a zero byte.
        return ~(((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | difference) & highBits
    }

    /// The top bit of each byte of `word` in `lowest...highest` (both ASCII), exactly.
    @inline(__always)
    static func rangeMask(_ word: UInt64, _ lowest: UInt8, _ highest: UInt8) -> UInt64 {
        // With the top bits cleared no sum carries: y + (128 - lowest) has its top bit set
        // when y >= lowest, y + (127 - highest) when y > highest.
        let y = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastLowest = y &+ UInt64(128 &- lowest) &* lowBits
        let aboveHighest = y &+ UInt64(127 &- highest) &* lowBits
        return atLeastLowest & ~aboveHighest & ~word & highBits
    }
}
