/// Splits UTF-8 text into normalized words, one at a time, without allocating.
///
/// A word is a run of letters, digits and combining marks. Everything else
/// (spaces, punctuation, quotes, dashes, symbols) separates words, so
/// "al-Assad" is two words and "U.N." is two. ASCII is lowercased eight
/// bytes at a time (``SWAR``) or by table; other letters use Unicode
/// lowercase mapping. Apostrophes (`'`, `’`, `‘`,
/// `ʼ`) inside a word are dropped ("don’t" → "dont"), and a possessive `'s`
/// ends the word without being part of it ("Assad’s" → "assad", with the
/// word's byte range covering "Assad" only).
///
/// After ``next()`` returns `true`, `start..<end` is the word's byte range in
/// the input. For a *plain* word (`isPlain`: ASCII letters and digits only,
/// at most 15 bytes, the common case) the lowercased bytes are in `k0`/`k1`
/// (little-endian, zero-padded) and `buffer` is not written. Otherwise
/// `buffer[0..<length]` holds the lowercased bytes (not yet stemmed); words
/// longer than ``TextNormalizer/maximumWordBytes`` report their full
/// `length` but only the first bytes are written, and callers treat them as
/// unknown.
struct TokenScanner {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let lower: UnsafePointer<UInt8>
    /// Scratch of at least ``TextNormalizer/scratchCapacity`` bytes.
    let buffer: UnsafeMutablePointer<UInt8>
    private var position = 0
    private(set) var start = 0
    private(set) var end = 0
    private(set) var length = 0
    private(set) var isPlain = false
    /// `position` is known to be the first byte of the next word.
    private var atWordStart = false
    /// Bytes 0..<8 and 8..<16 of a plain word, zero past `length`.
    private(set) var k0: UInt64 = 0
    private(set) var k1: UInt64 = 0

    init(_ text: UnsafeBufferPointer<UInt8>, buffer: UnsafeMutablePointer<UInt8>) {
        // An empty buffer may have no base address; point at the table instead.
        self.lower = UnsafePointer(TextNormalizer.asciiLowerTable)
        self.base = text.baseAddress ?? UnsafePointer(TextNormalizer.asciiLowerTable)
        self.count = text.count
        self.buffer = buffer
    }

    /// Advances to the next word; `false` at the end of the text.
    @inline(__always)
    mutating func next() -> Bool {
        let n = count
        var i = position
        if atWordStart {
            // The previous fast word saw where this one starts.
            atWordStart = false
            if fastWord(at: i) { return true }
            return slowWord(at: i)
        }
        // Skip separators eight ASCII bytes at a time.
        while i < n {
            let chunk = load(i)
            if chunk & SWAR.high != 0 { break }  // non-ASCII: decode below
            let words = SWAR.wordBytes(chunk)
            if words != 0 {
                i &+= words.trailingZeroBitCount &>> 3
                if fastWord(at: i) { return true }
                return slowWord(at: i)
            }
            i &+= 8
        }
        // Skip separators byte by byte (non-ASCII or near the end).
        while i < n {
            let byte = base[i]
            if lower[Int(byte)] != 0 { break }
            if byte < 0x80 { i &+= 1; continue }
            let (scalar, width) = decode(at: i)
            if TextNormalizer.isWordScalar(scalar) { break }
            i &+= width
        }
        guard i < n else {
            position = n
            return false
        }
        if fastWord(at: i) { return true }
        return slowWord(at: i)
    }

    /// The common case: an ASCII word of at most 15 bytes followed by an
    /// ASCII separator other than an apostrophe, or by the end of the text.
    /// Lowercases and finds the end with a few 64-bit operations, and when
    /// the next word starts in the same eight bytes, records where.
    @inline(__always)
    private mutating func fastWord(at i: Int) -> Bool {
        let first = load(i)
        guard first & SWAR.high == 0 else { return false }
        let words = SWAR.wordBytes(first)
        let ends = ~words & SWAR.high
        let len: Int
        if ends != 0 {
            let bits = UInt64(truncatingIfNeeded: ends.trailingZeroBitCount) &- 7  // 8 × len
            guard (first &>> bits) & 0xFF != 0x27 else { return false }  // apostrophe: slow path
            len = Int(truncatingIfNeeded: bits &>> 3)
            k0 = SWAR.lowercased(first) & ((1 &<< bits) &- 1)
            k1 = 0
            // Word bytes after the separator at `len`, still in this chunk.
            let following = bits < 56 ? words & ~((1 &<< (bits &+ 8)) &- 1) : 0
            if following != 0 {
                position = i &+ following.trailingZeroBitCount &>> 3
                atWordStart = true
            } else {
                position = i &+ len
            }
        } else {
            let second = load(i &+ 8)
            guard second & SWAR.high == 0 else { return false }
            let ends2 = ~SWAR.wordBytes(second) & SWAR.high
            guard ends2 != 0 else { return false }
            let bits = UInt64(truncatingIfNeeded: ends2.trailingZeroBitCount) &- 7
            guard (second &>> bits) & 0xFF != 0x27 else { return false }
            len = 8 &+ Int(truncatingIfNeeded: bits &>> 3)
            k0 = SWAR.lowercased(first)
            k1 = SWAR.lowercased(second) & ((1 &<< bits) &- 1)
            position = i &+ len
        }
        start = i
        end = i &+ len
        length = len
        isPlain = true
        return true
    }

    /// Any word, byte by byte: non-ASCII letters, apostrophes, words of 16+ bytes.
    private mutating func slowWord(at startIndex: Int) -> Bool {
        isPlain = false
        let n = count
        var i = startIndex
        start = i
        var wordEnd = i
        var len = 0
        let limit = TextNormalizer.maximumWordBytes
        while i < n {
            let byte = base[i]
            let lowered = lower[Int(byte)]
            if lowered != 0 {
                if len < limit { buffer[len] = lowered }
                len &+= 1
                i &+= 1
                wordEnd = i
                continue
            }
            if byte == 0x27 {  // '
                if apostrophe(at: &i, width: 1) { continue }
                break
            }
            if byte < 0x80 { break }
            let (scalar, width) = decode(at: i)
            if TextNormalizer.isApostrophe(scalar) {
                if apostrophe(at: &i, width: width) { continue }
                break
            }
            guard TextNormalizer.isWordScalar(scalar) else { break }
            len = TextNormalizer.appendLowercased(
                scalar, source: base + i, width: width, to: buffer, length: len, limit: limit)
            i &+= width
            wordEnd = i
        }
        position = i
        end = wordEnd
        length = len
        return true
    }

    /// Eight bytes from `i` as a little-endian integer; past the end of the
    /// text the missing bytes read as zero, which is a separator.
    @inline(__always)
    private func load(_ i: Int) -> UInt64 {
        if i &+ 8 <= count {
            return UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        }
        var chunk: UInt64 = 0
        var k = count &- 1
        while k >= i {
            chunk = chunk &<< 8 | UInt64(base[k])
            k &-= 1
        }
        return chunk
    }

    /// Handles an apostrophe at `i` inside a word. Returns `true` to continue
    /// the word after it, `false` to end the word (with `i` past anything the
    /// word swallowed, such as a possessive "s").
    @inline(__always)
    private func apostrophe(at i: inout Int, width: Int) -> Bool {
        let next = i &+ width
        guard next < count, lower[Int(base[next])] != 0 else { return false }
        if base[next] | 0x20 == 0x73, !isWord(at: next &+ 1) {  // possessive 's
            i = next &+ 1
            return false
        }
        i = next
        return true
    }

    private func isWord(at i: Int) -> Bool {
        guard i < count else { return false }
        let byte = base[i]
        if lower[Int(byte)] != 0 { return true }
        if byte < 0x80 { return false }
        return TextNormalizer.isWordScalar(decode(at: i).0)
    }

    /// Decodes the scalar whose lead byte is at `i`. Input comes from a Swift
    /// `String`, so it is valid UTF-8; a malformed or truncated sequence is
    /// still handled (as a one-byte separator).
    @inline(__always)
    private func decode(at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(base[i])
        let width: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; value = lead & 0x1F
        case 0xE0...0xEF: width = 3; value = lead & 0x0F
        case 0xF0...0xF4: width = 4; value = lead & 0x07
        default: return (" ", 1)
        }
        guard i &+ width <= count else { return (" ", 1) }
        for k in 1..<width {
            let continuation = UInt32(base[i &+ k])
            guard continuation & 0xC0 == 0x80 else { return (" ", 1) }
            value = value << 6 | (continuation & 0x3F)
        }
        return (Unicode.Scalar(value) ?? " ", width)
    }
}
