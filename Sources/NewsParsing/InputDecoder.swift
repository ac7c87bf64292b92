internal import CNewsText

/// Turns raw input bytes into valid UTF-8 and decides whether they are HTML.
///
/// This is the only place that looks at raw bytes: it rejects empty, binary and
/// undecodable input with a typed error, honours a declared charset (from the
/// Content-Type hint or `<meta charset>`), and rescues legacy Western pages by
/// decoding invalid bytes as windows-1252.
struct InputDecoder {
    /// What the rest of the parser works on.
    struct Decoded {
        /// Valid UTF-8, without a byte-order mark.
        var bytes: [UInt8]
        /// Whether the input is an HTML document.
        var isHTML: Bool
    }

    /// The charsets that can be decoded.
    enum Charset: Equatable {
        case utf8
        case windows1252
        case latin9
        /// Central European (Polish, Czech, Hungarian…): windows-1250 and ISO-8859-2.
        case windows1250
        case latin2
        case utf16LittleEndian
        case utf16BigEndian
        case unsupported(String)

        /// Maps a charset label (case-insensitive, as in HTTP and HTML) to a charset.
        init(label: String) {
            switch label.lowercased() {
            case "utf-8", "utf8", "unicode-1-1-utf-8":
                self = .utf8
            // WHATWG Encoding: latin-1 and ASCII labels mean windows-1252.
            case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819":
                self = .windows1252
            case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9":
                self = .latin9
            case "windows-1250", "cp1250", "x-cp1250": self = .windows1250
            case "iso-8859-2", "iso8859-2", "iso_8859-2", "latin2", "latin-2", "l2", "csisolatin2": self = .latin2
            case "utf-16le", "utf-16": self = .utf16LittleEndian
            case "utf-16be": self = .utf16BigEndian
            default: self = .unsupported(label)
            }
        }
    }

    /// A parsed MIME type hint such as "text/html; charset=windows-1252".
    struct ContentType {
        var mediaType: String
        var charset: String?

        init?(_ hint: String?) {
            guard let hint else { return nil }
            let parts = hint.split(separator: ";", omittingEmptySubsequences: false)
            mediaType = parts.first.map { $0.trimmingSpaces().lowercased() } ?? ""
            charset = nil
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "charset" else { continue }
                var value = pair[1].trimmingSpaces()
                value.removeAll { $0 == "\"" || $0 == "'" }
                charset = value
            }
            if mediaType.isEmpty && charset == nil { return nil }
        }

        /// True for HTML types, false for plain text, nil when the type says nothing useful.
        var isHTML: Bool? {
            if mediaType.contains("html") { return true }
            if mediaType.hasPrefix("text/") { return false }
            return nil
        }
    }

    /// Windows-1252 scalars for bytes 0x80...0x9F; zero marks the five undefined bytes.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Guessing windows-1252 is given up when more than this share of bytes is non-ASCII:
    /// Western text is mostly ASCII, while CJK legacy encodings are mostly high bytes.
    static let maximumLegacyHighByteShare = 0.30

    /// Input with more than this share of control bytes is treated as binary.
    static let maximumControlByteShare = 0.05

    /// Decodes `input`; `contentType` is the caller's MIME hint. `array`, when given, holds the
    /// same bytes as `input` and is returned as is when they need no change, saving a copy.
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, contentType hint: String?, array: [UInt8]? = nil
    ) throws(ArticleParseError) -> Decoded {
        var bytes = input
        /// `bytes` as an array: the caller's own when no byte-order mark was cut off.
        func unchanged() -> [UInt8] {
            if let array, array.count == bytes.count { return array }
            return Array(bytes)
        }
        let contentType = ContentType(hint)
        var declared = contentType?.charset.map(Charset.init(label:))

        // Byte-order marks decide the encoding outright.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            declared = .utf8
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return try decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: true, contentType: contentType)
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return try decodeUTF16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: false, contentType: contentType)
        }

        let invalidOffset = try checkTextLike(bytes, originalCount: input.count, base: input.count - bytes.count)

        let isHTML = contentType?.isHTML ?? looksLikeHTML(bytes)
        if isHTML, declared == nil, let label = sniffMetaCharset(bytes) {
            declared = Charset(label: label)
        }

        switch declared {
        case .windows1252?, .latin9?:
            // A legacy declaration on bytes that are valid UTF-8 with non-ASCII
            // sequences is a mislabelled UTF-8 page: real 1252 text almost never
            // forms valid multi-byte sequences.
            if invalidOffset == nil, hasNonASCII(bytes) {
                return Decoded(bytes: unchanged(), isHTML: isHTML)
            }
            return Decoded(bytes: decodeSingleByte(bytes, latin9: declared == .latin9), isHTML: isHTML)
        case .windows1250?, .latin2?:
            if invalidOffset == nil, hasNonASCII(bytes) {
                return Decoded(bytes: unchanged(), isHTML: isHTML)
            }
            return Decoded(
                bytes: decodeTable(bytes, declared == .windows1250 ? windows1250High : latin2High), isHTML: isHTML)
        case .utf16LittleEndian?, .utf16BigEndian?:
            if invalidOffset == nil { return Decoded(bytes: unchanged(), isHTML: isHTML) }
            throw ArticleParseError(
                .invalidEncoding,
                "input declares charset UTF-16 but has no byte-order mark and is not valid UTF-8 "
                    + "(first bad byte 0x\(hex(bytes[invalidOffset!])) at offset \(invalidOffset!) of "
                    + "\(ArticleParseError.grouped(input.count)) bytes); re-encode it as UTF-8 or add a BOM",
                byteOffset: invalidOffset)
        case .unsupported(let label)?:
            guard let invalidOffset else { return Decoded(bytes: unchanged(), isHTML: isHTML) }
            throw ArticleParseError(
                .invalidEncoding,
                "input declares charset \"\(label)\", which is not supported, and is not valid UTF-8 "
                    + "(first bad byte 0x\(hex(bytes[invalidOffset])) at offset \(invalidOffset)); "
                    + "supported charsets are UTF-8, UTF-16 with a BOM, windows-1252/ISO-8859-1, ISO-8859-15, "
                    + "windows-1250 and ISO-8859-2; "
                    + "re-encode the input as UTF-8",
                byteOffset: invalidOffset)
        case .utf8?, nil:
            guard let invalidOffset else { return Decoded(bytes: unchanged(), isHTML: isHTML) }
            return Decoded(
                bytes: try rescueInvalidUTF8(bytes, firstInvalid: invalidOffset, declaredUTF8: declared == .utf8),
                isHTML: isHTML)
        }
    }

    /// Throws `.empty` for whitespace-only input and `.binary` for NUL bytes or many control bytes;
    /// returns the offset of the first invalid UTF-8 sequence, nil when the bytes are valid UTF-8.
    /// Both checks share one pass, so plain ASCII (most of any text) is read once, sixteen bytes at a time.
    @discardableResult
    static func checkTextLike(
        _ bytes: UnsafeBufferPointer<UInt8>, originalCount: Int, base: Int = 0
    ) throws(ArticleParseError) -> Int? {
        var firstInvalid: Int?
        var firstNonSpace = -1
        var controls = 0
        var firstControl = -1
        var i = 0
        let count = bytes.count
        while i < count {
            // Printable ASCII is skipped up to the next control or non-ASCII byte (SSE2, in CNewsText);
            // until the first non-space byte the loop below looks at every byte.
            if firstNonSpace >= 0 {
                i = cnewstext_first_control_or_non_ascii(bytes.baseAddress!, count, i)
                if i == count { break }
            }
            let b = bytes[i]
            if b >= 0x80 {
                // Never a control byte nor a space. Until an invalid sequence is found, whole
                // sequences are validated and skipped; after it, only control bytes matter.
                if firstNonSpace < 0 { firstNonSpace = i }
                if firstInvalid == nil {
                    let length = UTF8Scan.validSequenceLength(bytes, i)
                    if length == 0 { firstInvalid = i }
                    i += max(length, 1)
                } else {
                    i += 1
                }
                continue
            }
            i += 1
            if b > 0x20 {
                if b == 0x7F {
                    controls += 1
                    if firstControl < 0 { firstControl = i - 1 }
                }
                if firstNonSpace < 0 { firstNonSpace = i - 1 }
                continue
            }
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x0B { continue }
            if b == 0 {
                throw ArticleParseError(
                    .binary,
                    "input looks binary: NUL byte at offset \(base + i - 1) of \(ArticleParseError.grouped(originalCount)) bytes; "
                        + "pass plain text or HTML (UTF-16 needs a byte-order mark)",
                    byteOffset: base + i - 1)
            }
            if b != 0x1B { controls += 1 }
            if firstControl < 0 { firstControl = i - 1 }
            if firstNonSpace < 0 { firstNonSpace = i - 1 }
        }
        if firstNonSpace < 0 {
            throw ArticleParseError(
                .empty,
                originalCount == 0
                    ? "input is empty (0 bytes); pass the article's text or HTML"
                    : "input holds only whitespace (\(ArticleParseError.grouped(originalCount)) bytes); pass the article's text or HTML")
        }
        if Double(controls) > Double(bytes.count) * maximumControlByteShare {
            throw ArticleParseError(
                .binary,
                "input looks binary: \(ArticleParseError.grouped(controls)) of \(ArticleParseError.grouped(bytes.count)) bytes "
                    + "are control characters (more than \(Int(maximumControlByteShare * 100))%), the first at offset \(base + firstControl); "
                    + "pass plain text or HTML",
                byteOffset: base + firstControl)
        }
        return firstInvalid
    }

    /// Whether the input starts like markup: "<" followed by a letter, "!" or "?".
    static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count, bytes[i] <= 0x20 { i += 1 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "<") else { return false }
        let next = bytes[i + 1]
        return next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || ((next | 0x20) &- 0x61) < 26
    }

    /// The charset of the first `<meta charset>` or `<meta http-equiv content="...; charset=">` in the first 4 KB.
    static func sniffMetaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, 4096)
        var i = 0
        while i + 5 < limit {
            if bytes[i] == UInt8(ascii: "<"), UTF8Scan.hasPrefix(bytes, at: i + 1, "meta") {
                var j = i + 5
                while j < limit, bytes[j] != UInt8(ascii: ">") {
                    if UTF8Scan.hasPrefix(bytes, at: j, "charset") {
                        var k = j + 7
                        while k < limit, bytes[k] == 0x20 { k += 1 }
                        guard k < limit, bytes[k] == UInt8(ascii: "=") else { j += 1; continue }
                        k += 1
                        while k < limit, bytes[k] == 0x20 || bytes[k] == 0x22 || bytes[k] == 0x27 { k += 1 }
                        let start = k
                        while k < limit, UTF8Scan.isAlnum(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x5F
                            || bytes[k] == 0x3A || bytes[k] == 0x2E
                        {
                            k += 1
                        }
                        if k > start {
                            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
                        }
                    }
                    j += 1
                }
                i = j
            }
            i += 1
        }
        return nil
    }

    static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    /// Windows-1250 scalars for bytes 0x80...0xFF (generated from the Unicode mapping); zero: undefined.
    static let windows1250High: [UInt32] = [
        0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021,
        0x0000, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,
        0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0000, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,
        0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
        0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,
        0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
        0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
        0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
        0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
        0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
        0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    ]

    /// ISO-8859-2 scalars for bytes 0x80...0xFF (generated from the Unicode mapping).
    static let latin2High: [UInt32] = [
        0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087,
        0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,
        0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
        0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,
        0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7,
        0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,
        0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
        0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,
        0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
        0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
        0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
        0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
        0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
        0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    ]

    /// Decodes a single-byte charset given by its table of high bytes; undefined bytes are dropped.
    static func decodeTable(_ bytes: UnsafeBufferPointer<UInt8>, _ high: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                let scalar = high[Int(b - 0x80)]
                if scalar != 0 { appendScalar(scalar, to: &out) }
            }
        }
        return out
    }

    /// Decodes windows-1252 (or ISO-8859-15) into UTF-8; undefined bytes are dropped.
    static func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>, latin9: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                appendScalar(singleByteScalar(b, latin9: latin9), to: &out)
            }
        }
        return out
    }

    /// The scalar for a high byte in windows-1252 or ISO-8859-15 (0 when undefined).
    @inline(__always)
    static func singleByteScalar(_ b: UInt8, latin9: Bool) -> UInt32 {
        if b < 0xA0 { return latin9 ? UInt32(b) : windows1252High[Int(b - 0x80)] }
        if latin9 {
            switch b {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: break
            }
        }
        return UInt32(b)
    }

    /// Keeps valid UTF-8 sequences and reads each invalid byte as windows-1252, unless
    /// the bytes are clearly some other encoding (too many high bytes, undefined bytes).
    static func rescueInvalidUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, firstInvalid: Int, declaredUTF8: Bool
    ) throws(ArticleParseError) -> [UInt8] {
        var high = 0
        for b in bytes where b >= 0x80 { high += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var undefined = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let rest = UnsafeBufferPointer(rebasing: bytes[i..<min(bytes.count, i + 4)])
            let length = UTF8Scan.scalar(rest, 0).length
            if length > 1, UTF8Scan.firstInvalidOffset(UnsafeBufferPointer(rebasing: rest[0..<length])) == nil {
                out.append(contentsOf: rest[0..<length])
                i += length
                continue
            }
            let scalar = singleByteScalar(b, latin9: false)
            if scalar == 0 { undefined += 1 } else { appendScalar(scalar, to: &out) }
            i += 1
        }
        let share = Double(high) / Double(max(bytes.count, 1))
        if share > maximumLegacyHighByteShare || undefined * 100 > max(high, 1) {
            let percent = Int((share * 100).rounded())
            throw ArticleParseError(
                .invalidEncoding,
                "input is not valid UTF-8 (first bad byte 0x\(hex(bytes[firstInvalid])) at offset \(firstInvalid) of "
                    + "\(ArticleParseError.grouped(bytes.count)) bytes)\(declaredUTF8 ? " although it declares UTF-8" : "") "
                    + "and does not look like windows-1252 either (\(percent)% non-ASCII bytes, \(undefined) undefined); "
                    + "re-encode it as UTF-8 or pass its charset in the content type",
                byteOffset: firstInvalid)
        }
        return out
    }

    /// Decodes UTF-16 (after its byte-order mark) into UTF-8.
    static func decodeUTF16(
        _ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool, contentType: ContentType?
    ) throws(ArticleParseError) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if units.contains(0) {
            let index = units.firstIndex(of: 0)! * 2 + 2
            throw ArticleParseError(
                .binary, "UTF-16 input holds a NUL character at byte offset \(index); pass plain text or HTML",
                byteOffset: index)
        }
        let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
        let decoded = try utf8.withUnsafeBufferPointer { (p) throws(ArticleParseError) -> Decoded in
            try checkTextLike(p, originalCount: bytes.count + 2)
            return Decoded(bytes: utf8, isHTML: contentType?.isHTML ?? looksLikeHTML(p))
        }
        return decoded
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func appendScalar(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
