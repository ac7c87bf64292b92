/// Finds the title, metadata lines, chrome and body paragraphs of a plain-text article.
///
/// Works on normalized lines: hard-wrapped paragraphs are first joined into
/// logical lines, every line is scored by ``BoilerplateClassifier`` (chrome
/// spreads to short neighbours in the same block), "By …" and date lines near
/// the top become metadata, the first headline-like line becomes the title (what
/// precedes it is site chrome), and a short unpunctuated line right after it
/// becomes the subtitle.
enum PlainTextExtractor {
    /// How many leading lines may hold the title, byline and date.
    static let headerWindow = 15
    /// A title has at most this many words and bytes.
    static let maximumTitleWords = 30
    static let maximumTitleBytes = 250
    /// A subtitle has at most this many words.
    static let maximumSubtitleWords = 35
    /// Date lines are short.
    static let maximumDateLineWords = 14
    /// Minimum share of a date line's words that belong to the date.
    static let minimumDateCoverage = 0.6
    /// Lines of a hard-wrapped block are between these lengths (bytes).
    static let wrappedLineLengths = 40...100

    /// One logical line: bytes, block and the range of its tokens.
    struct LogicalLine {
        var range: Range<Int>
        var block: Int
        var tokens: Range<Int>
    }

    static func extract(_ normalized: TextNormalizer) -> ArticleDraft {
        let (text, blocks) = joinWrappedBlocks(normalized)
        return text.withUnsafeBufferPointer { p in
            extract(p, blocks: blocks)
        }
    }

    /// Joins hard-wrapped blocks into single lines; returns the text (lines end in "\n") and each line's block.
    static func joinWrappedBlocks(_ normalized: TextNormalizer) -> (text: [UInt8], blocks: [(Range<Int>, Int)]) {
        let lines = normalized.lines
        let bytes = normalized.bytes
        var wrappedBlocks = Set<Int>()
        var index = 0
        while index < lines.count {
            var end = index + 1
            while end < lines.count, lines[end].block == lines[index].block { end += 1 }
            if end - index >= 2 {
                var wrapped = true
                var unterminated = false
                bytes.withUnsafeBufferPointer { p in
                    for k in index..<end {
                        let length = lines[k].range.count
                        if length > wrappedLineLengths.upperBound || (k < end - 1 && length < wrappedLineLengths.lowerBound) {
                            wrapped = false
                        }
                        if k < end - 1 && !BoilerplateClassifier.endsWithTerminal(p, lines[k].range) { unterminated = true }
                    }
                }
                if wrapped && unterminated { wrappedBlocks.insert(lines[index].block) }
            }
            index = end
        }
        if wrappedBlocks.isEmpty {
            return (bytes, lines.map { ($0.range, $0.block) })
        }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var result: [(Range<Int>, Int)] = []
        var previousBlock = -1
        for line in lines {
            if wrappedBlocks.contains(line.block) && line.block == previousBlock {
                text.removeLast()  // the "\n"
                text.append(0x20)
                text.append(contentsOf: bytes[line.range])
                let start = result[result.count - 1].0.lowerBound
                result[result.count - 1].0 = start..<text.count
            } else {
                let start = text.count
                text.append(contentsOf: bytes[line.range])
                result.append((start..<text.count, line.block))
            }
            text.append(0x0A)
            previousBlock = line.block
        }
        return (text, result)
    }

    private static func extract(_ p: UnsafeBufferPointer<UInt8>, blocks: [(Range<Int>, Int)]) -> ArticleDraft {
        var draft = ArticleDraft(capacity: p.count)
        var tokens = WordTokenizer.tokenize(p)
        var lines: [LogicalLine] = []
        lines.reserveCapacity(blocks.count)
        var cursor = 0
        for (index, (range, block)) in blocks.enumerated() {
            let first = cursor
            while cursor < tokens.count, tokens[cursor].line == Int32(index) { cursor += 1 }
            lines.append(LogicalLine(range: range, block: block, tokens: first..<cursor))
        }
        guard !lines.isEmpty else { return draft }

        // Score every line.
        var features = lines.map { BoilerplateClassifier.features(p, line: $0.range, tokens: tokens, range: $0.tokens) }
        markDuplicates(p, lines, &features)
        var chrome = features.map(\.isChrome)
        spreadChrome(lines, features, &chrome)

        // Byline and date lines near the top.
        var metadata = [Bool](filledWith: false, count: lines.count)
        var seen = 0
        for index in lines.indices where seen < headerWindow {
            if chrome[index] { continue }
            seen += 1
            let line = lines[index]
            if draft.byline == nil, line.tokens.count <= BylineParser.maximumWords + 2, !line.tokens.isEmpty,
                tokens[line.tokens.lowerBound].isA(Lexicon.bylinePrefix),
                let byline = BylineParser.parse(string(p, line.range))
            {
                draft.byline = byline
                metadata[index] = true
                if draft.publishedAt == nil, let (date, coverage) = DateParser.parse(UnsafeBufferPointer(rebasing: p[line.range])),
                    coverage >= 0.3
                {
                    draft.publishedAt = date
                }
                continue
            }
            if draft.publishedAt == nil, line.tokens.count <= maximumDateLineWords,
                DateParser.mayContainDate(p, tokens[line.tokens]),
                let (date, coverage) = DateParser.parse(UnsafeBufferPointer(rebasing: p[line.range])),
                coverage >= minimumDateCoverage
            {
                draft.publishedAt = date
                metadata[index] = true
            }
        }

        // The title: the first headline-like line; whatever precedes it is chrome.
        var titleIndex: Int?
        var considered = 0
        for index in lines.indices where !chrome[index] && !metadata[index] {
            considered += 1
            if considered > headerWindow { break }
            let line = lines[index]
            let f = features[index]
            if f.words >= BoilerplateRules.proseWordCount && f.stopwordShare >= BoilerplateRules.proseStopwordShare { break }
            if f.words >= 2, f.words <= maximumTitleWords, line.range.count <= maximumTitleBytes, line.range.count >= 10,
                !(f.endsTerminal && p[line.range.upperBound - 1] == 0x2E),
                DatelineParser.parse(UnsafeBufferPointer(rebasing: p[line.range])) == nil
            {
                titleIndex = index
                break
            }
            if f.endsTerminal { break }  // the body has started
        }
        var bodyStart = 0
        if let titleIndex {
            draft.title = string(p, lines[titleIndex].range)
            for index in 0..<titleIndex where !metadata[index] { chrome[index] = true }
            bodyStart = titleIndex + 1
            // The subtitle: the next short, unpunctuated line, if the body follows it.
            var next = bodyStart
            while next < lines.count, metadata[next] || chrome[next] { next += 1 }
            if next < lines.count {
                let f = features[next]
                let line = lines[next]
                var hasBodyAfter = false
                for later in (next + 1)..<max(next + 1, lines.count) where !chrome[later] && !metadata[later] {
                    hasBodyAfter = true
                    break
                }
                if hasBodyAfter, f.words >= 2, f.words <= maximumSubtitleWords, line.range.count <= 300, !f.endsTerminal,
                    !f.endsColon, !f.hasQuotation,
                    DatelineParser.parse(UnsafeBufferPointer(rebasing: p[line.range])) == nil
                {
                    draft.subtitle = string(p, line.range)
                    metadata[next] = true
                }
            }
        }

        // The article's region: blocks classified with their neighbours, cut at section markers.
        markRegion(p, lines, features, tokens, from: bodyStart, metadata: metadata, &chrome)

        // The body. Its tokens are the kept lines' tokens, rebased on the body: they are moved
        // down in the text's own token array rather than copied into a second one. A kept line's
        // tokens never move up (lines are only dropped), so no token is overwritten before it is
        // read, and the array is uniquely referenced here, so it is not copied either.
        var keptTokens = 0
        draft.paragraphRanges.reserveCapacity(lines.count)
        draft.removedLines.reserveCapacity(chrome.count { $0 })
        var lastBody = -1
        for index in lines.indices {
            let line = lines[index]
            if chrome[index] {
                draft.removedLines.append(string(p, line.range))
                continue
            }
            guard index >= bodyStart, !metadata[index] else { continue }
            lastBody = index
            guard !line.range.isEmpty else { continue }
            draft.appendParagraph(UnsafeBufferPointer(rebasing: p[line.range]))
            let shift = Int32(draft.paragraphRanges[draft.paragraphRanges.count - 1].lowerBound - line.range.lowerBound)
            let paragraph = Int32(draft.paragraphRanges.count - 1)
            tokens.withUnsafeMutableBufferPointer { buffer in
                for source in line.tokens {
                    var token = buffer[source]
                    token.start &+= shift
                    token.end &+= shift
                    token.line = paragraph
                    buffer[keptTokens] = token
                    keptTokens += 1
                }
            }
        }
        tokens.removeLast(tokens.count - keptTokens)
        draft.tokens = tokens
        if lastBody >= 0 {
            for index in (lastBody + 1)..<max(lastBody + 1, lines.count) where features[index].truncationMarker {
                draft.endsWithTruncationMarker = true
            }
        }
        if draft.title.isEmpty, !draft.paragraphRanges.isEmpty {
            draft.title = ArticleParser.fallbackTitle(draft.body, draft.paragraphRanges[0])
        }
        return draft
    }

    /// jusText's classes of a block, from its length and stopword density.
    enum BlockClass { case good, nearGood, short, bad }

    /// A block of at least this many bytes, dense in stopwords, is prose (jusText's `length_high`, 200,
    /// lowered: news paragraphs are often one or two sentences; measured on the development pages).
    static let goodBlockBytes = 150
    /// Blocks shorter than this are judged by their neighbours (jusText's `length_low`).
    static let shortBlockBytes = 70
    /// Stopword share of prose (jusText's `stopwords_low`, lowered a little: the profiles hold
    /// each language's hundred most frequent function words, not jusText's longer lists).
    static let proseStopwordShare = 0.22
    /// A long sentence with at least this stopword share is near-good even below `proseStopwordShare`.
    static let lowProseStopwordShare = 0.12
    /// Below this stopword share over its long lines a text is in a language without a
    /// profile (Polish, Japanese…): its blocks are judged by length and punctuation alone.
    static let profiledStopwordShare = 0.08

    /// Finds the article in a text that carries a page's chrome (a scraper's visible-text dump),
    /// as jusText does: long stopword-dense blocks are good, short blocks take the class of their
    /// good or bad neighbours, and near-good ones are kept unless bad blocks surround them. A long
    /// line repeated verbatim (a promo box) is bad, and the article ends at a section marker
    /// (comments, related stories, share bar, further reading; ``isSectionHeading(_:_:_:)``) when
    /// little prose follows it. A short line that opens with a call to action ("Sign up to get…",
    /// "Read more: …") is bad, however sentence-like, and so is a caption or line that credits a
    /// picture ("Foto: dpa", "Photo by …"), and a run of lines cut from one template (a share bar
    /// spelled out: "Share on Facebook", "Share on LinkedIn"…). A text with no bad
    /// block (a clean article) is left whole.
    static func markRegion(
        _ p: UnsafeBufferPointer<UInt8>, _ lines: [LogicalLine], _ features: [BoilerplateClassifier.Features], _ tokens: [Token],
        from bodyStart: Int, metadata: [Bool], _ chrome: inout [Bool]
    ) {
        let candidates = lines.indices.filter { $0 >= bodyStart && !metadata[$0] && !lines[$0].range.isEmpty }
        guard candidates.count >= 2 else { return }
        // Languages without a stopword profile: judged by length and sentence punctuation.
        var stopwords = 0
        var words = 0
        for index in candidates where lines[index].range.count >= shortBlockBytes {
            stopwords += features[index].stopwords
            words += features[index].words
        }
        let profiled = words == 0 || Double(stopwords) >= Double(words) * profiledStopwordShare
        // Long lines that repeat verbatim.
        var counts: [UInt64: Int] = [:]
        var hashes = [UInt64](repeating: 0, count: lines.count)
        for index in candidates where features[index].words > BoilerplateRules.labelLineWords {
            let range = lines[index].range
            hashes[index] = WordHash.hash(p.baseAddress! + range.lowerBound, range.count)
            counts[hashes[index], default: 0] += 1
        }
        var classes: [BlockClass] = candidates.map { index in
            let f = features[index]
            let length = lines[index].range.count
            if chrome[index] || (hashes[index] != 0 && counts[hashes[index]]! > 1) { return .bad }
            if f.callToAction && f.words <= maximumCallToActionWords && opensWithCallToAction(tokens, lines[index].tokens) { return .bad }
            if f.words <= maximumCreditWords && isCredit(p, tokens, lines[index].tokens) { return .bad }
            let prose = profiled ? f.stopwordShare >= proseStopwordShare : f.endsTerminal || f.words >= BoilerplateRules.proseWordCount
            // A short sentence ("Officials declined to comment.") is near-good, not short: it
            // stays unless bad blocks surround it.
            if length < shortBlockBytes { return prose && f.endsTerminal && f.words >= 3 ? .nearGood : .short }
            if !prose {
                // A long sentence with few stopwords (a lead full of names and numbers) is near-good.
                return f.endsTerminal && length >= goodBlockBytes && f.stopwordShare >= lowProseStopwordShare ? .nearGood : .bad
            }
            return length >= goodBlockBytes ? .good : .nearGood
        }
        markTemplatedRuns(lines, features, tokens, candidates, &classes)
        guard classes.contains(.bad) else { return }
        // Neighbours, ignoring short blocks (and near-good ones when asked); the text's ends are bad.
        func neighbour(_ from: Int, _ step: Int, ignoringNearGood: Bool) -> BlockClass {
            var k = from + step
            while k >= 0 && k < classes.count {
                let c = classes[k]
                if c == .good || c == .bad || (c == .nearGood && !ignoringNearGood) { return c }
                k += step
            }
            return .bad
        }
        var revised = classes
        for k in classes.indices where classes[k] == .short {
            let previous = neighbour(k, -1, ignoringNearGood: true)
            let next = neighbour(k, 1, ignoringNearGood: true)
            if previous == .good && next == .good {
                revised[k] = .good
            } else if previous == .bad && next == .bad {
                revised[k] = .bad
            } else if (previous == .bad && neighbour(k, -1, ignoringNearGood: false) == .nearGood)
                || (next == .bad && neighbour(k, 1, ignoringNearGood: false) == .nearGood)
            {
                revised[k] = .good
            } else {
                revised[k] = .bad
            }
        }
        classes = revised
        for k in classes.indices where classes[k] == .nearGood {
            let previous = neighbour(k, -1, ignoringNearGood: true)
            let next = neighbour(k, 1, ignoringNearGood: true)
            revised[k] = previous == .bad && next == .bad ? .bad : .good
        }
        classes = revised
        // The section marker that ends the article: a heading of comments or related stories
        // after most of the prose, or a heading that only follows an article (comments, tags)
        // after a quarter of it, since a thread after a short article can hold more prose than it.
        var goodBytes = [Int](repeating: 0, count: classes.count + 1)  // prose before k
        for k in classes.indices { goodBytes[k + 1] = goodBytes[k] + (classes[k] == .good ? lines[candidates[k]].range.count : 0) }
        let total = goodBytes[classes.count]
        for k in classes.indices where goodBytes[k] > 0 && isSectionHeading(features[candidates[k]], tokens, lines[candidates[k]].tokens) {
            let share = isTerminalSectionHeading(tokens, lines[candidates[k]].tokens) ? terminalSectionShare : 0.5
            if Double(goodBytes[k]) >= Double(total) * share {
                for later in k..<classes.count { classes[later] = .bad }
                break
            }
        }
        // No good block at all: the text is not prose this can judge; the line rules alone decide.
        guard classes.contains(.good) else { return }
        for (k, index) in candidates.enumerated() where classes[k] == .bad { chrome[index] = true }
    }

    /// Flags short lines that occur more than once in the text.
    static func markDuplicates(_ p: UnsafeBufferPointer<UInt8>, _ lines: [LogicalLine], _ features: inout [BoilerplateClassifier.Features]) {
        // Line hashes (zero: not a short line), then the non-zero ones sorted, to find those that
        // repeat. An article has a few dozen lines, and most have no repeated one, so this costs
        // less than the hash table it replaced; both lists share one temporary buffer (on the
        // stack for a usual article) instead of two arrays.
        let count = lines.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * count) { buffer in
            var sortedCount = 0
            for (index, line) in lines.enumerated() {
                var hash: UInt64 = 0
                if line.tokens.count <= BoilerplateRules.labelLineWords && !line.range.isEmpty {
                    hash = WordHash.hash(p.baseAddress! + line.range.lowerBound, line.range.count)
                    buffer[count + sortedCount] = hash
                    sortedCount += 1
                }
                buffer[index] = hash
            }
            var sorted = UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + sortedCount)])
            sorted.sort()
            var repeated: [UInt64] = []
            for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] && repeated.last != sorted[index] {
                repeated.append(sorted[index])
            }
            guard !repeated.isEmpty else { return }
            for index in 0..<count where buffer[index] != 0 && isElement(buffer[index], ofSorted: repeated) {
                features[index].duplicate = true
            }
        }
    }

    /// Whether `value` is in the ascending `values` (binary search).
    private static func isElement(_ value: UInt64, ofSorted values: [UInt64]) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value
    }

    /// Chrome spreads to short, weakly suspicious lines in the same block.
    static func spreadChrome(_ lines: [LogicalLine], _ features: [BoilerplateClassifier.Features], _ chrome: inout [Bool]) {
        func eligible(_ index: Int) -> Bool {
            !chrome[index] && features[index].score >= 1 && features[index].words <= BoilerplateRules.labelLineWords
        }
        if lines.count < 2 { return }
        for index in 1..<lines.count where chrome[index - 1] && lines[index].block == lines[index - 1].block && eligible(index) {
            chrome[index] = true
        }
        for index in stride(from: lines.count - 2, through: 0, by: -1)
        where chrome[index + 1] && lines[index].block == lines[index + 1].block && eligible(index) {
            chrome[index] = true
        }
    }

    static func string(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(copyingValidUTF8: UnsafeBufferPointer(rebasing: p[range]))
    }
}
