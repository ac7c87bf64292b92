/// A case-insensitive hash of words and phrases, the key of every ``WordTable``.
///
/// A word's bytes are case-folded (ASCII, Latin-1 and Cyrillic capitals to
/// lowercase; the curly apostrophe to a straight one, so "Assad’s" and
/// "Assad's" meet) and consumed eight at a time, so a typical word costs one or
/// two multiplications. ASCII words, the common case, are folded with SWAR
/// arithmetic straight from the text. A phrase hash combines its words' hashes
/// in order. Zero is never returned because it marks an empty slot.
enum WordHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let multiplier: UInt64 = 0xBF58_476D_1CE4_E5B9

    @inline(__always)
    static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
        let h = (hash ^ chunk) &* multiplier
        return h ^ (h &>> 31)
    }

    @inline(__always)
    static func finish(_ hash: UInt64, length: Int) -> UInt64 {
        var h = (hash ^ UInt64(truncatingIfNeeded: length)) &* 0x94D0_49BB_1331_11EB
        h ^= h &>> 29
        return h == 0 ? 1 : h
    }

    /// Folds ASCII capitals in eight ASCII bytes to lowercase.
    @inline(__always)
    static func foldASCII(_ x: UInt64) -> UInt64 {
        let atLeastA = x &+ 0x3F3F_3F3F_3F3F_3F3F
        let aboveZ = x &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~aboveZ & 0x8080_8080_8080_8080
        return x | (upper &>> 2)
    }

    /// The hash of the word in `count` bytes at `pointer`; `readable` bytes from `pointer`
    /// may be read (at least `count`), which lets the last chunk be loaded in one go.
    @inline(__always)
    static func hash(_ pointer: UnsafePointer<UInt8>, _ count: Int, readable: Int = 0) -> UInt64 {
        var h = seed
        var i = 0
        while i + 8 <= count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(pointer + i).loadUnaligned(as: UInt64.self))
            if chunk & 0x8080_8080_8080_8080 != 0 { return hashFolding(pointer, count) }
            h = mix(h, foldASCII(chunk))
            i += 8
        }
        if i < count && i + 8 <= readable {
            let keep = UInt64(count - i) &* 8
            let chunk = UInt64(littleEndian: UnsafeRawPointer(pointer + i).loadUnaligned(as: UInt64.self))
                & ((1 &<< keep) &- 1)
            if chunk & 0x8080_8080_8080_8080 != 0 { return hashFolding(pointer, count) }
            return finish(mix(h, foldASCII(chunk)), length: count)
        }
        if i < count {
            var chunk: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                let b = pointer[i]
                if b >= 0x80 { return hashFolding(pointer, count) }
                chunk |= UInt64(b) &<< shift
                shift += 8
                i += 1
            }
            h = mix(h, foldASCII(chunk))
        }
        return finish(h, length: count)
    }

    /// The hash of an ASCII word of fewer than eight bytes already loaded into `word`, lowest
    /// byte first, with the bytes after it cleared; equal to ``hash(_:_:readable:)`` of its bytes.
    @inline(__always)
    static func hash(asciiWord word: UInt64, length: Int) -> UInt64 {
        finish(mix(seed, foldASCII(word)), length: length)
    }

    /// The hash of an ASCII word of eight to fifteen bytes: its first eight in `word` and the
    /// rest in `rest` (lowest byte first, the bytes after the word cleared; zero for exactly
    /// eight); equal to ``hash(_:_:readable:)`` of its bytes.
    @inline(__always)
    static func hash(asciiWord word: UInt64, rest: UInt64, length: Int) -> UInt64 {
        let first = mix(seed, foldASCII(word))
        return finish(length == 8 ? first : mix(first, foldASCII(rest)), length: length)
    }

    /// The general path: folds non-ASCII capitals and the curly apostrophe byte by byte, and
    /// runs of ASCII between them eight bytes at a time.
    static func hashFolding(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h = seed
        var chunk: UInt64 = 0
        var filled: UInt64 = 0
        var length = 0
        @inline(__always)
        func put(_ byte: UInt8) {
            chunk |= UInt64(byte) &<< (filled &* 8)
            filled += 1
            length += 1
            if filled == 8 {
                h = mix(h, chunk)
                chunk = 0
                filled = 0
            }
        }
        var i = 0
        while i < count {
            // Eight ASCII bytes at once (most of a line with a curly quote in it): folded together
            // and merged into the chunk exactly as eight `put`s would.
            if i + 8 <= count {
                let x = UInt64(littleEndian: UnsafeRawPointer(pointer + i).loadUnaligned(as: UInt64.self))
                if x & 0x8080_8080_8080_8080 == 0 {
                    let folded = foldASCII(x)
                    h = mix(h, chunk | folded &<< (filled &* 8))
                    chunk = filled == 0 ? 0 : folded &>> ((8 &- filled) &* 8)
                    length += 8
                    i += 8
                    continue
                }
            }
            let b = pointer[i]
            if b < 0x80 {
                put(UTF8Scan.lower(b))
                i += 1
            } else if b == 0xC3, i + 1 < count {
                let c = pointer[i + 1]
                put(0xC3)
                put(c >= 0x80 && c <= 0x9E && c != 0x97 ? c &+ 0x20 : c)
                i += 2
            } else if b == 0xD0, i + 1 < count {
                let c = pointer[i + 1]
                if c >= 0x90 && c <= 0x9F {
                    put(0xD0); put(c &+ 0x20)
                } else if c >= 0xA0 && c <= 0xAF {
                    put(0xD1); put(c &- 0x20)
                } else if c == 0x81 {
                    put(0xD1); put(0x91)
                } else {
                    put(0xD0); put(c)
                }
                i += 2
            } else if b == 0xE2, i + 2 < count, pointer[i + 1] == 0x80, pointer[i + 2] == 0x99 {
                put(0x27)
                i += 3
            } else {
                put(b)
                i += 1
            }
        }
        if filled > 0 { h = mix(h, chunk) }
        return finish(h, length: length)
    }

    /// Combines a phrase's hash so far with its next word's hash.
    @inline(__always)
    static func combine(_ phrase: UInt64, _ word: UInt64) -> UInt64 {
        let h = (phrase ^ (word &* 0xD6E8_FEB8_6659_FD93)) &* multiplier
        let result = h ^ (h &>> 32)
        return result == 0 ? 1 : result
    }

    /// The hash of all of a string's UTF-8 bytes, spaces included, as if they were one word.
    static func hash(bytesOf string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { bytes in bytes.isEmpty ? finish(seed, length: 0) : hash(bytes.baseAddress!, bytes.count) }
    }

    /// The hash of a phrase whose words are separated by single spaces (a single word hashes as itself).
    static func hash(_ phrase: String) -> UInt64 {
        var result: UInt64 = 0
        for (index, word) in phrase.split(separator: " ").enumerated() {
            let bytes = Array(word.utf8)
            let h = bytes.withUnsafeBufferPointer { hash($0.baseAddress!, $0.count) }
            result = index == 0 ? h : combine(result, h)
        }
        return result == 0 ? 1 : result
    }
}
