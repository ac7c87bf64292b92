internal import Foundation

/// Picks the article out of an HTML page.
///
/// Chrome elements are already marked by ``HTMLDocument``. The main content is
/// the largest `<article>`/`<main>`/`articleBody` container with real text, or
/// else the element with the best readability score (paragraph text and commas
/// credited to parents and grandparents, discounted by link density). Its
/// blocks become paragraphs unless they are link lists or chrome lines
/// (``BoilerplateClassifier``); title, deck, byline and date come from meta
/// tags first and visible elements second.
enum HTMLContentExtractor {
    /// A container needs this much paragraph text to be trusted over scoring.
    static let minimumContainerText = 250
    /// Text blocks shorter than this in a `<div>` do not count as paragraphs when scoring.
    static let minimumLooseParagraph = 25
    /// Removed lines kept for explanation.
    static let maximumRemovedLines = 100
    static let maximumRemovedLineBytes = 300

    /// The passes of the fallback ladder, tried in order until one finds article text, so a
    /// page that holds an article is never refused.
    enum Pass: String {
        /// Chrome removed by tag, class and role (unless a subtree holds most of the prose), the
        /// main container chosen, chrome lines dropped.
        case strict
        /// Every chrome subtree kept but hidden content and comment threads.
        case relaxed
        /// The `articleBody` of the page's JSON-LD (schema.org `NewsArticle`, `BlogPosting`…).
        case jsonLD = "json-ld articleBody"
        /// Every paragraph (`<p>`, `<blockquote>`, `<pre>`) outside comments, whatever its class.
        case paragraphs = "all paragraphs"
    }

    static func extract(_ p: UnsafeBufferPointer<UInt8>) -> ArticleDraft {
        var document = HTMLDocument(p)
        var strict = extract(document, pass: .strict)
        if strict.paragraphRanges.count > strict.leadParagraphs {
            trimTail(&strict)
            return strict
        }
        document.relax()
        var draft = extract(document, pass: .relaxed)
        if draft.paragraphRanges.count > draft.leadParagraphs {
            trimTail(&draft)
            return draft
        }
        let paragraphs = articleBody(document, p)
        if !paragraphs.isEmpty {
            draft.body.removeAll(keepingCapacity: true)
            draft.paragraphRanges.removeAll()
            draft.leadParagraphs = 0
            for paragraph in paragraphs {
                var bytes = paragraph
                bytes.withUTF8 { draft.appendParagraph($0) }
            }
            draft.tokens = nil
            return draft
        }
        draft = extract(document, pass: .paragraphs)
        if draft.paragraphRanges.isEmpty {
            draft.rungsTried = [Pass.strict, .relaxed, .jsonLD, .paragraphs].map(\.rawValue)
            draft.removedLines = strict.removedLines
        }
        return draft
    }

    /// A paragraph of this many bytes, dense in stopwords, is the article's prose.
    static let proseParagraphBytes = 150
    static let proseStopwordShare = 0.22

    /// Cuts what follows the article inside its container: everything from a section heading
    /// (comments, related stories) placed after most of the prose, and each call to action placed
    /// there (on the development pages precision 0.891 → 0.895, recall 0.933 → 0.930). (Cutting
    /// every short line after the last long paragraph too raised precision on the development
    /// pages from 0.88 to 0.91 but lost as much recall, so it is not done.)
    static func trimTail(_ draft: inout ArticleDraft) {
        guard var tokens = draft.tokens, draft.paragraphRanges.count >= 2 else { return }
        let count = draft.paragraphRanges.count
        var tokenRanges = [Range<Int>](repeating: 0..<0, count: count)
        var cursor = 0
        for index in 0..<count {
            let first = cursor
            while cursor < tokens.count, tokens[cursor].line == Int32(index) { cursor += 1 }
            tokenRanges[index] = first..<cursor
        }
        var keep = count
        var calls: [Int] = []
        draft.body.withUnsafeBufferPointer { t in
            let features = (0..<count).map {
                BoilerplateClassifier.features(t, line: draft.paragraphRanges[$0], tokens: tokens, range: tokenRanges[$0])
            }
            var words = 0
            var stopwords = 0
            for f in features {
                words += f.words
                stopwords += f.stopwords
            }
            let profiled = Double(stopwords) >= Double(words) * PlainTextExtractor.profiledStopwordShare
            func isProse(_ index: Int) -> Bool {
                let f = features[index]
                return profiled ? f.stopwordShare >= proseStopwordShare : f.endsTerminal
            }
            var proseBytes = [Int](repeating: 0, count: count + 1)
            for index in 0..<count {
                let long = draft.paragraphRanges[index].count >= proseParagraphBytes && isProse(index)
                proseBytes[index + 1] = proseBytes[index] + (long ? draft.paragraphRanges[index].count : 0)
            }
            let total = proseBytes[count]
            for index in 1..<count where features[index].sectionMarker && proseBytes[index] * 2 >= total && proseBytes[index] > 0 {
                keep = index
                break
            }
            // A call to action after most of the prose ("Subscribe for the full story", "Follow us
            // on…") is chrome even in a sentence, which the line score alone lets through.
            for index in 1..<keep where features[index].callToAction && proseBytes[index] > 0 && proseBytes[index] * 2 >= total {
                calls.append(index)
            }
        }
        if !calls.isEmpty {
            dropParagraphs(&draft, calls, below: keep, tokens: tokens, tokenRanges: tokenRanges)
            return
        }
        guard keep < count else { return }
        let cut = keep == 0 ? 0 : draft.paragraphRanges[keep - 1].upperBound
        draft.body.removeSubrange(cut..<draft.body.count)
        draft.paragraphRanges.removeSubrange(keep..<count)
        let firstDropped = tokenRanges[keep].lowerBound
        draft.tokens = nil
        tokens.removeSubrange(firstDropped..<tokens.count)
        draft.tokens = tokens
    }

    /// Rebuilds the body without the paragraphs at `dropped` (ascending) and those from `keep` on.
    static func dropParagraphs(_ draft: inout ArticleDraft, _ dropped: [Int], below keep: Int, tokens: [Token], tokenRanges: [Range<Int>]) {
        let old = draft
        draft.body.removeAll(keepingCapacity: true)
        draft.paragraphRanges.removeAll(keepingCapacity: true)
        draft.tokens = nil
        var next = 0
        old.body.withUnsafeBufferPointer { t in
            for index in 0..<keep {
                if next < dropped.count, dropped[next] == index {
                    next += 1
                    draft.removedLines.append(old.paragraph(index))
                    continue
                }
                let range = old.paragraphRanges[index]
                draft.appendParagraph(UnsafeBufferPointer(rebasing: t[range]), tokens: tokens[tokenRanges[index]], origin: range.lowerBound)
            }
        }
        if draft.tokens == nil { draft.tokens = [] }
    }

    /// A paragraph outside the main container with this many bytes…
    static let minimumOutsideProseBytes = 80
    /// …at most this share of link text…
    static let maximumOutsideProseLinkShare = 0.2
    /// …and at least this share of stopwords is article text all the same.
    static let minimumOutsideProseStopwordShare = 0.2

    /// Whether a paragraph outside the chosen container is the article's prose all the same: a
    /// lead paragraph placed before the article element, or a body split across sections the
    /// container choice could not join (the chosen element is a slideshow or the second half).
    /// Only real paragraph elements (`<p>`, `<blockquote>`, `<pre>`) that read like sentences in a
    /// profiled language, with few links and no chrome signals, so teaser lists, menus and
    /// footers outside the container stay out. Checking that the block sits near the container
    /// (a few levels up, or before its end) kept no more precision on the development pages.
    static func isOutsideProse(
        _ block: HTMLDocument.Block, _ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ tokens: [Token], _ tokenRange: Range<Int>
    ) -> Bool {
        guard block.tag == .p || block.tag == .blockquote || block.tag == .pre, range.count >= minimumOutsideProseBytes,
            Double(block.linkBytes) <= Double(block.text.count) * maximumOutsideProseLinkShare
        else { return false }
        let features = BoilerplateClassifier.features(t, line: range, tokens: tokens, range: tokenRange)
        return !features.isChrome && !features.callToAction && features.stopwordShare >= minimumOutsideProseStopwordShare
    }

    /// How many link blocks in a row make a list of links (related stories, tags, more from the section).
    static let linkListLength = 3
    /// A heading of a link list has at most this many bytes.
    static let maximumListHeadingBytes = 80

    /// Whether a block is mostly link text (a headline link, a tag, a menu entry).
    @inline(__always)
    static func isLinkBlock(_ block: HTMLDocument.Block) -> Bool {
        block.linkBytes * 2 > block.text.count
    }

    /// A short block that can head a list: a heading, or a short paragraph.
    static func isListHeading(_ block: HTMLDocument.Block) -> Bool {
        block.text.count <= maximumListHeadingBytes && (block.tag != .p || block.text.count <= maximumListHeadingBytes / 2)
    }

    /// Blocks that are chrome by their place among link blocks, whatever their words: the short
    /// heading right before a run of ``linkListLength`` link blocks ("More stories", "Tags",
    /// "Ähnliche Themen"), and the unlinked summaries of teaser cards, found as a run that alternates
    /// linked headline and summary at least twice. General structure, in any language: an article's
    /// own paragraphs are not each introduced by a link.
    static func linkListChrome(_ document: HTMLDocument, lineOfBlock: [Int]) -> Set<Int> {
        let candidates = document.blocks.indices.filter { lineOfBlock[$0] >= 0 && !document.blocks[$0].removed }
        guard candidates.count > linkListLength else { return [] }
        let links = candidates.map { isLinkBlock(document.blocks[$0]) }
        var chrome = Set<Int>()
        for position in 0..<(candidates.count - linkListLength) where !links[position] {
            guard isListHeading(document.blocks[candidates[position]]),
                links[(position + 1)...(position + linkListLength)].allSatisfy({ $0 })
            else { continue }
            chrome.insert(candidates[position])
        }
        // Teaser cards: link, summary, link, summary (the summary is a short unlinked block).
        var position = 0
        while position + 3 < candidates.count {
            var end = position
            while end + 1 < candidates.count, links[end], !links[end + 1],
                document.blocks[candidates[end + 1]].text.count <= 2 * proseParagraphBytes
            {
                end += 2
            }
            if end - position >= 4 {
                for summary in stride(from: position + 1, to: end, by: 2) { chrome.insert(candidates[summary]) }
                // The cards' own heading ("More on this"), right before the first card.
                if position > 0, !links[position - 1], isListHeading(document.blocks[candidates[position - 1]]) {
                    chrome.insert(candidates[position - 1])
                }
                position = end
            } else {
                position += 1
            }
        }
        return chrome
    }

    /// Labels that open a picture credit ("Foto: dpa", "Photo: Reuters", "Bild: Archiv"), in the
    /// languages with a stopword profile; a word list because a credit outside `<figure>` has no
    /// markup of its own, and each entry is only taken as a short line's first word before a colon.
    static let creditLabels: Set<String> = [
        "foto", "fotos", "photo", "photos", "bild", "bilder", "image", "images", "credit", "credits", "crédit",
        "crédits", "fotografía", "fotografia", "foto's", "фото", "picture", "pictures", "illustration",
    ]
    /// A credit line has at most this many words.
    static let maximumCreditWords = 8

    /// A line inside the body that is a date line ("Updated 12 May 2021, 14:05") or a picture credit.
    static func isInBodyChrome(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lineTokens: ArraySlice<Token>) -> Bool {
        if lineTokens.count <= PlainTextExtractor.maximumDateLineWords, DateParser.mayContainDate(t, lineTokens),
            let (_, coverage) = DateParser.parse(UnsafeBufferPointer(rebasing: t[range])),
            coverage >= PlainTextExtractor.minimumDateCoverage
        {
            return true
        }
        guard lineTokens.count >= 2, lineTokens.count <= maximumCreditWords, let first = lineTokens.first else { return false }
        let end = Int(first.end)
        guard end < range.upperBound, t[end] == 0x3A else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: t[Int(first.start)..<end]), as: UTF8.self).lowercased()
        return creditLabels.contains(word)
    }

    /// The paragraphs of the first JSON-LD `articleBody` (markup in it is read as HTML).
    static func articleBody(_ document: HTMLDocument, _ p: UnsafeBufferPointer<UInt8>) -> [String] {
        for range in document.jsonLD {
            guard let data = Optional(Data(p[range])),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                let body = findArticleBody(json)
            else { continue }
            var paragraphs: [String] = []
            if body.contains("<") && body.contains(">") {
                let bytes = Array(body.utf8)
                let fragment = bytes.withUnsafeBufferPointer { HTMLDocument($0) }
                for block in fragment.blocks where !block.removed {
                    let line = normalize(String(decoding: fragment.text[block.text], as: UTF8.self))
                    if !line.isEmpty { paragraphs.append(line) }
                }
            } else {
                for piece in body.split(whereSeparator: \.isNewline) {
                    let line = normalize(String(piece))
                    if !line.isEmpty { paragraphs.append(line) }
                }
            }
            if !paragraphs.isEmpty { return paragraphs }
        }
        return []
    }

    /// The first non-empty string under an `articleBody` key, depth first (`@graph` arrays included).
    static func findArticleBody(_ value: Any) -> String? {
        if let object = value as? [String: Any] {
            if let body = object["articleBody"] as? String, !body.isEmpty { return body }
            for (_, child) in object {
                if let body = findArticleBody(child) { return body }
            }
        } else if let array = value as? [Any] {
            for child in array {
                if let body = findArticleBody(child) { return body }
            }
        }
        return nil
    }

    /// One pass of the ladder over the document as it is flagged now.
    static func extract(_ document: HTMLDocument, pass: Pass) -> ArticleDraft {
        var draft = ArticleDraft(capacity: document.text.count)

        // Normalize every block into one line.
        var normalizer = TextNormalizer(capacity: document.text.count)
        normalizer.newlinesAreSpaces = true
        var lineOfBlock = [Int](repeating: -1, count: document.blocks.count)
        document.text.withUnsafeBufferPointer { t in
            for (index, block) in document.blocks.enumerated() {
                let before = normalizer.lines.count
                normalizer.append(UnsafeBufferPointer(rebasing: t[block.text]))
                normalizer.endLine()
                if normalizer.lines.count > before { lineOfBlock[index] = before }
            }
        }
        normalizer.finish()
        let lines = normalizer.lines
        let bytes = normalizer.bytes

        bytes.withUnsafeBufferPointer { t in
            let tokens = WordTokenizer.tokenize(t)
            var tokenRanges = [Range<Int>](repeating: 0..<0, count: lines.count)
            var cursor = 0
            for index in lines.indices {
                let first = cursor
                while cursor < tokens.count, tokens[cursor].line == Int32(index) { cursor += 1 }
                tokenRanges[index] = first..<cursor
            }
            func text(_ line: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: t[lines[line].range]), as: UTF8.self)
            }

            let container = pass == .paragraphs ? nil : mainContainer(document, lineOfBlock: lineOfBlock, lines: lines, t: t)
            let metadata = document.metadata

            // The h1, the deck and the byline.
            var h1Block: Int?
            for (index, block) in document.blocks.enumerated() where block.tag == .h1 && lineOfBlock[index] >= 0 {
                if h1Block == nil || (!block.removed && document.blocks[h1Block!].removed)
                    || (block.insideContainer && !document.blocks[h1Block!].insideContainer)
                {
                    h1Block = index
                }
            }
            var title = cleanTitle(metadata.ogTitle ?? metadata.documentTitle, siteName: metadata.siteName)
            let h1Text = h1Block.map { text(lineOfBlock[$0]) }
            if title == nil || title!.isEmpty { title = h1Text }
            if let h1Text, let current = title, current != h1Text, current.contains(h1Text) { title = h1Text }
            draft.title = title ?? ""

            // The deck: a small deck-flagged block in a standfirst's place (after the headline, or
            // inside the article), else an `<h2>` right after the headline.
            var deckBlock: Int?
            for (index, block) in document.blocks.enumerated() where block.deck && !block.removed && lineOfBlock[index] >= 0 {
                let placed = h1Block.map { index > $0 } ?? false
                    || container?.contains(where: { $0.contains(Int(block.element)) }) == true
                guard placed else { continue }
                deckBlock = index
                break
            }
            if deckBlock == nil, let h1Block {
                var next = h1Block + 1
                while next < document.blocks.count, lineOfBlock[next] < 0 || document.blocks[next].byline { next += 1 }
                if next < document.blocks.count, document.blocks[next].tag == .h2 || document.blocks[next].tag == .p && document.blocks[next].deck {
                    deckBlock = next
                }
            }
            var bylineBlocks = Set<Int>()
            for (index, block) in document.blocks.enumerated() where block.byline && lineOfBlock[index] >= 0 {
                bylineBlocks.insert(index)
                if draft.byline == nil { draft.byline = BylineParser.parse(text(lineOfBlock[index]), requirePrefix: false) }
            }
            if let author = metadata.author, let name = BylineParser.parse(author, requirePrefix: false) {
                draft.byline = name
            }
            if let published = metadata.published ?? metadata.timeDatetime {
                draft.publishedAt = DateParser.parse(published)
            }
            if let language = metadata.language {
                let code = String(language.prefix(2)).lowercased()
                if code.count == 2, code.allSatisfy({ $0.isLetter }) { draft.languageHint = code }
            }

            // The body.
            var removedCount = 0
            func remove(_ line: Int) {
                guard removedCount < maximumRemovedLines else { return }
                removedCount += 1
                let value = text(line)
                draft.removedLines.append(value.utf8.count > maximumRemovedLineBytes ? String(value.prefix(maximumRemovedLineBytes / 2)) + "…" : value)
            }
            // Strict pass only: when it finds nothing, the relaxed pass reads the page without this rule.
            let linkListChrome = pass == .strict ? linkListChrome(document, lineOfBlock: lineOfBlock) : []
            var firstBody = true
            var lastBodyBlock = -1
            for (index, block) in document.blocks.enumerated() {
                let line = lineOfBlock[index]
                guard line >= 0 else { continue }
                if index == deckBlock {
                    // A visible standfirst opens the body as well as being the subtitle: it is
                    // article text a reader sees, and classification and search read the body.
                    if pass != .paragraphs {
                        let range = lines[line].range
                        if draft.paragraphRanges.isEmpty { draft.leadParagraphs = 1 }
                        draft.appendParagraph(UnsafeBufferPointer(rebasing: t[range]), tokens: tokens[tokenRanges[line]], origin: range.lowerBound)
                    }
                    continue
                }
                if block.removed {
                    remove(line)
                    continue
                }
                if let container, !container.contains(where: { $0.contains(Int(block.element)) }) {
                    guard block.tag != .title && index != h1Block && index != deckBlock && !bylineBlocks.contains(index) else { continue }
                    let range = lines[line].range
                    if isOutsideProse(block, t, range, tokens, tokenRanges[line]) {
                        firstBody = false
                        draft.appendParagraph(UnsafeBufferPointer(rebasing: t[range]), tokens: tokens[tokenRanges[line]], origin: range.lowerBound)
                        lastBodyBlock = index
                    } else {
                        remove(line)
                    }
                    continue
                }
                if index == h1Block || index == deckBlock || bylineBlocks.contains(index) { continue }
                let range = lines[line].range
                if pass == .paragraphs {
                    // Links do not count against a paragraph here; chrome lines and calls to action (cookie
                    // notices, copyright lines) still do.
                    guard block.tag == .p || block.tag == .blockquote || block.tag == .pre,
                        case let features = BoilerplateClassifier.features(t, line: range, tokens: tokens, range: tokenRanges[line]),
                        !features.isChrome, !features.callToAction
                    else {
                        remove(line)
                        continue
                    }
                    draft.appendParagraph(UnsafeBufferPointer(rebasing: t[range]), tokens: tokens[tokenRanges[line]], origin: range.lowerBound)
                    continue
                }
                if linkListChrome.contains(index) {
                    // The heading of a list of links, or a teaser card's summary between linked headlines.
                    remove(line)
                    continue
                }
                let features = BoilerplateClassifier.features(t, line: range, tokens: tokens, range: tokenRanges[line])
                if block.linkBytes * 2 > block.text.count && features.words <= BoilerplateRules.labelLineWords * 2 {
                    remove(line)
                    continue
                }
                // The relaxed pass reads chrome subtrees, so any call to action there is chrome.
                if features.isChrome || (pass == .relaxed && features.callToAction) {
                    remove(line)
                    if lastBodyBlock >= 0 && features.truncationMarker { draft.endsWithTruncationMarker = true }
                    continue
                }
                if !firstBody, isInBodyChrome(t, range, tokens[tokenRanges[line]]) {
                    // "Updated 12 May 2021, 14:05", "Foto: dpa": metadata and credits inside the body.
                    remove(line)
                    continue
                }
                if firstBody {
                    // Bylines and date lines opening the body are metadata.
                    let value = text(line)
                    let lineTokens = tokens[tokenRanges[line]]
                    if lineTokens.count <= BylineParser.maximumWords + 2, let first = lineTokens.first,
                        first.isA(Lexicon.bylinePrefix), let byline = BylineParser.parse(value)
                    {
                        if draft.byline == nil { draft.byline = byline }
                        continue
                    }
                    if lineTokens.count <= PlainTextExtractor.maximumDateLineWords, DateParser.mayContainDate(t, lineTokens),
                        let (date, coverage) = DateParser.parse(UnsafeBufferPointer(rebasing: t[range])),
                        coverage >= PlainTextExtractor.minimumDateCoverage
                    {
                        if draft.publishedAt == nil { draft.publishedAt = date }
                        continue
                    }
                    if value == draft.title { continue }
                }
                firstBody = false
                draft.appendParagraph(UnsafeBufferPointer(rebasing: t[range]), tokens: tokens[tokenRanges[line]], origin: range.lowerBound)
                lastBodyBlock = index
            }

            if let deckBlock {
                draft.subtitle = text(lineOfBlock[deckBlock])
            } else if let description = metadata.description, !draft.paragraphRanges.isEmpty {
                let normalized = normalize(description)
                let first = draft.paragraph(min(draft.leadParagraphs, draft.paragraphRanges.count - 1))
                if normalized.utf8.count <= 300, !first.hasPrefix(String(normalized.prefix(40))),
                    !normalized.hasPrefix(String(first.prefix(40))), normalized != draft.title
                {
                    draft.subtitle = normalized
                }
            }
            if draft.title.isEmpty, !draft.paragraphRanges.isEmpty {
                draft.title = ArticleParser.fallbackTitle(draft.body, draft.paragraphRanges[0])
            }
        }
        return draft
    }

    /// A container needs this share of the page's paragraph text (or, holding the `<h1>`, half of it).
    static let minimumContainerShare = 0.2
    /// A container holding this many article containers is a list of teaser cards, not an article.
    static let teaserCardCount = 3
    /// A sibling of the chosen element joins it (a body split across sections) with this share of its text…
    static let siblingShare = 0.25
    /// …and at most this link density.
    static let siblingLinkDensity = 0.25

    /// The element ranges (index and subtree end) of the main content, or nil to take every kept block.
    static func mainContainer(
        _ document: HTMLDocument, lineOfBlock: [Int], lines: [TextNormalizer.Line], t: UnsafeBufferPointer<UInt8>
    ) -> [Range<Int>]? {
        let count = document.elements.count
        var paragraphText = [Int](repeating: 0, count: count)
        var allText = [Int](repeating: 0, count: count)
        var linkText = [Int](repeating: 0, count: count)
        var score = [Double](repeating: 0, count: count)
        for (index, block) in document.blocks.enumerated() where !block.removed && lineOfBlock[index] >= 0 {
            let range = lines[lineOfBlock[index]].range
            let length = range.count
            let element = Int(block.element)
            allText[element] += block.text.count
            linkText[element] += block.linkBytes
            let paragraphLike: Bool
            switch block.tag {
            case .p, .pre, .blockquote, .td: paragraphLike = true
            case .li, .h1, .h2, .h3, .h4, .h5, .h6, .dt, .dd, .caption, .title: paragraphLike = false
            default: paragraphLike = length >= minimumLooseParagraph
            }
            guard paragraphLike, length >= minimumLooseParagraph else { continue }
            paragraphText[element] += length
            var commas = 0
            for k in range where t[k] == 0x2C { commas += 1 }
            let contentScore = 1 + Double(commas) + min(Double(length) / 100, 3)
            let node = block.tag == .div || block.tag == .other ? element : Int(document.elements[element].parent)
            guard node >= 0 else { continue }
            score[node] += contentScore
            let grandparent = Int(document.elements[node].parent)
            if grandparent >= 0 { score[grandparent] += contentScore / 2 }
        }
        // Subtree totals and extents, bottom-up (parents always precede children).
        var subtreeEnd = (0..<count).map { $0 + 1 }
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(document.elements[index].parent)
            guard parent >= 0 else { continue }
            paragraphText[parent] += paragraphText[index]
            allText[parent] += allText[index]
            linkText[parent] += linkText[index]
            subtreeEnd[parent] = max(subtreeEnd[parent], subtreeEnd[index])
        }
        // Teaser cards: small `<article>` elements inside each container, and the text they hold.
        var cards = [Int](repeating: 0, count: count)
        var cardText = [Int](repeating: 0, count: count)
        for index in 1..<max(count, 1)
        where document.elements[index].tag == .article && paragraphText[index] < minimumContainerText {
            var parent = Int(document.elements[index].parent)
            while parent > 0 {
                cards[parent] += 1
                cardText[parent] += paragraphText[index]
                parent = Int(document.elements[parent].parent)
            }
        }
        var h1Element = -1
        for (index, block) in document.blocks.enumerated() where block.tag == .h1 && !block.removed && lineOfBlock[index] >= 0 {
            h1Element = Int(block.element)
            break
        }
        let pageText = Double(paragraphText[0])
        // An article container with real text wins: the deepest one holding most of the text,
        // not a list of cards, and holding a fair share of the page's text (or the headline).
        var bestContainer: Int?
        var bestText = 0
        for index in 0..<count {
            let element = document.elements[index]
            guard element.flags.contains(.container), !element.flags.contains(.removed),
                paragraphText[index] >= minimumContainerText
            else { continue }
            // A container of many cards is a list: only its text outside the cards counts.
            let ownText = cards[index] >= teaserCardCount ? paragraphText[index] - cardText[index] : paragraphText[index]
            guard ownText >= minimumContainerText else { continue }
            let share = Double(ownText) / max(pageText, 1)
            let holdsHeadline = h1Element >= index && h1Element < subtreeEnd[index]
            guard share >= minimumContainerShare || (holdsHeadline && share >= minimumContainerShare / 2) else { continue }
            if bestContainer != nil {
                if ownText * 10 >= bestText * 9 {
                    bestContainer = index
                    bestText = ownText
                }
            } else {
                bestContainer = index
                bestText = ownText
            }
        }
        if let bestContainer { return [bestContainer..<subtreeEnd[bestContainer]] }
        // Readability: the best-scoring element, discounted by link density.
        var best: Int?
        var bestScore = 0.0
        for index in 1..<max(count, 1) where score[index] > 0 && !document.elements[index].flags.contains(.removed) {
            let density = allText[index] == 0 ? 0 : Double(linkText[index]) / Double(allText[index])
            var value = score[index] * (1 - density)
            if document.elements[index].flags.contains(.positive) { value *= 1.25 }
            if value > bestScore {
                bestScore = value
                best = index
            }
        }
        guard let best else { return nil }
        // Climb while the parent holds clearly more paragraph text without being a link farm.
        var chosen = best
        while true {
            let parent = Int(document.elements[chosen].parent)
            guard parent > 0, !document.elements[parent].flags.contains(.removed) else { break }
            let density = allText[parent] == 0 ? 0 : Double(linkText[parent]) / Double(allText[parent])
            guard paragraphText[parent] * 10 >= paragraphText[chosen] * 13, density < 0.3 else { break }
            chosen = parent
        }
        // Siblings with a good share of prose and few links join it: a body split across sections.
        var ranges = [chosen..<subtreeEnd[chosen]]
        let parent = Int(document.elements[chosen].parent)
        if parent >= 0 {
            var sibling = parent + 1
            while sibling < subtreeEnd[parent] {
                if sibling != chosen, !document.elements[sibling].flags.contains(.removed),
                    Double(paragraphText[sibling]) >= Double(paragraphText[chosen]) * siblingShare,
                    paragraphText[sibling] >= minimumLooseParagraph,
                    Double(linkText[sibling]) <= Double(allText[sibling]) * siblingLinkDensity
                {
                    ranges.append(sibling..<subtreeEnd[sibling])
                }
                sibling = subtreeEnd[sibling]
            }
        }
        return ranges
    }

    /// Separators between a headline and the site name in `<title>`.
    static let titleSeparators = [" | ", " - ", " — ", " – ", " :: ", " · ", " • "]

    /// Strips " - Site Name" (or "Site Name | ") from a page title.
    static func cleanTitle(_ raw: String?, siteName: String?) -> String? {
        guard let raw else { return nil }
        var title = normalize(raw)
        let site = siteName.map { normalize($0).lowercased() }
        for separator in titleSeparators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound])
            let tail = String(title[range.upperBound...])
            let tailWords = tail.split(separator: " ").count
            let headWords = head.split(separator: " ").count
            if tail.lowercased() == site || (site == nil && tailWords <= 4 && headWords >= 3) {
                title = head
                break
            }
            if let site, head.lowercased() == site {
                title = tail
                break
            }
        }
        return title
    }

    /// Normalizes a metadata string the way body text is normalized.
    static func normalize(_ value: String) -> String {
        let bytes = Array(value.utf8)
        return bytes.withUnsafeBufferPointer { p in
            var normalizer = TextNormalizer(capacity: p.count)
            normalizer.newlinesAreSpaces = true
            normalizer.append(p)
            normalizer.finish()
            guard let line = normalizer.lines.first else { return "" }
            return String(decoding: normalizer.bytes[line.range], as: UTF8.self)
        }
    }
}
