/// Recognizes a wire-style dateline at the start of the first paragraph.
///
/// "BANDAR SERI BEGAWAN, Brunei — …" gives "BANDAR SERI BEGAWAN, Brunei";
/// "MOSCOW (AP) — …" gives "MOSCOW"; "PARIS, June 4 (Reuters) - …" gives
/// "PARIS". The place must be in capitals, or be followed by an agency in
/// parentheses ("Berlin (dpa) –"); a date after the place is skipped.
enum DatelineParser {
    struct Dateline {
        /// The place as written, e.g. "BANDAR SERI BEGAWAN, Brunei".
        var place: String
        /// The place's parts, for the list of places ("BANDAR SERI BEGAWAN", "Brunei").
        var parts: [String]
        /// Where the paragraph's own text starts, after the separator.
        var bodyStart: Int
    }

    /// The longest dateline prefix considered, in bytes.
    static let maximumLength = 90

    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> Dateline? {
        let n = min(p.count, maximumLength + 8)
        var i = 0
        // The place: words until ",", "(" or a dash.
        var letters = 0
        var lowercase = 0
        while i < n {
            let b = p[i]
            if b == 0x2C || b == 0x28 || isDash(p, i) != nil { break }
            if ((b | 0x20) &- 0x61) < 26 {
                letters += 1
                if (b &- 0x61) < 26 { lowercase += 1 }
            } else if b >= 0x80 {
                let (v, length) = UTF8Scan.scalar(p, i)
                if UTF8Scan.isLowercase(v) { lowercase += 1; letters += 1 } else if UTF8Scan.isUppercase(v) { letters += 1 } else if !UTF8Scan.isWordScalar(v) && v != 0x2019 { return nil }
                i += length
                continue
            } else if !(b == 0x20 || b == 0x2E || b == 0x27 || b == 0x2D) {
                return nil
            }
            i += 1
        }
        guard letters >= 3, i < n else { return nil }
        var placeEnd = i
        while placeEnd > 0, p[placeEnd - 1] == 0x20 { placeEnd -= 1 }
        let capitals = lowercase == 0
        var parts: [String] = []
        parts.reserveCapacity(4)  // a dateline has at most three
        parts.append(string(p, 0..<placeEnd))
        var datelineEnd = placeEnd
        var sawAgency = false
        // Optional ", Region" parts and a ", June 4" date.
        while i < n, p[i] == 0x2C {
            var j = i + 1
            while j < n, p[j] == 0x20 { j += 1 }
            let start = j
            while j < n, p[j] != 0x2C, p[j] != 0x28, isDash(p, j) == nil { j += 1 }
            var end = j
            while end > start, p[end - 1] == 0x20 { end -= 1 }
            guard end > start, end - start <= 40 else { return nil }
            let segment = UnsafeBufferPointer(rebasing: p[start..<end])
            if isDate(segment) {
                i = j
                continue
            }
            guard isRegion(segment) else { return nil }
            parts.append(string(p, start..<end))
            datelineEnd = end
            i = j
        }
        while i < n, p[i] == 0x20 { i += 1 }
        // Optional "(AP)".
        if i < n, p[i] == 0x28 {
            var j = i + 1
            while j < n, p[j] != 0x29, j - i < 30 { j += 1 }
            guard j < n, p[j] == 0x29 else { return nil }
            sawAgency = true
            i = j + 1
            while i < n, p[i] == 0x20 { i += 1 }
        }
        guard capitals || sawAgency, parts.count <= 3 else { return nil }
        // The separator ("—", "-", ":" or EFE's ".-").
        var bodyStart: Int
        if sawAgency, i + 1 < n, p[i] == 0x2E, p[i + 1] == 0x2D {
            bodyStart = i + 2
        } else if let dash = isDash(p, i) {
            bodyStart = i + dash
        } else if i < n, p[i] == 0x3A, capitals {
            bodyStart = i + 1
        } else {
            return nil
        }
        while bodyStart < p.count, p[bodyStart] == 0x20 { bodyStart += 1 }
        guard bodyStart < p.count else { return nil }
        return Dateline(place: string(p, 0..<datelineEnd), parts: parts, bodyStart: bodyStart)
    }

    /// The length of a dash separator at `i` ("—", "–", "-", "--"), or nil. A hyphen must stand alone.
    static func isDash(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < p.count else { return nil }
        if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x94 || p[i + 2] == 0x93 { return 3 }
        if p[i] == 0x2D, i > 0, p[i - 1] == 0x20 {
            if i + 1 < p.count, p[i + 1] == 0x2D { return 2 }
            if i + 1 < p.count, p[i + 1] == 0x20 { return 1 }
        }
        return nil
    }

    /// "Brunei", "Calif.", "D.C.", "Northern Ireland": capitalized words only.
    static func isRegion(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var atWordStart = true
        for i in 0..<p.count {
            let b = p[i]
            if b == 0x20 {
                atWordStart = true
                continue
            }
            if atWordStart {
                words += 1
                let upper = (b &- 0x41) < 26 || (b >= 0xC3 && b <= 0xD0)
                if !upper { return false }
                atWordStart = false
            }
        }
        return words >= 1 && words <= 4
    }

    /// "June 4", "4 juin": a month name with a day.
    static func isDate(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasDigit = false
        var hasMonth = false
        var wordStart = -1
        var wordIsASCII = true
        for i in 0...p.count {
            let b: UInt8 = i < p.count ? p[i] : 0x20
            if (b &- 0x30) < 10 { hasDigit = true }
            if b >= 0x80 || ((b | 0x20) &- 0x61) < 26 {
                if wordStart < 0 {
                    wordStart = i
                    wordIsASCII = true
                }
                if b >= 0x80 { wordIsASCII = false }
            } else if wordStart >= 0 {
                if !hasMonth, isMonth(UnsafeBufferPointer(rebasing: p[wordStart..<i]), ascii: wordIsASCII) { hasMonth = true }
                wordStart = -1
            }
        }
        return hasMonth && hasDigit
    }

    /// Whether a word (letters only) is a month name, its ASCII letters compared without case.
    /// ASCII words are looked up by ``WordHash`` in the ``Lexicon``, whose month bit marks the
    /// keys of ``DateParser/months``: no String to build. Other words keep the String lookup,
    /// which folds only ASCII letters where the hash would fold accented capitals too.
    private static func isMonth(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Bool {
        if ascii {
            return Lexicon.table[WordHash.hash(word.baseAddress!, word.count)].map { $0 & Lexicon.month != 0 } ?? false
        }
        return DateParser.months[String(decoding: word.map(UTF8Scan.lower), as: UTF8.self)] != nil
    }

    static func string(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
    }
}
