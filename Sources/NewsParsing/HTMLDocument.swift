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
        /// The nearest byline-flagged element on the path from the root to this one (itself included), or -1.
        var bylineOwner: Int32 = -1
        /// The nearest deck-flagged element on that path, or -1.
        var deckOwner: Int32 = -1
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
        /// Chrome starts here for a reason that is checked against the page's text afterwards
        /// (a class word, a `role`, a `<nav>`, `<aside>`, `<form>`, `<header>`…): revoked when the
        /// subtree holds most of the page's prose, so one wrong word never removes the article.
        static let softRoot = Flags(rawValue: 1 << 8)
        /// Chrome starts here for a reason that holds whatever the subtree holds (hidden,
        /// scripts, comment threads).
        static let hardRoot = Flags(rawValue: 1 << 9)
        /// The element or an ancestor is a hard root.
        static let hard = Flags(rawValue: 1 << 10)
        /// A comment thread (class or id word): removed even by the relaxed pass.
        static let comments = Flags(rawValue: 1 << 11)
        static let none = Flags(rawValue: 0)
        static let visibleChrome = Flags(rawValue: removed.rawValue | visible.rawValue)

        @inline(__always) func contains(_ flag: Flags) -> Bool { rawValue & flag.rawValue == flag.rawValue }
        @inline(__always) mutating func insert(_ flag: Flags) { rawValue |= flag.rawValue }
        @inline(__always) mutating func remove(_ flag: Flags) { rawValue &= ~flag.rawValue }
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
        /// The element whose byline or deck flag the block inherits (-1: none); the flag only counts
        /// when that element is small (``resolveRemovals()``).
        var bylineOwner: Int32
        var deckOwner: Int32
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
    /// The contents of `<script type="application/ld+json">` elements, for the `articleBody` fallback.
    var jsonLD: [Range<Int>] = []
    /// Soft chrome roots that were revoked because they hold most of the page's prose.
    var revokedRoots = 0

    /// Open elements deeper than this are not tracked (their text still is).
    static let maximumDepth = 400
    /// How far down the stack an end tag looks for its start tag.
    static let endTagSearchDepth = 64
    /// Text kept from blocks under hard chrome (comment threads), for `removedLines`.
    static let removedTextBudget = 64 * 1024
    /// A paragraph (`<p>`, `<blockquote>`, `<pre>`) counts as prose from this many bytes of own text…
    static let minimumProseBlock = 25
    /// …and any other block from this many.
    static let minimumLooseProseBlock = 120
    /// Pages with less prose than this keep every removal (too little text to weigh).
    static let minimumProseForRevocation = 200
    /// A byline element holds at most this many bytes of text; a deck element at most that many.
    static let maximumBylineElementText = 300
    static let maximumDeckElementText = 600

    enum ClassRole: UInt8 {
        case strongNegative, weakNegative, positive, deck, byline, comments, ignored, modifier, authorBox
    }

    /// The role an element takes when its names say `best` so far and then `role`:
    /// comments win over everything, then a strong negative; a positive name
    /// overrides a weak negative; byline and deck refine a positive. One rule for
    /// the words inside a name and for the names on an element.
    static func combined(_ best: ClassRole?, _ role: ClassRole) -> ClassRole? {
        switch (best, role) {
        case (nil, _): return role
        case (_, .comments): return .comments
        case (.comments?, _): return best
        case (_, .strongNegative): return .strongNegative
        case (.weakNegative?, .positive): return .positive
        case (.positive?, .byline), (.positive?, .deck): return role
        default: return best
        }
    }

    static let classRoles: WordTable<ClassRole> = {
        var entries: [(String, ClassRole)] = []
        entries += BoilerplateRules.positiveClassWords.map { ($0, .positive) }
        entries += BoilerplateRules.weakNegativeClassWords.map { ($0, .weakNegative) }
        entries += BoilerplateRules.deckClassWords.map { ($0, .deck) }
        entries += BoilerplateRules.bylineClassWords.map { ($0, .byline) }
        entries += BoilerplateRules.strongNegativeClassWords.map { ($0, .strongNegative) }
        entries += BoilerplateRules.commentClassWords.map { ($0, .comments) }
        entries += BoilerplateRules.modifierClassWords.map { ($0, .modifier) }
        entries += BoilerplateRules.authorBoxClassWords.map { ($0, .authorBox) }
        return WordTable(entries)
    }()

    /// "bio": weakly negative alone, and beside a byline word ("author-bio") the author's box.
    static let bioHash = WordHash.hash(bytesOf: "bio")

    /// First words of class names that say nothing about the element's own role.
    static let ignoredClassPrefixes: WordTable<Bool> = {
        WordTable(BoilerplateRules.ignoredClassPrefixes.map { ($0, true) })
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
    private var linkDepth = 0
    private var blockBylineOwner: Int32 = -1
    private var blockDeckOwner: Int32 = -1
    private var inJSONLD = false
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
                if tag == .script, inJSONLD { jsonLD.append(range) }
                inJSONLD = false
            }
        }
        flushBlock()
        resolveRemovals()
    }

    private var top: Element { elements[Int(stack[stack.count - 1])] }

    private mutating func appendText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let current = top
        let blockElement = elements[Int(blockStack[blockStack.count - 1])]
        if current.flags.contains(.removed) {
            // Chrome text: dropped, or kept when the whole block is visible chrome (a soft removal
            // may be revoked; under a hard one only within budget, to explain what was removed).
            guard blockElement.flags.contains(.removed), current.flags.contains(.visible) else { return }
            if current.flags.contains(.hard) {
                guard removedTextKept < HTMLDocument.removedTextBudget else { return }
                removedTextKept += range.count
            }
        }
        if current.bylineOwner >= 0 { blockBylineOwner = current.bylineOwner }
        if current.deckOwner >= 0 { blockDeckOwner = current.deckOwner }
        let before = text.count
        HTMLEntities.appendDecoding(p, range, to: &text)
        if linkDepth > 0 { blockLinkBytes += text.count - before }
    }

    private mutating func flushBlock() {
        defer {
            blockStart = text.count
            blockLinkBytes = 0
            blockBylineOwner = -1
            blockDeckOwner = -1
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
                byline: blockBylineOwner >= 0, deck: blockDeckOwner >= 0, bylineOwner: blockBylineOwner,
                deckOwner: blockDeckOwner))
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
        if tag == .script, let type = attributes.type {
            inJSONLD = HTMLEntities.string(p, type).lowercased().contains("ld+json")
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
        if parentFlags.contains(.hard) { flags.insert(.hard) }
        if parentFlags.contains(.removed) {
            flags.insert(.removed)
            if parentFlags.contains(.visible) && !HTMLDocument.invisibleTags[Int(tag.rawValue)] { flags.insert(.visible) }
        }
        if parentFlags.contains(.removed) && (parentFlags.contains(.hard) || HTMLDocument.invisibleTags[Int(tag.rawValue)]) {
            // Inside hard chrome nothing more is learned; invisible content stays invisible.
            if HTMLDocument.invisibleTags[Int(tag.rawValue)] {
                flags.insert(.hard)
                flags.insert(.hardRoot)
            }
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
                    flags.insert(.softRoot)
                }
            }
            if container { flags.insert(.container) }
            let hidden = attributes.hidden || attributes.ariaHidden || isHiddenStyle(p, attributes.style)
            if HTMLDocument.droppedTags[Int(tag.rawValue)] {
                flags.insert(.removed)
                if HTMLDocument.invisibleTags[Int(tag.rawValue)] {
                    flags.insert(.hardRoot)
                    flags.insert(.hard)
                } else {
                    flags.insert(.visible)
                    flags.insert(.softRoot)
                }
            } else if HTMLDocument.droppedOutsideContainer[Int(tag.rawValue)] && containerDepth == 0 {
                flags.insert(.visibleChrome)
                flags.insert(.softRoot)
            } else if hidden {
                flags.insert(.removed)
                flags.insert(.hardRoot)
                flags.insert(.hard)
            } else if classRole == .comments && tag != .body && tag != .html {
                flags.insert(.visibleChrome)
                flags.insert(.comments)
                flags.insert(.hardRoot)
                flags.insert(.hard)
            } else if !container && tag != .body && tag != .html {
                switch classRole {
                case .strongNegative?, .weakNegative?:
                    flags.insert(.visibleChrome)
                    flags.insert(.softRoot)
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
        let parentElement = elements[Int(parent)]
        elements.append(
            Element(
                tag: tag, parent: parent, flags: flags,
                bylineOwner: flags.contains(.byline) ? index : parentElement.bylineOwner,
                deckOwner: flags.contains(.deck) ? index : parentElement.deckOwner))
        stack.append(index)
        if flags.contains(.block) { blockStack.append(index) }
        if flags.contains(.container) && !flags.contains(.removed) { containerDepth += 1 }
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

    /// The role of an element's class and id names, strongest first. Each whitespace-separated
    /// name is read on its own: split into words ("article-body", "shareBar"), a BEM modifier
    /// ("--…") ignored, and the whole name skipped when its first word is a state or taxonomy
    /// prefix ("has-section-nav", "category-sport") or a word makes it a layout modifier
    /// ("header-style-2", "single-ad-margins").
    private func classify(_ p: UnsafeBufferPointer<UInt8>, _ attributes: HTMLAttributes) -> ClassRole? {
        var best: ClassRole?
        for range in [attributes.classValue, attributes.id] {
            guard let range else { continue }
            var i = range.lowerBound
            while i < range.upperBound {
                while i < range.upperBound, p[i] <= 0x20 { i += 1 }
                let start = i
                while i < range.upperBound, p[i] > 0x20 { i += 1 }
                guard i > start, let role = nameRole(p, start..<i) else { continue }
                best = HTMLDocument.combined(best, role)
            }
        }
        return best
    }

    /// The role of one class or id name (see ``classify(_:_:)``).
    private func nameRole(_ p: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> ClassRole? {
        var best: ClassRole?
        var authorBox = false
        var i = name.lowerBound
        var first = true
        while i < name.upperBound {
            while i < name.upperBound, !UTF8Scan.isAlnum(p[i]) {
                // "block--modifier": what follows a double dash is a variant, not a role.
                if p[i] == 0x2D, i + 1 < name.upperBound, p[i + 1] == 0x2D { return best }
                i += 1
            }
            let start = i
            var j = i
            while j < name.upperBound, UTF8Scan.isAlnum(p[j]) {
                // camelCase boundary: "shareBar" → "share", "Bar".
                if j > start, (p[j] &- 0x41) < 26, (p[j - 1] &- 0x61) < 26 { break }
                j += 1
            }
            guard j > start else { break }
            let hash = WordHash.hash(p.baseAddress! + start, j - start)
            if first, j < name.upperBound, HTMLDocument.ignoredClassPrefixes[hash] != nil { return nil }
            first = false
            if let role = HTMLDocument.classRoles[hash] {
                if role == .modifier { return nil }
                if role == .authorBox || hash == HTMLDocument.bioHash { authorBox = true }
                if role != .authorBox { best = HTMLDocument.combined(best, role) }
            }
            i = j
        }
        // "author-box", "author-bio": the author's box is chrome (soft, like any weak negative).
        // Whole words only, so "authorship" or "boxed" say nothing.
        if authorBox, best == .byline { return .weakNegative }
        return best
    }

    /// Revokes soft chrome roots that hold most of the page's prose (or the headline and a good
    /// share of it), since a class word or a wrapping `<form>` is weaker evidence than the text
    /// itself; then settles each block's removal, container and byline/deck flags. A byline or
    /// deck flag counts only on a small element (`author-<name>` on an `<article>` is a CMS
    /// taxonomy class, not a byline).
    private mutating func resolveRemovals() {
        let count = elements.count
        var prose = [Int](repeating: 0, count: count)
        var allText = [Int](repeating: 0, count: count)
        var total = 0
        var h1Element: Int32 = -1
        for block in blocks {
            let element = Int(block.element)
            let flags = elements[element].flags
            guard !flags.contains(.hard) else { continue }
            let length = block.text.count
            allText[element] += length
            if block.tag == .h1 && h1Element < 0 { h1Element = block.element }
            let own = length - block.linkBytes
            let paragraphLike = block.tag == .p || block.tag == .blockquote || block.tag == .pre
            if (paragraphLike && own >= HTMLDocument.minimumProseBlock) || own >= HTMLDocument.minimumLooseProseBlock {
                prose[element] += own
                total += own
            }
        }
        var subtreeEnd = (0..<count).map { $0 + 1 }
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(elements[index].parent)
            guard parent >= 0 else { continue }
            prose[parent] += prose[index]
            allText[parent] += allText[index]
            subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[index])
        }
        if total >= HTMLDocument.minimumProseForRevocation {
            for index in 1..<count where elements[index].flags.contains(.softRoot) {
                let holdsHeadline = h1Element >= 0 && index <= Int(h1Element) && Int(h1Element) < subtreeEnd[index]
                if prose[index] * 2 >= total || (holdsHeadline && prose[index] * 10 >= total * 3) {
                    elements[index].flags.remove(.softRoot)
                    revokedRoots += 1
                }
            }
        }
        if revokedRoots > 0 { settleRemovals() }
        // A deck is one block: an element whose text runs over several is a body field.
        var deckBlocks = [Int32](repeating: 0, count: count)
        for block in blocks where block.deckOwner >= 0 { deckBlocks[Int(block.deckOwner)] += 1 }
        for index in blocks.indices {
            let bylineOwner = Int(blocks[index].bylineOwner)
            if bylineOwner >= 0, allText[bylineOwner] > HTMLDocument.maximumBylineElementText { blocks[index].byline = false }
            let deckOwner = Int(blocks[index].deckOwner)
            if deckOwner >= 0, allText[deckOwner] > HTMLDocument.maximumDeckElementText || deckBlocks[deckOwner] > 1 {
                blocks[index].deck = false
            }
        }
    }

    /// Recomputes the removed flags from the roots that remain, top-down, and each block's.
    private mutating func settleRemovals() {
        var insideContainer = [Bool](repeating: false, count: elements.count)
        for index in 1..<elements.count {
            let parent = Int(elements[index].parent)
            var flags = elements[index].flags
            let removed = elements[parent].flags.contains(.removed) || flags.contains(.hardRoot) || flags.contains(.softRoot)
                || (flags.contains(.removed) && flags.contains(.hard))
            if removed { flags.insert(.removed) } else { flags.remove(.removed) }
            elements[index].flags = flags
            insideContainer[index] = insideContainer[parent] || (flags.contains(.container) && !removed)
        }
        for index in blocks.indices {
            let element = Int(blocks[index].element)
            blocks[index].removed = elements[element].flags.contains(.removed)
            blocks[index].insideContainer = insideContainer[element]
        }
    }

    /// Revokes every soft chrome root, for the relaxed pass: only hidden, invisible and comment
    /// subtrees stay removed.
    mutating func relax() {
        for index in 1..<elements.count where elements[index].flags.contains(.softRoot) {
            elements[index].flags.remove(.softRoot)
            revokedRoots += 1
        }
        settleRemovals()
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
