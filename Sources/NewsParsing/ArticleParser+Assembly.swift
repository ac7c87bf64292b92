/// The analysis shared by plain text and HTML: dateline, entities, quotes,
/// language, word count, truncation and the content hash.
extension ArticleParser {
    /// Turns an extractor's draft into the final article. The draft is consumed, so removing
    /// a dateline edits its body and tokens in place instead of copying them.
    static func finish(_ draft: consuming ArticleDraft, inputBytes: Int) throws(ArticleParseError) -> ParsedArticle {
        guard !draft.paragraphRanges.isEmpty else {
            throw ArticleParseError(
                .noContent,
                "no article text found in \(ArticleParseError.grouped(inputBytes)) bytes: "
                    + "\(draft.removedLines.count) lines were removed as navigation or boilerplate"
                    + (draft.title.isEmpty ? "" : " and only a title (\"\(draft.title.prefix(80))\") remained")
                    + (draft.rungsTried.isEmpty ? "" : "; tried: " + draft.rungsTried.joined(separator: ", "))
                    + "; check that the input is an article page, not an index, error or consent page")
        }

        // The dateline prefix of the first paragraph (after a standfirst that opens the body).
        let first = min(draft.leadParagraphs, draft.paragraphRanges.count - 1)
        var dateline: DatelineParser.Dateline?
        draft.body.withUnsafeBufferPointer { p in
            dateline = DatelineParser.parse(UnsafeBufferPointer(rebasing: p[draft.paragraphRanges[first]]))
        }
        if let dateline {
            let start = draft.paragraphRanges[first].lowerBound
            let shift = dateline.bodyStart
            draft.body.removeSubrange(start..<(start + shift))
            // Rebased in place: the draft is consumed, so its ranges are not copied.
            for index in first..<draft.paragraphRanges.count {
                let range = draft.paragraphRanges[index]
                draft.paragraphRanges[index] =
                    index == first ? start..<(range.upperBound - shift) : (range.lowerBound - shift)..<(range.upperBound - shift)
            }
            if var tokens = draft.tokens {
                draft.tokens = nil  // `tokens` is now the only reference: no copy below
                let firstDropped = tokens.firstIndex { Int($0.start) >= start } ?? tokens.count
                let endDropped = tokens[firstDropped...].firstIndex { Int($0.start) >= start + shift } ?? tokens.count
                let dropped = endDropped - firstDropped
                // The kept tokens are moved down and rebased in one pass, then the tail is cut:
                // `removeFirst` moved them one by one through a generic `replaceSubrange` first.
                tokens.withUnsafeMutableBufferPointer { buffer in
                    for index in endDropped..<buffer.count {
                        var token = buffer[index]
                        token.start -= Int32(shift)
                        token.end -= Int32(shift)
                        buffer[index - dropped] = token
                    }
                }
                tokens.removeLast(dropped)
                if firstDropped < tokens.count { tokens[firstDropped].flags.insert(.sentenceStart) }
                draft.tokens = tokens
            }
        }

        let paragraphs = draft.paragraphRanges.indices.map { draft.paragraph($0) }
        // The body keeps the page's quote characters; the hash is over quote styles folded, so two
        // copies of an article that differ only in them still hash the same.
        let contentHash = TextNormalizer.foldingQuotes(draft.body).withUnsafeBufferPointer { SHA256.hexDigest($0) }
        // The article is built in one expression as the closure's result. Declared outside and
        // filled from inside, it was copied twice (into the variable the closure captured, and
        // out of it on return), each copy retaining and then releasing all of its fields.
        return draft.body.withUnsafeBufferPointer { p in
            let tokens = draft.tokens ?? WordTokenizer.tokenize(p)
            let places = dateline.map { datelinePlaces($0.parts) } ?? []
            let entities = EntityRecognizer(p, tokens).recognize(extraPlaces: places)
            let quotes = QuoteExtractor(p, tokens, mentions: entities.personMentions).extract(paragraphRanges: draft.paragraphRanges)
            var language = LanguageDetector.detect(tokens)
            if language == "und", let hint = draft.languageHint { language = hint }
            let truncated = TruncationDetector.isTruncated(
                p, lastParagraph: draft.paragraphRanges[draft.paragraphRanges.count - 1],
                markerFollowed: draft.endsWithTruncationMarker)
            return ParsedArticle(
                title: draft.title, subtitle: draft.subtitle, dateline: dateline?.place, byline: draft.byline,
                publishedAt: draft.publishedAt, paragraphs: paragraphs, quotes: quotes, people: entities.people,
                organizations: entities.organizations, places: entities.places, language: language,
                wordCount: tokens.count, truncated: truncated, contentHash: contentHash,
                removedLines: draft.removedLines)
        }
    }

    /// Canonical names for the parts of a dateline ("BANDAR SERI BEGAWAN" → "Bandar Seri Begawan").
    static func datelinePlaces(_ parts: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(parts.count)
        for part in parts {
            // The part's own UTF-8 storage (a native String's is contiguous), not a copy in a new array.
            var storage = part
            let name: String? = storage.withUTF8 { q in
                let hash: UInt64
                if let asciiHash = asciiPhraseHash(q) {
                    hash = asciiHash
                    assert(
                        { let tokens = WordTokenizer.tokenize(q); return Gazetteer.phraseHash(tokens, 0, tokens.count) }() == hash,
                        "asciiPhraseHash differs from the tokens' phrase hash for \(part)")
                } else {
                    let tokens = WordTokenizer.tokenize(q)
                    guard !tokens.isEmpty else { return nil }
                    hash = Gazetteer.phraseHash(tokens, 0, tokens.count)
                }
                if let match = Gazetteer.aliasIndex[hash], Gazetteer.entries[match.entry].kind == .place {
                    return Gazetteer.entries[match.entry].canonical
                }
                // Unknown places: "SPRINGFIELD" → "Springfield"; abbreviations ("Calif.") are skipped.
                if q.last == 0x2E { return nil }
                if let name = asciiTitleCase(q) { return name }
                return part.split(separator: " ").map { word in
                    word.prefix(1).uppercased() + word.dropFirst().lowercased()
                }.joined(separator: " ")
            }
            if let name, !result.contains(name) { result.append(name) }
        }
        return result
    }

    /// The phrase hash of ASCII letters in words with one space between them ("BANDAR SERI
    /// BEGAWAN", "Brunei"), the usual dateline part, or nil for any other text. It equals
    /// ``Gazetteer/phraseHash(_:_:_:)`` of the part's tokens (each such word is one token,
    /// hashed over its bytes) and is found without tokenizing, which allocated a token array.
    static func asciiPhraseHash(_ q: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = q.baseAddress, !q.isEmpty else { return nil }
        var hash: UInt64 = 0
        var wordStart = 0
        for i in 0...q.count {
            if i == q.count || q[i] == 0x20 {
                guard i > wordStart else { return nil }  // a space at either end, or two in a row
                let word = WordHash.hash(base + wordStart, i - wordStart)
                hash = wordStart == 0 ? word : WordHash.combine(hash, word)
                wordStart = i + 1
            } else if ((q[i] | 0x20) &- 0x61) >= 26 {
                return nil
            }
        }
        return hash
    }

    /// ASCII words in title case, one space between them ("BANDAR  SERI" → "Bandar Seri"), or
    /// nil when there is a non-ASCII byte: the same as Unicode case mapping of each word's first
    /// character and rest, without building a String per word.
    static func asciiTitleCase(_ q: UnsafeBufferPointer<UInt8>) -> String? {
        guard !q.contains(where: { $0 >= 0x80 }) else { return nil }
        var name: [UInt8] = []
        name.reserveCapacity(q.count)
        var atWordStart = true
        for b in q {
            if b == 0x20 {
                atWordStart = true
                continue
            }
            if atWordStart {
                if !name.isEmpty { name.append(0x20) }
                name.append((b &- 0x61) < 26 ? b - 0x20 : b)
                atWordStart = false
            } else {
                name.append(UTF8Scan.lower(b))
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// A title for text without a headline: its first sentence, cut at a word boundary.
    static func fallbackTitle(_ body: [UInt8], _ range: Range<Int>) -> String {
        let limit = 120
        var end = range.upperBound
        var k = range.lowerBound
        while k < range.upperBound {
            let b = body[k]
            if (b == 0x2E || b == 0x21 || b == 0x3F) && (k + 1 == range.upperBound || body[k + 1] == 0x20) && k - range.lowerBound > 10 {
                end = k
                break
            }
            k += 1
        }
        if end - range.lowerBound > limit {
            end = range.lowerBound + limit
            while end > range.lowerBound, body[end] != 0x20 { end -= 1 }
            if end == range.lowerBound { end = range.lowerBound + limit }
            while end > range.lowerBound, body[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: body[range.lowerBound..<end], as: UTF8.self) + "…"
        }
        return String(decoding: body[range.lowerBound..<end], as: UTF8.self)
    }
}
