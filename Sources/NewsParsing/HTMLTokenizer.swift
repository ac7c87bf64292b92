/// The HTML elements the parser tells apart; everything else is `.other`.
enum HTMLTag: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base, script, style, noscript, template, svg, math, canvas, iframe
    case object, embed, nav, header, footer, aside, form, button, select, option, textarea, input, label, dialog
    case menu, figure, figcaption, video, audio, picture, source, track, map, area, main, article, section, div
    case p, span, a, br, hr, img, wbr, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table
    case thead, tbody, tfoot, tr, td, th, caption, time, address, details, summary, center, col, param, xmp
    case noembed, noframes, fieldset, legend, q

    static let byName: WordTable<HTMLTag> = {
        let all: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .base, .script, .style, .noscript, .template, .svg, .math,
            .canvas, .iframe, .object, .embed, .nav, .header, .footer, .aside, .form, .button, .select, .option,
            .textarea, .input, .label, .dialog, .menu, .figure, .figcaption, .video, .audio, .picture, .source,
            .track, .map, .area, .main, .article, .section, .div, .p, .span, .a, .br, .hr, .img, .wbr, .h1, .h2,
            .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot,
            .tr, .td, .th, .caption, .time, .address, .details, .summary, .center, .col, .param, .xmp, .noembed,
            .noframes, .fieldset, .legend, .q,
        ]
        return WordTable(all.map { ("\($0)", $0) })
    }()

    /// Tags of up to eight letters by their packed lowercase name (cheaper than hashing, also in debug builds).
    static let byPackedName: WordTable<HTMLTag> = {
        var entries: [(UInt64, HTMLTag)] = []
        for value in 1...UInt8.max {
            guard let tag = HTMLTag(rawValue: value) else { break }
            let name = Array("\(tag)".utf8)
            guard name.count <= 8 else { continue }
            var packed: UInt64 = 0
            for (index, byte) in name.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
            entries.append((scramble(packed), tag))
        }
        return WordTable(hashedEntries: entries, keepFirst: true)
    }()

    /// Spreads a packed name over the table's slots.
    @inline(__always)
    static func scramble(_ packed: UInt64) -> UInt64 {
        let h = packed &* 0x9E37_79B9_7F4A_7C15
        return (h ^ (h &>> 29)) | 1
    }

    /// Elements that never have content or an end tag.
    var isVoid: Bool {
        switch self {
        case .meta, .link, .base, .br, .hr, .img, .wbr, .input, .source, .track, .area, .col, .param, .embed: return true
        default: return false
        }
    }

    /// Elements whose content is raw text up to their end tag.
    var isRawText: Bool {
        switch self {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes: return true
        default: return false
        }
    }

    /// Elements that start a new block of text.
    var isBlock: Bool {
        switch self {
        case .html, .head, .body, .title, .address, .article, .aside, .blockquote, .center, .dd, .details, .dialog,
            .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header,
            .hr, .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody, .thead, .tfoot, .tr,
            .td, .th, .caption, .ul, .option, .br, .legend, .noscript, .select, .textarea, .button:
            return true
        default:
            return false
        }
    }

    /// Heading level 1...6, or 0.
    var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }
}

/// The attributes of a start tag that the parser uses, as byte ranges of their values.
struct HTMLAttributes {
    var classValue: Range<Int>?
    var id: Range<Int>?
    var property: Range<Int>?
    var name: Range<Int>?
    var content: Range<Int>?
    var itemprop: Range<Int>?
    var rel: Range<Int>?
    var datetime: Range<Int>?
    var lang: Range<Int>?
    var style: Range<Int>?
    var role: Range<Int>?
    var hidden = false
    var ariaHidden = false

    private enum Name: UInt8 {
        case classValue, id, property, name, content, itemprop, rel, datetime, lang, style, role, hidden, ariaHidden
    }

    private static let names = WordTable<Name>([
        ("class", .classValue), ("id", .id), ("property", .property), ("name", .name), ("content", .content),
        ("itemprop", .itemprop), ("rel", .rel), ("datetime", .datetime), ("lang", .lang), ("style", .style),
        ("role", .role), ("hidden", .hidden), ("aria-hidden", .ariaHidden),
    ])

    /// Parses the attributes in `p[range]` (the part of a tag after its name).
    init(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, p[i] <= 0x20 || p[i] == 0x2F { i += 1 }
            let nameStart = i
            while i < end, p[i] > 0x20, p[i] != 0x3D, p[i] != 0x3E, p[i] != 0x2F { i += 1 }
            let nameEnd = i
            guard nameEnd > nameStart else {
                i += 1
                continue
            }
            while i < end, p[i] <= 0x20 { i += 1 }
            var value: Range<Int>?
            if i < end, p[i] == 0x3D {
                i += 1
                while i < end, p[i] <= 0x20 { i += 1 }
                if i < end, p[i] == 0x22 || p[i] == 0x27 {
                    let quote = p[i]
                    let start = i + 1
                    let close = ByteSearch.find(quote, in: p, from: start, to: end) ?? end
                    value = start..<close
                    i = close + 1
                } else {
                    let start = i
                    while i < end, p[i] > 0x20, p[i] != 0x3E { i += 1 }
                    value = start..<i
                }
            }
            guard let which = HTMLAttributes.names[WordHash.hash(p.baseAddress! + nameStart, nameEnd - nameStart)] else { continue }
            switch which {
            case .classValue: classValue = value
            case .id: id = value
            case .property: property = value
            case .name: name = value
            case .content: content = value
            case .itemprop: itemprop = value
            case .rel: rel = value
            case .datetime: datetime = value
            case .lang: lang = value
            case .style: style = value
            case .role: role = value
            case .hidden: hidden = true
            case .ariaHidden:
                if let value, value.count == 4, UTF8Scan.hasPrefix(p, at: value.lowerBound, "true") { ariaHidden = true }
            }
        }
    }
}

/// A tolerant HTML tokenizer over UTF-8 bytes.
///
/// It never fails: stray "<", unclosed comments, unquoted or unterminated
/// attributes and missing end tags all produce some sensible token stream.
/// Text and raw-text content are returned as byte ranges, without copying.
/// It uses `memchr` to jump between "<" and ">", so big pages stay fast even
/// in debug builds.
struct HTMLTokenizer {
    enum Token {
        case text(Range<Int>)
        /// A start tag; `attributes` is the part of the tag after its name.
        case startTag(HTMLTag, attributes: Range<Int>, selfClosing: Bool)
        case endTag(HTMLTag)
        /// The content of a raw-text element (script, style, title, textarea...).
        case rawText(HTMLTag, Range<Int>)
    }

    let p: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var pendingRawText: HTMLTag?

    init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
    }

    mutating func next() -> Token? {
        let n = p.count
        if let tag = pendingRawText {
            pendingRawText = nil
            let start = position
            let end = rawTextEnd(tag, from: start)
            position = end
            return .rawText(tag, start..<end)
        }
        while position < n {
            let start = position
            if p[start] != 0x3C {
                let end = ByteSearch.find(0x3C, in: p, from: start + 1, to: n) ?? n
                position = end
                return .text(start..<end)
            }
            guard start + 1 < n else {
                position = n
                return .text(start..<n)
            }
            let c = p[start + 1]
            if c == 0x21 {  // "<!"
                if start + 3 < n, p[start + 2] == 0x2D, p[start + 3] == 0x2D {
                    position = commentEnd(from: start + 4)
                } else {
                    position = (ByteSearch.find(0x3E, in: p, from: start + 2, to: n) ?? (n - 1)) + 1
                }
                continue
            }
            if c == 0x3F {  // "<?"
                position = (ByteSearch.find(0x3E, in: p, from: start + 2, to: n) ?? (n - 1)) + 1
                continue
            }
            if c == 0x2F {  // "</"
                var i = start + 2
                let nameStart = i
                while i < n, isNameByte(p[i]) { i += 1 }
                let tag = i > nameStart ? tagFor(nameStart..<i) : nil
                position = tagEnd(from: i)
                if let tag { return .endTag(tag) }
                continue
            }
            if ((c | 0x20) &- 0x61) < 26 {
                var i = start + 1
                while i < n, isNameByte(p[i]) { i += 1 }
                let tag = tagFor((start + 1)..<i) ?? .other
                let end = tagEnd(from: i)
                position = end
                let attributesEnd = max(i, end - 1)
                let selfClosing = attributesEnd > i && p[attributesEnd - 1] == 0x2F
                if tag.isRawText && !selfClosing { pendingRawText = tag }
                return .startTag(tag, attributes: i..<attributesEnd, selfClosing: selfClosing)
            }
            // A "<" that starts no tag is text.
            let end = ByteSearch.find(0x3C, in: p, from: start + 1, to: n) ?? n
            position = end
            return .text(start..<end)
        }
        return nil
    }

    @inline(__always)
    private func isNameByte(_ b: UInt8) -> Bool {
        UTF8Scan.isAlnum(b) || b == 0x2D || b == 0x3A || b == 0x5F
    }

    private func tagFor(_ range: Range<Int>) -> HTMLTag? {
        if range.count <= 8 {
            var packed: UInt64 = 0
            var shift: UInt64 = 0
            for k in range {
                packed |= UInt64(p[k] | 0x20) &<< shift
                shift += 8
            }
            return HTMLTag.byPackedName[HTMLTag.scramble(packed)] ?? .other
        }
        return HTMLTag.byName[WordHash.hash(p.baseAddress! + range.lowerBound, range.count)] ?? .other
    }

    /// The index after the ">" that ends a tag, skipping quoted attribute values.
    private func tagEnd(from start: Int) -> Int {
        let n = p.count
        guard let close = ByteSearch.find(0x3E, in: p, from: start, to: n) else { return n }
        // Fast path: no quotes before the ">".
        if ByteSearch.find(0x22, in: p, from: start, to: close) == nil && ByteSearch.find(0x27, in: p, from: start, to: close) == nil {
            return close + 1
        }
        var i = start
        var quote: UInt8 = 0
        var sawEquals = false
        while i < n {
            let b = p[i]
            if quote != 0 {
                if b == quote {
                    quote = 0
                } else if let next = ByteSearch.find(quote, in: p, from: i, to: n) {
                    i = next
                    continue
                } else {
                    return close + 1  // an unterminated quote: fall back to the first ">"
                }
            } else if b == 0x3E {
                return i + 1
            } else if (b == 0x22 || b == 0x27) && sawEquals {
                quote = b
            } else if b == 0x3D {
                sawEquals = true
            } else if b > 0x20 {
                sawEquals = false
            }
            i += 1
        }
        return n
    }

    /// The index after "-->", or the end of the input.
    private func commentEnd(from start: Int) -> Int {
        var i = start
        while let close = ByteSearch.find(0x3E, in: p, from: i, to: p.count) {
            if close >= start + 2, p[close - 1] == 0x2D, p[close - 2] == 0x2D { return close + 1 }
            i = close + 1
        }
        return p.count
    }

    /// Where a raw-text element's content ends: at "</name" (any case), or the end of the input.
    private func rawTextEnd(_ tag: HTMLTag, from start: Int) -> Int {
        let name = Array("\(tag)".utf8)
        var i = start
        while let open = ByteSearch.find(0x3C, in: p, from: i, to: p.count) {
            if open + 1 < p.count, p[open + 1] == 0x2F, UTF8Scan.hasPrefix(p, at: open + 2, name) {
                let after = open + 2 + name.count
                if after >= p.count || !isNameByte(p[after]) { return open }
            }
            i = open + 1
        }
        return p.count
    }
}
