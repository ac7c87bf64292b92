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
