/// A flat model of an HTML page: its elements (with parent links and
/// chrome/article hints), its text blocks and its metadata.
///
/// Built in one pass over ``HTMLTokenizer``'s tokens with an open-element
/// stack that repairs sloppy markup (unclosed `<p>` and `<li>`, stray end
/// tags). Text inside chrome elements (nav, footer, share widgets, cookie
/// banners...) is kept only as far as needed to explain what was removed.
struct HTMLDocument {
    struct Element {
        var tag: HTMLTag
        var parent: Int32
        var flags: Flags
    }

    /// Bit flags of an element (a plain struct rather than an `OptionSet`, whose generic
    /// operations are slow in debug builds, where 20 MB pages must still parse quickly).
    struct Flags: Equatable {
        var rawValue: UInt16
        /// The element or an ancestor is chrome.
        static let removed = Flags(rawValue: 1 << 0)
        /// Removed, but its text is visible on the page (a menu, not a script).
        static let visible = Flags(rawValue: 1 << 1)
        /// An article container: `<article>`, `<main>`, `itemprop="articleBody"`, `role="main"`.
        static let container = Flags(rawValue: 1 << 2)
        static let byline = Flags(rawValue: 1 << 3)
        static let deck = Flags(rawValue: 1 << 4)
        static let link = Flags(rawValue: 1 << 5)
        /// A positive class word ("article-body", "story").
        static let positive = Flags(rawValue: 1 << 6)
        static let block = Flags(rawValue: 1 << 7)
        static let none = Flags(rawValue: 0)
        static let visibleChrome = Flags(rawValue: removed.rawValue | visible.rawValue)

        @inline(__always) func contains(_ flag: Flags) -> Bool { rawValue & flag.rawValue == flag.rawValue }
        @inline(__always) mutating func insert(_ flag: Flags) { rawValue |= flag.rawValue }
    }

    /// A run of text between block boundaries.
    struct Block {
        /// The innermost block-level element holding the text.
        var element: Int32
        var tag: HTMLTag
        var text: Range<Int>
        var linkBytes: Int
        var removed: Bool
        var insideContainer: Bool
        var byline: Bool
        var deck: Bool
    }

    struct Metadata {
        var documentTitle: String?
        var ogTitle: String?
        var siteName: String?
        var description: String?
        var author: String?
        var published: String?
        var timeDatetime: String?
        var language: String?
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    /// Decoded text of all blocks, back to back (raw whitespace).
    var text: [UInt8] = []
    var metadata = Metadata()

    /// Open elements deeper than this are not tracked (their text still is).
    static let maximumDepth = 400
    /// How far down the stack an end tag looks for its start tag.
    static let endTagSearchDepth = 64
    /// Text kept from removed blocks, for `removedLines`.
    static let removedTextBudget = 64 * 1024

    enum ClassRole: UInt8 {
        case strongNegative, weakNegative, positive, deck, byline
    }

    static let classRoles: WordTable<ClassRole> = {
        var entries: [(String, ClassRole)] = []
        entries += BoilerplateRules.positiveClassWords.map { ($0, .positive) }
        entries += BoilerplateRules.weakNegativeClassWords.map { ($0, .weakNegative) }
        entries += BoilerplateRules.deckClassWords.map { ($0, .deck) }
        entries += BoilerplateRules.bylineClassWords.map { ($0, .byline) }
        entries += BoilerplateRules.strongNegativeClassWords.map { ($0, .strongNegative) }
        return WordTable(entries)
    }()

    /// Lookup tables by tag raw value (faster than `Set` in debug builds).
    static let droppedTags = table(BoilerplateRules.droppedElements.compactMap { HTMLTag.byName[WordHash.hash($0)] })
    static let droppedOutsideContainer = table(BoilerplateRules.droppedOutsideArticle.compactMap { HTMLTag.byName[WordHash.hash($0)] })
    static let invisibleTags = table([
        .script, .style, .noscript, .template, .svg, .math, .canvas, .iframe, .object, .embed, .head, .select,
        .option, .textarea, .input, .video, .audio, .picture, .map,
    ])

    static func table(_ tags: [HTMLTag]) -> [Bool] {
        var result = [Bool](repeating: false, count: 256)
        for tag in tags { result[Int(tag.rawValue)] = true }
        return result
    }

    // MARK: Building

    private var stack: [Int32] = []
    private var blockStack: [Int32] = []
    private var containerDepth = 0
    private var bylineDepth = 0
    private var deckDepth = 0
    private var linkDepth = 0
    private var blockStart = 0
    private var blockLinkBytes = 0
    private var removedTextKept = 0

    init(_ p: UnsafeBufferPointer<UInt8>) {
        text.reserveCapacity(p.count / 3)
        elements.append(Element(tag: .other, parent: -1, flags: .block))  // the document root
        stack.append(0)
        blockStack.append(0)
        var tokenizer = HTMLTokenizer(p)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                appendText(p, range)
            case .startTag(let tag, let attributes, let selfClosing):
                startTag(p, tag, attributes, selfClosing: selfClosing)
            case .endTag(let tag):
                endTag(tag)
            case .rawText(let tag, let range):
                if tag == .title, metadata.documentTitle == nil {
                    metadata.documentTitle = HTMLEntities.string(p, range)
                }
            }
        }
        flushBlock()
    }

    private var top: Element { elements[Int(stack[stack.count - 1])] }

    private mutating func appendText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let current = top
        let blockElement = elements[Int(blockStack[blockStack.count - 1])]
        if current.flags.contains(.removed) {
            // Chrome text: dropped, or kept (within budget) when the whole block is visible chrome.
            guard blockElement.flags.contains(.removed), current.flags.contains(.visible),
                removedTextKept < HTMLDocument.removedTextBudget
            else { return }
            removedTextKept += range.count
        }
        let before = text.count
        HTMLEntities.appendDecoding(p, range, to: &text)
        if linkDepth > 0 { blockLinkBytes += text.count - before }
    }

    private mutating func flushBlock() {
        defer {
            blockStart = text.count
            blockLinkBytes = 0
        }
        guard text.count > blockStart else { return }
        // Whitespace only?
        var k = blockStart
        while k < text.count, text[k] <= 0x20 { k += 1 }
        guard k < text.count else {
            text.removeSubrange(blockStart..<text.count)
            return
        }
        let elementIndex = blockStack[blockStack.count - 1]
        let element = elements[Int(elementIndex)]
        blocks.append(
            Block(
                element: elementIndex, tag: element.tag, text: blockStart..<text.count, linkBytes: blockLinkBytes,
                removed: element.flags.contains(.removed), insideContainer: containerDepth > 0,
                byline: bylineDepth > 0, deck: deckDepth > 0))
    }

    private mutating func startTag(_ p: UnsafeBufferPointer<UInt8>, _ tag: HTMLTag, _ range: Range<Int>, selfClosing: Bool) {
        let attributes = HTMLAttributes(p, range)
        if tag == .meta {
            readMeta(p, attributes)
            return
        }
        if tag == .html, let lang = attributes.lang {
            metadata.language = HTMLEntities.string(p, lang)
        }
        if tag == .time, let datetime = attributes.datetime {
            let value = HTMLEntities.string(p, datetime)
            let preferred = attributes.itemprop.map { HTMLEntities.string(p, $0).lowercased().contains("datepublished") } ?? false
            if metadata.timeDatetime == nil || preferred { metadata.timeDatetime = value }
        }
        if tag.isBlock { flushBlock() }
        if tag == .br || tag == .hr { return }
        if tag.isVoid || selfClosing { return }

        // Implicitly closed elements.
        closeImplied(by: tag)

        let parent = stack[stack.count - 1]
        let parentFlags = elements[Int(parent)].flags
        var flags: Flags = tag.isBlock ? .block : .none
        if parentFlags.contains(.removed) {
            flags.insert(.removed)
            if parentFlags.contains(.visible) && !HTMLDocument.invisibleTags[Int(tag.rawValue)] { flags.insert(.visible) }
        } else {
            let classRole = classify(p, attributes)
            let isContainerTag = tag == .article || tag == .main
            var container = isContainerTag
            if let itemprop = attributes.itemprop, UTF8Scan.hasPrefix(p, at: itemprop.lowerBound, "articlebody") { container = true }
            if let role = attributes.role {
                if UTF8Scan.hasPrefix(p, at: role.lowerBound, "main") { container = true }
                if !container && (UTF8Scan.hasPrefix(p, at: role.lowerBound, "navigation")
                    || UTF8Scan.hasPrefix(p, at: role.lowerBound, "complementary")
                    || UTF8Scan.hasPrefix(p, at: role.lowerBound, "banner")
                    || UTF8Scan.hasPrefix(p, at: role.lowerBound, "contentinfo"))
                {
                    flags.insert(.visibleChrome)
                }
            }
            if container { flags.insert(.container) }
            let hidden = attributes.hidden || attributes.ariaHidden || isHiddenStyle(p, attributes.style)
            if HTMLDocument.droppedTags[Int(tag.rawValue)] {
                flags.insert(.removed)
                if !HTMLDocument.invisibleTags[Int(tag.rawValue)] { flags.insert(.visible) }
            } else if HTMLDocument.droppedOutsideContainer[Int(tag.rawValue)] && containerDepth == 0 {
                flags.insert(.visibleChrome)
            } else if hidden {
                flags.insert(.removed)
            } else if !container && tag != .body && tag != .html {
                switch classRole {
                case .strongNegative?, .weakNegative?: flags.insert(.visibleChrome)
                default: break
                }
            }
            if classRole == .positive { flags.insert(.positive) }
            if classRole == .byline { flags.insert(.byline) }
            if classRole == .deck { flags.insert(.deck) }
            if let itemprop = attributes.itemprop {
                if UTF8Scan.hasPrefix(p, at: itemprop.lowerBound, "author") { flags.insert(.byline) }
                if UTF8Scan.hasPrefix(p, at: itemprop.lowerBound, "description")
                    || UTF8Scan.hasPrefix(p, at: itemprop.lowerBound, "alternativeheadline")
                {
                    flags.insert(.deck)
                }
            }
            if let rel = attributes.rel, UTF8Scan.hasPrefix(p, at: rel.lowerBound, "author") { flags.insert(.byline) }
        }
        if tag == .a { flags.insert(.link) }

        guard stack.count < HTMLDocument.maximumDepth else { return }
        let index = Int32(elements.count)
        elements.append(Element(tag: tag, parent: parent, flags: flags))
        stack.append(index)
        if flags.contains(.block) { blockStack.append(index) }
        if flags.contains(.container) && !flags.contains(.removed) { containerDepth += 1 }
        if flags.contains(.byline) { bylineDepth += 1 }
        if flags.contains(.deck) { deckDepth += 1 }
        if flags.contains(.link) { linkDepth += 1 }
    }

    private mutating func endTag(_ tag: HTMLTag) {
        if tag == .br {
            flushBlock()
            return
        }
        var depth = stack.count - 1
        let limit = max(1, stack.count - HTMLDocument.endTagSearchDepth)
        while depth >= limit {
            if elements[Int(stack[depth])].tag == tag { break }
            depth -= 1
        }
        if tag.isBlock { flushBlock() }
        guard depth >= limit, depth >= 1 else { return }
        while stack.count > depth { pop() }
    }

    private mutating func pop() {
        let index = stack.removeLast()
        let flags = elements[Int(index)].flags
        if flags.contains(.block) {
            flushBlock()
            blockStack.removeLast()
        }
        if flags.contains(.container) && !flags.contains(.removed) { containerDepth -= 1 }
        if flags.contains(.byline) { bylineDepth -= 1 }
        if flags.contains(.deck) { deckDepth -= 1 }
        if flags.contains(.link) { linkDepth -= 1 }
    }

    /// Closes elements that a new start tag ends implicitly: an open `<p>` before a block,
    /// an open `<li>` before the next `<li>`, table cells before the next cell or row.
    private mutating func closeImplied(by tag: HTMLTag) {
        switch tag {
        case .li, .dt, .dd, .td, .th, .tr, .option:
            var depth = stack.count - 1
            while depth >= 1, depth >= stack.count - 8 {
                let open = elements[Int(stack[depth])].tag
                if HTMLDocument.stopsImpliedClose(of: open, by: tag) { return }
                if HTMLDocument.isImpliedClosed(open, by: tag) {
                    while stack.count > depth { pop() }
                    return
                }
                depth -= 1
            }
        default:
            if tag.isBlock, top.tag == .p { pop() }
        }
    }

    /// Whether `open` is closed by a new `tag`: `<li>` by `<li>`, cells by cells and rows.
    private static func isImpliedClosed(_ open: HTMLTag, by tag: HTMLTag) -> Bool {
        switch tag {
        case .li: return open == .li
        case .dt, .dd: return open == .dt || open == .dd
        case .td, .th: return open == .td || open == .th
        case .tr: return open == .tr || open == .td || open == .th
        default: return open == .option
        }
    }

    /// Whether the search for an implicitly closed element stops at `open` (its list, row or table).
    private static func stopsImpliedClose(of open: HTMLTag, by tag: HTMLTag) -> Bool {
        switch tag {
        case .li: return open == .ul || open == .ol || open == .menu
        case .dt, .dd: return open == .dl
        case .td, .th: return open == .tr || open == .table
        case .tr: return open == .table || open == .tbody || open == .thead || open == .tfoot
        default: return open == .select
        }
    }

    /// The role of an element's class and id words, strongest first.
    private func classify(_ p: UnsafeBufferPointer<UInt8>, _ attributes: HTMLAttributes) -> ClassRole? {
        var best: ClassRole?
        for range in [attributes.classValue, attributes.id] {
            guard let range else { continue }
            var i = range.lowerBound
            while i < range.upperBound {
                while i < range.upperBound, !UTF8Scan.isAlnum(p[i]) { i += 1 }
                let start = i
                var j = i
                while j < range.upperBound, UTF8Scan.isAlnum(p[j]) {
                    // camelCase boundary: "shareBar" → "share", "Bar".
                    if j > start, (p[j] &- 0x41) < 26, (p[j - 1] &- 0x61) < 26 { break }
                    j += 1
                }
                if j > start, let role = HTMLDocument.classRoles[WordHash.hash(p.baseAddress! + start, j - start)] {
                    switch (best, role) {
                    case (nil, _): best = role
                    case (_, .strongNegative): best = .strongNegative
                    case (.weakNegative?, .positive): best = .positive
                    case (.positive?, .byline), (.positive?, .deck): best = role
                    default: break
                    }
                }
                i = max(j, i + 1)
            }
        }
        return best
    }

    private func isHiddenStyle(_ p: UnsafeBufferPointer<UInt8>, _ style: Range<Int>?) -> Bool {
        guard let style else { return false }
        var compact: [UInt8] = []
        for k in style where p[k] > 0x20 { compact.append(UTF8Scan.lower(p[k])) }
        let text = String(decoding: compact, as: UTF8.self)
        return text.contains("display:none") || text.contains("visibility:hidden")
    }

    private mutating func readMeta(_ p: UnsafeBufferPointer<UInt8>, _ attributes: HTMLAttributes) {
        guard let contentRange = attributes.content else { return }
        let keyRange = attributes.property ?? attributes.name ?? attributes.itemprop
        guard let keyRange else { return }
        let key = HTMLEntities.string(p, keyRange).lowercased()
        let content = HTMLEntities.string(p, contentRange)
        guard !content.isEmpty else { return }
        switch key {
        case "og:title", "twitter:title":
            if metadata.ogTitle == nil { metadata.ogTitle = content }
        case "og:site_name", "application-name":
            if metadata.siteName == nil { metadata.siteName = content }
        case "description", "og:description", "twitter:description":
            if metadata.description == nil { metadata.description = content }
        case "author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author", "twitter:creator":
            if metadata.author == nil, !content.contains("://"), !content.hasPrefix("@") { metadata.author = content }
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date",
            "dc.date.issued", "parsely-pub-date", "sailthru.date", "og:published_time", "article.published":
            if metadata.published == nil { metadata.published = content }
        case "og:locale", "content-language", "language":
            if metadata.language == nil { metadata.language = content }
        default:
            break
        }
    }
}
