/// Byte-level helpers for reading UTF-8 text without building `Character`s.
///
/// The parser's hot loops walk `[UInt8]`; these helpers decode a scalar only
/// where a non-ASCII byte appears and classify it with range checks.
enum UTF8Scan {
    /// The scalar value starting at `index` and its length in bytes (1 for malformed bytes).
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ index: Int) -> (value: UInt32, length: Int) {
        let b0 = p[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let end = p.count
        if b0 < 0xE0, b0 >= 0xC2, index + 1 < end {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[index + 1] & 0x3F), 2)
        }
        if b0 < 0xF0, b0 >= 0xE0, index + 2 < end {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[index + 1] & 0x3F) << 6) | UInt32(p[index + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0, index + 3 < end {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(p[index + 1] & 0x3F) << 12)
                | (UInt32(p[index + 2] & 0x3F) << 6) | UInt32(p[index + 3] & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }

    /// Whether a non-ASCII scalar belongs inside a word (letters, marks, CJK),
    /// as opposed to punctuation, symbols and spaces.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
        }
        if v < 0xC0 { return v == 0xAA || v == 0xB5 || v == 0xBA }
        if v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v < 0x2C00 { return false }
        if v >= 0x3000 && v < 0x3040 { return false }
        if v >= 0xFE30 && v < 0xFE70 { return false }
        if v >= 0xFF00 && v < 0xFF10 { return false }
        if v >= 0x1F000 { return false }
        return true
    }

    /// Whether a scalar is an uppercase letter (ASCII, Latin-1/Extended-A, Greek, Cyrillic).
    @inline(__always)
    static func isUppercase(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xDE { return v != 0xD7 }
        if v >= 0x100 && v < 0x180 { return v & 1 == 0 }
        if v >= 0x391 && v <= 0x3AB { return true }
        if v >= 0x400 && v <= 0x42F { return true }
        return false
    }

    /// Whether a scalar is a lowercase letter.
    @inline(__always)
    static func isLowercase(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0xDF && v <= 0xFF { return v != 0xF7 }
        if v >= 0x100 && v < 0x180 { return v & 1 == 1 }
        if v >= 0x3AC && v <= 0x3CE { return true }
        if v >= 0x430 && v <= 0x45F { return true }
        return false
    }

    /// Whether a scalar ends a sentence: . ! ? … and their full-width forms.
    @inline(__always)
    static func isTerminal(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x3002 || v == 0xFF01 || v == 0xFF1F
    }

    /// Whether an ASCII byte is a letter or digit.
    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// Folds an ASCII byte to lowercase.
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 {
        (b &- 0x41) < 26 ? b | 0x20 : b
    }

    /// Whether `bytes[at...]` starts with `prefix`, ignoring ASCII case (prefix must be lowercase).
    static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { q in
            guard index + q.count <= p.count else { return false }
            for i in 0..<q.count where lower(p[index + i]) != q[i] { return false }
            return true
        }
    }

    /// Whether `bytes[at...]` starts with the UTF-8 of `prefix`, ignoring ASCII case.
    static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= p.count else { return false }
        for i in 0..<prefix.count where lower(p[index + i]) != prefix[i] { return false }
        return true
    }

    /// The offset of the first invalid UTF-8 sequence in `p`, or nil when all of it is valid.
    static func firstInvalidOffset(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = p.count
        guard let base = p.baseAddress else { return nil }
        var i = 0
        while i < count {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= count { break }
            if p[i] < 0x80 { i += 1; continue }
            let length = validSequenceLength(p, i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence starting at `i` (whose first byte is
    /// at least 0x80), or 0 when it is not one: overlong, surrogate, beyond U+10FFFF or cut off.
    @inline(__always)
    static func validSequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let need: Int
        var minimumSecond: UInt8 = 0x80
        var maximumSecond: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; minimumSecond = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; maximumSecond = 0x9F
        case 0xF0: need = 3; minimumSecond = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; maximumSecond = 0x8F
        default: return 0
        }
        if i + need >= p.count { return 0 }
        let second = p[i + 1]
        if second < minimumSecond || second > maximumSecond { return 0 }
        var k = 2
        while k <= need {
            if p[i + k] & 0xC0 != 0x80 { return 0 }
            k += 1
        }
        return need + 1
    }
}
