/// Splits normalized UTF-8 text into words and sentences in one pass over the bytes.
///
/// Words are runs of letters and digits, joined across inner hyphens and
/// English contractions; possessive "’s" is dropped. Sentences end at . ! ? …
/// unless the period follows an abbreviation or an initial.
enum WordTokenizer {
    /// Abbreviations whose period does not end a sentence.
    static let abbreviationWords: [String] = [
            "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "lt", "col", "sgt", "capt", "adm", "maj", "jr",
            "sr", "sra", "prof", "rev", "mt", "ft", "inc", "corp", "ltd", "co", "no", "nr", "vs", "etc", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "pres", "hon", "ave", "blvd",
            "approx", "ca", "bzw", "mme", "mlle", "dott", "ing", "sig", "fr", "hr",
        ]

    /// Byte classes for the ASCII fast path.
    enum ByteClass: UInt8 {
        case separator, lower, upper, digit, nonASCII, terminal, newline, hyphen, apostrophe
    }

    /// For ASCII letters and digits: bit 0 set, bit 1 for capitals, bit 2 for digits; zero otherwise.
    static let asciiWordBits: [UInt8] = (0..<256).map { value -> UInt8 in
        switch UInt8(value) {
        case 0x61...0x7A: return 1
        case 0x41...0x5A: return 3
        case 0x30...0x39: return 5
        default: return 0
        }
    }

    static let byteClasses: [ByteClass] = (0..<256).map { value -> ByteClass in
        switch UInt8(value) {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x30...0x39: return .digit
        case 0x80...0xFF: return .nonASCII
        case 0x2E, 0x21, 0x3F: return .terminal
        case 0x0A: return .newline
        case 0x2D: return .hyphen
        case 0x27: return .apostrophe
        default: return .separator
        }
    }

    /// Tokenizes `p`; lines are separated by "\n" and always end sentences.
    static func tokenize(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Token offsets, sentence and line numbers are 32-bit: checked once here, so the loop
        // converts and counts without an overflow check per word.
        precondition(p.count <= Int(Int32.max), "text too long to tokenize: \(p.count) bytes")
        return byteClasses.withUnsafeBufferPointer { classes in
            asciiWordBits.withUnsafeBufferPointer { wordBits in
                // Prose has far fewer words than a third of its bytes; only odd input needs the safe bound.
                if let tokens = tokenize(p, classes: classes, wordBits: wordBits, lexicon: Lexicon.table, capacity: p.count / 3 + 64) {
                    return tokens
                }
                return tokenize(p, classes: classes, wordBits: wordBits, lexicon: Lexicon.table, capacity: p.count / 2 + 2)!
            }
        }
    }

    private static func tokenize(
        _ p: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass>, wordBits: UnsafeBufferPointer<UInt8>,
        lexicon: WordTable<UInt32>, capacity: Int
    ) -> [Token]? {
        // Tokens are written straight into the array's storage: `append` would check
        // uniqueness and capacity for every word. Returns nil when `capacity` is too small.
        var overflow = false
        let result = [Token](unsafeUninitializedCapacity: capacity) { tokens, count in
            count = 0
            overflow = !fill(p, classes: classes, wordBits: wordBits, lexicon: lexicon, into: tokens, count: &count)
        }
        return overflow ? nil : result
    }

    /// Writes the tokens of `p` into `tokens`; false when they do not fit.
    private static func fill(
        _ p: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ByteClass>, wordBits: UnsafeBufferPointer<UInt8>,
        lexicon: WordTable<UInt32>, into tokens: UnsafeMutableBufferPointer<Token>, count tokenCount: inout Int
    ) -> Bool {
        // A local count stays in a register; the caller's is written once at the end.
        var count = tokenCount
        defer { tokenCount = count }
        let n = p.count
        var i = 0
        var sentence: Int32 = 0
        var line: Int32 = 0
        var boundaryPending = true
        var sawTerminal = false
        while i < n {
            let b = p[i]
            let kind = classes[Int(b)]
            if isSkipped(kind) {
                i += 1
                continue
            }
            if kind == .terminal {
                sawTerminal = true
                i += 1
                continue
            }
            if kind == .newline {
                line &+= 1
                boundaryPending = true
                sawTerminal = false
                i += 1
                continue
            }
            var firstScalar = UInt32(b)
            if kind == .nonASCII {
                let (v, length) = UTF8Scan.scalar(p, i)
                if !UTF8Scan.isWordScalar(v) {
                    if v == 0x2026 { sawTerminal = true }
                    i += length
                    continue
                }
                firstScalar = v
            }
            // A word starts here.
            let start = i
            var flags = Token.Flags.none
            if kind == .upper || kind == .nonASCII && UTF8Scan.isUppercase(firstScalar) {
                flags.insert(.capitalized)
            } else if kind == .lower || kind == .nonASCII && UTF8Scan.isLowercase(firstScalar) {
                flags.insert(.lowercased)
            }
            var upper = 0
            var lower = 0
            var digits = 0
            var end = i
            var j = i
            var partStart = i
            var next = -1
            // The most common word: at most fifteen ASCII letters and digits, then a space, a comma
            // or a period (not inside a number like "5.75", not after an initial). Its counts and
            // hash come from one eight-byte load, or two for a longer word; flags and hash are
            // the ones the general path below gives.
            var hash: UInt64 = 0
            var quick = false
            // The quick path also consumes the space, comma or period, as the loop's top would.
            var consumed = 0
            var endsSentence = false
            if kind != .nonASCII, i &+ 8 <= n {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self))
                let run = asciiWordRun(chunk)
                var length = run.length
                var upperCount = run.upper
                var digitCount = run.digits
                var rest: UInt64 = 0
                // Whether the word ends within the bytes loaded.
                var ended = length < 8
                if !ended, i &+ 16 <= n {
                    rest = UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + i + 8).loadUnaligned(as: UInt64.self))
                    let restRun = asciiWordRun(rest)
                    length = 8 + restRun.length
                    upperCount &+= restRun.upper
                    digitCount &+= restRun.digits
                    ended = restRun.length < 8
                }
                var quickWord = false
                if ended {
                    let after = i &+ length
                    let following = p[after]
                    if following == 0x20 {
                        quickWord = true
                    } else if following == 0x2C || following == 0x2E {
                        let inNumber = (p[after - 1] &- 0x30) < 10 && after + 1 < n && (p[after + 1] &- 0x30) < 10
                        let initial = following == 0x2E && length == 1 && upperCount == 1
                        quickWord = !inNumber && !initial
                        if quickWord {
                            flags.insert(following == 0x2C ? .comma : .period)
                            endsSentence = following == 0x2E
                        }
                    }
                }
                if quickWord {
                    upper = upperCount
                    digits = digitCount
                    lower = length &- upperCount &- digitCount
                    end = i &+ length
                    next = end
                    if length < 8 {
                        hash = WordHash.hash(asciiWord: chunk & ((1 &<< UInt64(length &* 8)) &- 1), length: length)
                    } else {
                        let restBits = UInt64((length - 8) &* 8)
                        hash = WordHash.hash(asciiWord: chunk, rest: rest & ((1 &<< restBits) &- 1), length: length)
                    }
                    quick = true
                    consumed = 1
                }
            }
            if !quick {
                // ASCII letters and digits, the common case: eight bytes at a time, so a short word
                // costs no branch per byte; the last few bytes of the text go one at a time.
                var upperCount = 0
                var digitCount = 0
                while j + 8 <= n {
                    let run = asciiWordRun(UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + j).loadUnaligned(as: UInt64.self)))
                    upperCount &+= run.upper
                    digitCount &+= run.digits
                    j &+= run.length
                    if run.length < 8 { break }
                }
                while j + 8 > n, j < n {
                    let bits = wordBits[Int(p[j])]
                    if bits == 0 { break }
                    upperCount &+= Int(bits &>> 1 & 1)
                    digitCount &+= Int(bits &>> 2)
                    j += 1
                }
                upper = upperCount
                digits = digitCount
                lower = j - i - upperCount - digitCount
                end = j
                scan: while j < n {
                    let c = p[j]
                    if c == 0x20 { break scan }  // most words end at a space
                    // Decimal and thousands separators inside numbers: "5.75", "1,200".
                    if c == 0x2E || c == 0x2C, j > start, (p[j - 1] &- 0x30) < 10, j + 1 < n, (p[j + 1] &- 0x30) < 10 {
                        j += 1
                        continue scan
                    }
                    switch classes[Int(c)] {
                    case .lower:
                        lower += 1
                        j += 1
                        end = j
                        continue scan
                    case .upper:
                        upper += 1
                        j += 1
                        end = j
                        continue scan
                    case .digit:
                        digits += 1
                        j += 1
                        end = j
                        continue scan
                    case .nonASCII:
                        let (v, length) = UTF8Scan.scalar(p, j)
                        if UTF8Scan.isWordScalar(v) {
                            if UTF8Scan.isUppercase(v) { upper += 1 } else { lower += 1 }
                            j += length
                            end = j
                            continue scan
                        }
                        guard v == 0x2019 else { break scan }
                        fallthrough
                    case .apostrophe:
                        let length = c == 0x27 ? 1 : 3
                        let after = j + length
                        guard after < n, isWordStart(p, after) else { break scan }
                        var k = after
                        while k < n, classes[Int(p[k])] == .lower || classes[Int(p[k])] == .upper { k += 1 }
                        let tail = k - after
                        let tailEndsWord = k >= n || classes[Int(p[k])] != .nonASCII && !UTF8Scan.isAlnum(p[k])
                        if tailEndsWord && tail == 1 && (p[after] | 0x20) == 0x73 {
                            flags.insert(.possessive)  // "Assad’s": the "’s" is dropped
                            next = k
                            break scan
                        }
                        if tailEndsWord && isContraction(p, after, tail) {
                            // "don’t", "we’ll": one word.
                            lower += tail
                            j = k
                            end = k
                            continue scan
                        }
                        if j - partStart <= 4, upper == 0 {
                            // Elision: "l’", "d’", "dell’" are words of their own, apostrophe included.
                            end = after
                            j = after
                            break scan
                        }
                        // A name such as "O’Brien": keep going.
                        j = after
                        partStart = j
                        continue scan
                    case .hyphen:
                        guard j + 1 < n, isWordStart(p, j + 1) else { break scan }
                        j += 1
                        partStart = j
                        continue scan
                    default:
                        break scan
                    }
                }
            }
            if next < 0 { next = end }
            if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
            if digits > 0 { flags.insert(.hasDigit) }
            if upper + lower > 0 { flags.insert(.hasLetter) }
            if !quick {
                if flags.contains(.lowercased), upper > 0, hyphenBeforeCapital(p, start, end) { flags.insert(.particleName) }
                if next < n {
                    let following = p[next]
                    if following == 0x2E {
                        flags.insert(.period)
                        if upper == 1 && lower == 0 && digits == 0 && end - start == 1 { flags.insert(.initial) }
                    } else if following == 0x2C {
                        flags.insert(.comma)
                    }
                }
                hash = WordHash.hash(p.baseAddress! + start, end - start, readable: n - start)
                // Dotted acronyms: "U.S.", "U.N.".
                if flags.contains(.initial), next + 2 < n, isUpperASCII(p[next + 1]), p[next + 2] == 0x2E {
                    var k = next
                    while k + 2 < n, p[k] == 0x2E, isUpperASCII(p[k + 1]), p[k + 2] == 0x2E { k += 2 }
                    end = k + 1
                    next = end
                    flags.remove(.initial)
                    flags.remove(.period)
                    flags.insert(.allCaps)
                    hash = WordHash.hash(p.baseAddress! + start, end - start)
                }
            }
            if boundaryPending {
                if count > 0 { sentence &+= 1 }
                flags.insert(.sentenceStart)
                boundaryPending = false
            } else if sawTerminal, count > 0, startsSentence(flags, p, start) {
                let previous = tokens[count - 1]
                if !(previous.flags.contains(.initial) || (previous.flags.contains(.period) && previous.isA(Lexicon.abbreviation))) {
                    sentence &+= 1
                    flags.insert(.sentenceStart)
                }
            }
            sawTerminal = false
            let bits = digits > 0 ? 0 : (lexicon[hash] ?? 0)
            guard count < tokens.count else { return false }
            (tokens.baseAddress! + count).initialize(
                to: Token(
                    start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), hash: hash, flags: flags, lexicon: bits,
                    sentence: sentence, line: line))
            count += 1
            i = next + consumed
            sawTerminal = endsSentence
        }
        return true
    }

    /// Separators, hyphens and apostrophes between words: one test of a bit mask rather
    /// than a jump through the class.
    @inline(__always)
    static func isSkipped(_ kind: ByteClass) -> Bool {
        let skipped: UInt16 = 1 << ByteClass.separator.rawValue | 1 << ByteClass.hyphen.rawValue | 1 << ByteClass.apostrophe.rawValue
        return (skipped &>> UInt16(kind.rawValue)) & 1 != 0
    }

    /// How many of the eight bytes in `x` (lowest first) are ASCII letters and digits before
    /// the first other byte, and how many of those are capitals and digits.
    @inline(__always)
    static func asciiWordRun(_ x: UInt64) -> (length: Int, upper: Int, digits: Int) {
        let high = ByteSearch.highBits
        let lower = ByteSearch.rangeMask(x, 0x61, 0x7A)
        let upper = ByteSearch.rangeMask(x, 0x41, 0x5A)
        let digit = ByteSearch.rangeMask(x, 0x30, 0x39)
        let other = ~(lower | upper | digit) & high
        let length = other.trailingZeroBitCount &>> 3  // 8 when all eight belong to the word
        let inRun: UInt64 = length == 8 ? ~0 : (1 &<< UInt64(length &* 8)) &- 1
        return (length, ByteSearch.countFlags(upper & inRun), ByteSearch.countFlags(digit & inRun))
    }

    @inline(__always)
    static func isUpperASCII(_ b: UInt8) -> Bool { (b &- 0x41) < 26 }

    @inline(__always)
    static func isWordStart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return UTF8Scan.isAlnum(b) }
        return UTF8Scan.isWordScalar(UTF8Scan.scalar(p, i).value)
    }

    /// "t", "ll", "re", "ve", "d", "m" after an apostrophe: English contractions.
    static func isContraction(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ length: Int) -> Bool {
        let a = p[at] | 0x20
        if length == 1 { return a == 0x74 || a == 0x64 || a == 0x6D }
        if length == 2 {
            let b = p[at + 1] | 0x20
            return (a == 0x6C && b == 0x6C) || (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65)
        }
        return false
    }

    /// Whether a hyphen inside the word is followed by a capital ("al-Assad").
    static func hyphenBeforeCapital(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end {
            if p[k] == 0x2D { return k + 1 < end && isUpperASCII(p[k + 1]) }
            k += 1
        }
        return false
    }

    /// Whether a word can open a sentence: capitalized, a digit, or right after an opening quote.
    static func startsSentence(_ flags: Token.Flags, _ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        if flags.contains(.capitalized) || flags.contains(.hasDigit) && !flags.contains(.hasLetter) { return true }
        // “ is E2 80 9C.
        return start >= 3 && p[start - 1] == 0x9C && p[start - 2] == 0x80 && p[start - 3] == 0xE2
    }
}
