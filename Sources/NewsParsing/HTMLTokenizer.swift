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
