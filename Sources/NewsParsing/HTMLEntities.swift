/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2014;`) into UTF-8.
///
/// Named references cover HTML's Latin-1 set plus the typographic ones news
/// pages use; numeric references in 128...159 are read as windows-1252, as
/// browsers do. Unknown or malformed references are kept as written.
enum HTMLEntities {
    /// Named references → scalar values (case-sensitive, as in HTML).
    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
            "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
            "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039,
            "rsaquo": 0x203A, "bull": 0x2022, "middot": 0xB7, "euro": 0x20AC, "trade": 0x2122, "copy": 0xA9,
            "reg": 0xAE, "deg": 0xB0, "times": 0xD7, "divide": 0xF7, "minus": 0x2212, "prime": 0x2032,
            "Prime": 0x2033, "zwj": 0x200D, "zwnj": 0x200C, "lrm": 0x200E, "rlm": 0x200F, "thinsp": 0x2009,
            "ensp": 0x2002, "emsp": 0x2003, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "OElig": 0x152,
            "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6,
            "tilde": 0x2DC, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665,
            "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3,
        ]
        // ISO-8859-1 letters and symbols, 0xA1...0xFF, in order.
        let latin1 = """
            iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute \
            micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
            Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc \
            Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml \
            aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc \
            otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = 0xA1 + UInt32(offset)
        }
        return table
    }()

    /// Decodes the reference starting at `p[start]` (an "&"), appending to `out`.
    /// Returns the index after the reference, or nil when it is not one (the "&" is then literal).
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, into out: inout [UInt8]) -> Int? {
        var i = start + 1
        guard i < end else { return nil }
        if p[i] == 0x23 {  // "#"
            i += 1
            var hex = false
            if i < end, p[i] | 0x20 == 0x78 {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            let digitsStart = i
            while i < end, i - digitsStart < 8 {
                let b = p[i]
                if (b &- 0x30) < 10 {
                    value = value &* (hex ? 16 : 10) &+ UInt32(b - 0x30)
                } else if hex, ((b | 0x20) &- 0x61) < 6 {
                    value = value &* 16 &+ UInt32((b | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < end, p[i] == 0x3B { i += 1 }
            if value >= 0x80 && value < 0xA0 {
                value = InputDecoder.windows1252High[Int(value - 0x80)]
            }
            if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000) { value = 0xFFFD }
            InputDecoder.appendScalar(value, to: &out)
            return i
        }
        let nameStart = i
        while i < end, i - nameStart < 10, UTF8Scan.isAlnum(p[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<i]), as: UTF8.self)
        guard let value = named[name] else { return nil }
        if i < end, p[i] == 0x3B { i += 1 }
        InputDecoder.appendScalar(value, to: &out)
        return i
    }

    /// Appends `p[range]` to `out`, decoding character references.
    static func appendDecoding(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        while let ampersand = ByteSearch.find(0x26, in: p, from: i, to: range.upperBound) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<ampersand]))
            if let next = decode(p, at: ampersand, end: range.upperBound, into: &out) {
                i = next
            } else {
                out.append(0x26)
                i = ampersand + 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<range.upperBound]))
    }

    /// Decodes an attribute value into a string.
    static func string(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        appendDecoding(p, range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
