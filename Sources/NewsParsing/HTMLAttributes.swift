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
    var type: Range<Int>?
    var hidden = false
    var ariaHidden = false

    private enum Name: UInt8 {
        case classValue, id, property, name, content, itemprop, rel, datetime, lang, style, role, type, hidden, ariaHidden
    }

    private static let names = WordTable<Name>([
        ("class", .classValue), ("id", .id), ("property", .property), ("name", .name), ("content", .content),
        ("itemprop", .itemprop), ("rel", .rel), ("datetime", .datetime), ("lang", .lang), ("style", .style),
        ("role", .role), ("type", .type), ("hidden", .hidden), ("aria-hidden", .ariaHidden),
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
            case .type: type = value
            case .hidden: hidden = true
            case .ariaHidden:
                if let value, value.count == 4, UTF8Scan.hasPrefix(p, at: value.lowerBound, "true") { ariaHidden = true }
            }
        }
    }
}
