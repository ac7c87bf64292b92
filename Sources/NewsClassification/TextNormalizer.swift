/// Normalization shared by taxonomy phrases and article text, so both sides
/// of a match see the same words: tokenize (``TokenScanner``), lowercase,
/// then fold inflections (``Stemmer``).
enum TextNormalizer {
    /// Words whose lowercased UTF-8 is longer than this are never matched.
    static let maximumWordBytes = Taxonomy.maximumWordBytes
    /// Scratch size for one word: the longest matchable word, plus slack so
    /// the vocabulary can load its first 16 bytes whatever the word's length.
    static let scratchCapacity = maximumWordBytes + 32

    /// `asciiLowerTable[b]` is the lowercase form of an ASCII letter or digit,
    /// and 0 for every other byte (separators and non-ASCII lead bytes).
    nonisolated(unsafe) static let asciiLowerTable: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = byte }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = byte }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = byte | 0x20 }
        return table  // lives for the whole process
    }()

    /// Letters, numbers and combining marks are word characters.
    /// Kept out of line: `Unicode.Scalar.Properties` is a resilient type, and
    /// touching it makes every caller fetch type metadata on entry.
    @inline(never)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // General Punctuation (curly quotes, dashes, ellipsis, spaces): common
        // in news text and never part of a word, so skip the property lookup.
        if (0x2000...0x206F).contains(scalar.value) { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Typographic and modifier apostrophes that may appear inside words.
    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return true
        default: return false
        }
    }

    /// Writes the lowercase UTF-8 of `scalar` (whose encoding is the `width`
    /// bytes at `source`) to `buffer[length...]`, writing nothing at or past
    /// `limit`; returns the new length. Out of line for the reason above.
    @inline(never)
    static func appendLowercased(
        _ scalar: Unicode.Scalar, source: UnsafePointer<UInt8>, width: Int,
        to buffer: UnsafeMutablePointer<UInt8>, length: Int, limit: Int
    ) -> Int {
        var length = length
        let properties = scalar.properties
        if properties.changesWhenLowercased {
            for unit in properties.lowercaseMapping.utf8 {
                if length < limit { buffer[length] = unit }
                length += 1
            }
        } else {
            for k in 0..<width {
                if length < limit { buffer[length] = source[k] }
                length += 1
            }
        }
        return length
    }

    /// The stemmed words of `text`, as the matcher sees them.
    static func normalizedWords(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        forEachWord(in: text) { buffer, length, _ in
            words.append(Array(UnsafeBufferPointer(start: buffer, count: length)))
        }
        return words
    }

    /// The byte length of each stemmed word (unknown-length words report their
    /// full length, which may exceed ``maximumWordBytes``).
    static func normalizedWordLengths(_ text: String) -> [Int] {
        var lengths: [Int] = []
        forEachWord(in: text) { _, length, _ in lengths.append(length) }
        return lengths
    }

    /// Calls `body` with each word's stemmed bytes, length and byte range.
    /// Not for the hot path (it copies the text into contiguous storage).
    static func forEachWord(
        in text: String, _ body: (UnsafeMutablePointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        defer { buffer.deallocate() }
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            var scanner = TokenScanner(bytes, buffer: buffer)
            while scanner.next() {
                if scanner.isPlain {
                    let raw = UnsafeMutableRawPointer(buffer)
                    raw.storeBytes(of: scanner.k0.littleEndian, as: UInt64.self)
                    raw.storeBytes(of: scanner.k1.littleEndian, toByteOffset: 8, as: UInt64.self)
                }
                let length = scanner.length <= maximumWordBytes
                    ? Stemmer.stem(buffer, length: scanner.length) : scanner.length
                body(buffer, length, scanner.start..<scanner.end)
            }
        }
    }
}
