/// Finds direct quotations in the body and attributes them to speakers.
///
/// Quotes are “…” and «…» spans (the normalizer has already turned every other
/// style into “…”). Short scare quotes ("portfolio") are skipped unless an
/// attribution follows. The speaker comes from the words right after the quote
/// ("Mr. Kerry said", "said Kerry", "Kerry told reporters", "he said"), else
/// from the same sentence before it ("Kerry said the two sides had “…”"), else
/// from "according to X". "he"/"she" resolve to the last named speaker only
/// when no other person has become the subject since, and the gender fits.
struct QuoteExtractor {
    /// Verbs of saying, in the supported languages.
    static let speechVerbWords: [String] = [
            "said", "says", "say", "told", "tells", "tell", "added", "adds", "asked", "asks", "explained", "explains",
            "stressed", "argued", "argues", "insisted", "insists", "noted", "notes", "wrote", "writes", "declared",
            "stated", "warned", "warns", "replied", "continued", "acknowledged", "announced", "claimed", "claims",
            "recalled", "conceded", "suggested", "urged", "remarked", "observed", "testified", "responded",
            "predicted", "indicated", "asserted", "cautioned", "complained", "vowed", "promised", "admitted",
            "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "meinte", "warnte", "fügte", "dit", "déclaré",
            "affirmé", "expliqué", "ajouté", "estimé", "souligné", "déclare", "affirme", "dijo", "afirmó", "explicó",
            "señaló", "aseguró", "añadió", "declaró", "indicó", "advirtió", "detto", "dichiarato", "spiegato",
            "aggiunto", "ha", "disse", "afirmou", "declarou", "explicou", "zei", "zegt", "verklaarde", "сказал",
            "заявил", "сообщил", "сказала", "заявила", "gesagt", "gezegd", "dichiarato", "declarado",
        ]

    /// Auxiliaries of compound past tenses before a verb of saying ("a déclaré", "ha detto").
    static let auxiliaryWords = ["a", "ha", "hat", "heeft", "has", "had", "ont", "han", "hanno"]

    /// Articles that may stand between a verb of saying and a title or name ("a déclaré le ministre").
    static let articleWords = ["the", "le", "la", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "den", "dem", "de", "o", "het"]

    /// How many title words may separate a verb of saying from the name ("sagte Bahnchef Richard Lehmann").
    static let maximumTitleWords = 4
    /// How far back (in words) an attribution before a quote, or a sentence start, is looked for.
    static let lookBehind = 40

    /// "according to", "selon", "según", ...: the following name is the source.
    static let accordingTo: [[String]] = [
        ["according", "to"], ["selon"], ["según"], ["laut"], ["secondo"], ["segundo"], ["volgens"], ["по", "словам"],
    ]

    /// Subject pronouns and the gender they imply.
    static let pronounWords: [(String, Character)] = [
            ("he", "m"), ("she", "f"), ("er", "m"), ("sie", "f"), ("il", "m"), ("elle", "f"), ("él", "m"),
            ("ella", "f"), ("lui", "m"), ("lei", "f"), ("ele", "m"), ("hij", "m"), ("zij", "f"), ("он", "m"),
            ("она", "f"),
        ]

    /// Quotes with fewer words are scare quotes unless an attribution follows.
    static let minimumWords = 4
    /// How far after a name the verb of saying may come ("Mr. Kerry also said").
    static let verbDistance = 3

    let p: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let mentions: [EntityRecognizer.PersonMention]
    /// Token index → index of the mention covering it, or -1. One array serves for the mention
    /// starting at a token too (``mentionStarting(_:)``): the recognizer's mentions are in
    /// text order and never overlap, so a token's covering mention is the only one that can
    /// start there.
    private var mentionCovering: [Int32]

    init(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], mentions: [EntityRecognizer.PersonMention]) {
        self.p = p
        self.tokens = tokens
        self.mentions = mentions
        mentionCovering = Array(filledWith: -1, count: tokens.count + 1)
        var previousEnd = 0
        for (index, mention) in mentions.enumerated() {
            assert(mention.tokens.lowerBound >= previousEnd, "person mentions overlap or are out of order")
            previousEnd = mention.tokens.upperBound
            for t in mention.tokens { mentionCovering[t] = Int32(index) }
        }
    }

    /// Index in `mentions` of the mention starting at token `j`, or -1.
    @inline(__always)
    private func mentionStarting(_ j: Int) -> Int32 {
        let covering = mentionCovering[j]
        return covering >= 0 && mentions[Int(covering)].tokens.lowerBound == j ? covering : -1
    }

    // MARK: Speaker events

    /// Who is speaking or is the subject, in text order, for resolving pronouns.
    private struct Event {
        var token: Int
        var mention: Int
        var isSpeaker: Bool
    }

    /// The gender of a subject pronoun, or nil when the word is not one.
    private func pronounGender(_ token: Token) -> Character? {
        token.isA(Lexicon.pronoun) ? Lexicon.gender(token.lexicon) : nil
    }

    private func isSpeechVerb(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].isA(Lexicon.speechVerb)
    }

    /// The speech verb within `verbDistance` words after token `index`, staying in its sentence.
    private func verbAfter(_ index: Int) -> Int? {
        var j = index + 1
        while j < tokens.count, j <= index + QuoteExtractor.verbDistance, tokens[j].sentence == tokens[index].sentence {
            if isSpeechVerb(j) { return j }
            if tokens[j].has(.capitalized) { return nil }
            j += 1
        }
        return nil
    }

    /// Mention index for a name right after `index`, skipping an article, honorific or title
    /// ("said Mr. Kerry", "a déclaré le ministre des Transports, Julien Marchand").
    private func mentionAfter(_ index: Int) -> Int? {
        var j = index
        var skipped = 0
        while j < tokens.count, skipped <= QuoteExtractor.maximumTitleWords, tokens[j].sentence == tokens[index].sentence {
            let start = mentionStarting(j)
            if start >= 0 { return Int(start) }
            let t = tokens[j]
            let skippable = t.isA(Lexicon.honorific | Lexicon.titleModifier | Lexicon.article)
                || (t.has(.capitalized) && mentionCovering[j] < 0)
            guard skippable, !isSpeechVerb(j), !t.isA(Lexicon.pronoun) else { return nil }
            j += 1
            skipped += 1
        }
        return nil
    }

    /// Speaker and subject events over the whole text.
    private func events() -> [Event] {
        var result: [Event] = []
        // At most one event per mention: allocated once rather than grown 1, 2, 4, 8.
        result.reserveCapacity(mentions.count)
        var lastSentence: Int32 = -1
        var sentenceStart = 0
        var sentenceHasSubject = false
        var pronounFirst = false
        for (index, mention) in mentions.enumerated() {
            let first = mention.tokens.lowerBound
            let last = mention.tokens.upperBound - 1
            let sentence = tokens[first].sentence
            if sentence != lastSentence {
                lastSentence = sentence
                sentenceHasSubject = false
                sentenceStart = first
                while sentenceStart > 0, first - sentenceStart < QuoteExtractor.lookBehind,
                    tokens[sentenceStart - 1].sentence == sentence
                {
                    sentenceStart -= 1
                }
                pronounFirst = (sentenceStart..<first).contains { tokens[$0].isA(Lexicon.pronoun) }
            }
            var speaker = verbAfter(last) != nil || verbAfterAppositive(last) != nil
            if !speaker, first > 0, tokens[first - 1].sentence == sentence, isSpeechVerb(first - 1) {
                speaker = true  // "said Kerry"
            }
            if !speaker, first > 1, tokens[first - 2].sentence == sentence, isSpeechVerb(first - 2),
                tokens[first - 1].isA(Lexicon.honorific)
            {
                speaker = true  // "said Mr. Kerry"
            }
            var subject = false
            if !sentenceHasSubject {
                sentenceHasSubject = true
                subject = !pronounFirst && first - sentenceStart <= 6
            }
            if speaker || subject {
                result.append(Event(token: first, mention: index, isSpeaker: speaker))
            }
        }
        return result
    }

    /// For "Name, the senior commander, said": the verb after a comma-delimited appositive.
    private func verbAfterAppositive(_ last: Int) -> Int? {
        guard tokens[last].has(.comma) else { return nil }
        var j = last + 1
        let sentence = tokens[last].sentence
        while j < tokens.count, j <= last + 10, tokens[j].sentence == sentence {
            if tokens[j].has(.comma) {
                if isSpeechVerb(j + 1) { return j + 1 }
                return nil
            }
            if mentionStarting(j) >= 0 { return nil }
            j += 1
        }
        return nil
    }

    /// Resolves a pronoun at token `index` with gender `gender`.
    private func resolvePronoun(at index: Int, gender: Character, events: [Event]) -> String? {
        var lastSpeaker: Event?
        var position = events.endIndex
        while position > events.startIndex {
            position -= 1
            let event = events[position]
            if event.token >= index { continue }
            if event.isSpeaker {
                lastSpeaker = event
                break
            }
        }
        guard let lastSpeaker else { return nil }
        let name = mentions[lastSpeaker.mention].name
        // Another person became the subject after the speaker: "he" is ambiguous.
        for event in events where event.token > lastSpeaker.token && event.token < index {
            if mentions[event.mention].name != name { return nil }
        }
        if let known = mentions[lastSpeaker.mention].gender, known != gender { return nil }
        return name
    }

    // MARK: Quotes

    /// All quotes in the text; `paragraphRanges` are the byte ranges of the paragraphs.
    func extract(paragraphRanges: [Range<Int>]) -> [Quote] {
        let allEvents = events()
        var quotes: [Quote] = []
        var tokenCursor = 0
        for (paragraph, range) in paragraphRanges.enumerated() {
            var i = range.lowerBound
            while i + 1 < range.upperBound {
                // Quote marks are " ` , or start with 0xC2 or 0xE2; other bytes are skipped.
                if !QuoteExtractor.markBytes[Int(p[i])] {
                    i += 1
                    continue
                }
                let (open, style) = openingMark(at: i)
                guard open > 0 else {
                    i += 1
                    continue
                }
                let textStart = i + open
                var close = textStart
                var closeLength = 0
                while close < range.upperBound {
                    while close < range.upperBound, !QuoteExtractor.markBytes[Int(p[close])] { close += 1 }
                    if close == range.upperBound { break }
                    closeLength = closingMark(at: close, style: style)
                    if closeLength > 0 { break }
                    close += 1
                }
                let textEnd = close
                let after = min(close + closeLength, range.upperBound)
                i = max(after, textStart)
                guard let (text, words) = quoteText(textStart..<textEnd) else { continue }
                tokenCursor = firstToken(from: tokenCursor, startingAtOrAfter: textStart)
                let firstInside = tokenCursor
                let firstAfter = firstToken(from: firstInside, startingAtOrAfter: after)
                let attribution = speakerAfter(firstAfter, lastInside: firstAfter - 1, events: allEvents)
                if words < QuoteExtractor.minimumWords && attribution == nil { continue }
                var speaker = attribution ?? nil
                if attribution == nil {
                    speaker = speakerBefore(firstInside, events: allEvents) ?? nil
                }
                // A second quote in the same paragraph with no attribution of its own continues the first.
                if attribution == nil, speaker == nil, let previous = quotes.last, previous.paragraph == paragraph {
                    speaker = previous.speaker
                }
                quotes.append(Quote(text: text, speaker: speaker, paragraph: paragraph))
            }
        }
        return quotes
    }

    /// Which pair a quote opened with, so that only its own closing mark ends it.
    enum MarkStyle {
        case english  // “…”
        case low  // „…“ (also „…”)
        case guillemets  // «…»
        case reversedGuillemets  // »…«
        case straight  // "…"
        case doubledSingle  // ‘‘…’’
        case typewriter  // ``…'' and ,,…''
    }

    /// Bytes a quote mark can start with: " ' ` , and the lead bytes of « » and the U+201x quotes.
    static let markBytes: [Bool] = (0..<256).map { b in b == 0x22 || b == 0x27 || b == 0x60 || b == 0x2C || b == 0xC2 || b == 0xE2 }

    /// The length and style of an opening mark at `i` (“ „ « » or a straight quote before a word), or 0.
    @inline(__always)
    private func openingMark(at i: Int) -> (Int, MarkStyle) {
        let b = p[i]
        if b == 0x22 {
            // A straight quote opens at a line start or after a space or bracket, before a non-space.
            let before = i == 0 ? 0x20 : p[i - 1]
            let opens = (before == 0x20 || before == 0x0A || before == 0x28 || before == 0x5B)
                && i + 1 < p.count && p[i + 1] != 0x20 && p[i + 1] != 0x0A
            return opens ? (1, .straight) : (0, .straight)
        }
        if b == 0x60, i + 1 < p.count, p[i + 1] == 0x60 { return (2, .typewriter) }
        if b == 0x2C, i + 2 < p.count, p[i + 1] == 0x2C, p[i + 2] > 0x20, p[i + 2] != 0x2C { return (2, .typewriter) }
        if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
            if p[i + 2] == 0x9C { return (3, .english) }
            if p[i + 2] == 0x9E { return (3, .low) }
            if p[i + 2] == 0x98, i + 5 < p.count, p[i + 3] == 0xE2, p[i + 4] == 0x80, p[i + 5] == 0x98 {
                return (6, .doubledSingle)
            }
        }
        if b == 0xC2, i + 1 < p.count {
            if p[i + 1] == 0xAB { return (2, .guillemets) }
            // » opens only where a word follows at once (German »…«); French « » have spaces inside.
            if p[i + 1] == 0xBB, i + 2 < p.count, p[i + 2] != 0x20, i == 0 || p[i - 1] == 0x20 || p[i - 1] == 0x0A {
                return (2, .reversedGuillemets)
            }
        }
        return (0, .english)
    }

    /// The length of the mark at `i` that closes a quote opened in `style`, or 0.
    @inline(__always)
    private func closingMark(at i: Int, style: MarkStyle) -> Int {
        let b = p[i]
        switch style {
        case .straight:
            if b == 0x22 { return 1 }
        case .english, .low:
            if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
                if p[i + 2] == 0x9D { return 3 }
                if style == .low && p[i + 2] == 0x9C { return 3 }
            }
        case .guillemets:
            if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xBB { return 2 }
        case .reversedGuillemets:
            if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xAB { return 2 }
        case .doubledSingle, .typewriter:
            if b == 0xE2, i + 5 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x99, p[i + 3] == 0xE2, p[i + 4] == 0x80,
                p[i + 5] == 0x99
            {
                return 6
            }
            if style == .typewriter {
                if b == 0x27, i + 1 < p.count, p[i + 1] == 0x27 { return 2 }
                if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x9C || p[i + 2] == 0x9D { return 3 }
            }
        }
        return 0
    }

    /// The quote's text (trimmed, without a trailing comma) and its word count.
    private func quoteText(_ range: Range<Int>) -> (String, Int)? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x2C { end -= 1 }
        guard end > start else { return nil }
        let words = ByteSearch.countWords(in: p, from: start, to: end)
        return (String(copyingValidUTF8: UnsafeBufferPointer(rebasing: p[start..<end])), words)
    }

    /// The first token from index `from` on that starts at or after byte `offset`; tokens are
    /// in text order, so this is a binary search rather than a walk over every word.
    private func firstToken(from: Int, startingAtOrAfter offset: Int) -> Int {
        var low = from
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].start) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Attribution right after the quote. nil: none found; .some(nil): attributed to someone unnamed.
    private func speakerAfter(_ first: Int, lastInside: Int, events: [Event]) -> String?? {
        guard first < tokens.count else { return nil }
        if lastInside >= 0, lastInside < tokens.count, tokens[first].sentence != tokens[lastInside].sentence { return nil }
        let t = tokens[first]
        // "said Mr. Kerry", "said he", "said an official", "a déclaré le ministre".
        var verb: Int?
        if isSpeechVerb(first) {
            verb = first
        } else if t.isA(Lexicon.auxiliary), isSpeechVerb(first + 1) {
            verb = first + 1
        }
        if let verb {
            if let mention = mentionAfter(verb + 1) { return .some(mentions[mention].name) }
            if verb + 1 < tokens.count, let gender = pronounGender(tokens[verb + 1]) {
                return .some(resolvePronoun(at: first, gender: gender, events: events))
            }
            return .some(nil)
        }
        // "he said", "she added".
        if let gender = pronounGender(t), isSpeechVerb(first + 1) || isSpeechVerb(first + 2) {
            return .some(resolvePronoun(at: first, gender: gender, events: events))
        }
        // "Mr. Kerry said", "Kerry told reporters", "Gen. Idris, the commander, said".
        if let mention = mentionAfter(first) {
            let last = mentions[mention].tokens.upperBound - 1
            if verbAfter(last) != nil || verbAfterAppositive(last) != nil { return .some(mentions[mention].name) }
        }
        // "an official said", "the ministry said": attributed, but not to a named person.
        if let verb = verbAfter(first), verb <= first + QuoteExtractor.verbDistance, t.has(.lowercased) {
            if let source = accordingTo(from: first) { return .some(source) }
            return .some(nil)
        }
        if let source = accordingTo(from: first) { return .some(source) }
        return nil
    }

    /// Attribution earlier in the quote's sentence: "Kerry said the sides had “…”", "He said that “…”".
    private func speakerBefore(_ firstInside: Int, events: [Event]) -> String?? {
        guard firstInside > 0, firstInside < tokens.count else { return nil }
        let sentence = tokens[firstInside].sentence
        // A quote that opens its sentence has nothing before it.
        guard tokens[firstInside - 1].sentence == sentence else { return nil }
        var j = firstInside - 1
        while j >= 0, firstInside - j <= QuoteExtractor.lookBehind, tokens[j].sentence == sentence {
            if isSpeechVerb(j) {
                // Subject before the verb.
                var k = j - 1
                while k >= 0, k >= j - QuoteExtractor.verbDistance - 1, tokens[k].sentence == sentence {
                    if mentionCovering[k] >= 0 { return .some(mentions[Int(mentionCovering[k])].name) }
                    if let gender = pronounGender(tokens[k]) {
                        return .some(resolvePronoun(at: k, gender: gender, events: events))
                    }
                    k -= 1
                }
                if let mention = mentionAfter(j + 1) { return .some(mentions[mention].name) }
            }
            j -= 1
        }
        var s = firstInside - 1
        while s > 0, firstInside - s < QuoteExtractor.lookBehind, tokens[s - 1].sentence == sentence { s -= 1 }
        if let source = accordingTo(from: s, limit: firstInside) { return .some(source) }
        return nil
    }

    /// The person named after "according to" between `from` and the sentence end (or `limit`).
    private func accordingTo(from: Int, limit: Int? = nil) -> String? {
        guard from < tokens.count else { return nil }
        let sentence = tokens[from].sentence
        let end = min(tokens.count, limit ?? from + QuoteExtractor.lookBehind)
        var j = from
        while j < end, tokens[j].sentence == sentence {
            if let phrase = QuoteExtractor.accordingIndex[tokens[j].hash] {
                let rest = QuoteExtractor.accordingRest[phrase]
                var matches = j + rest.count < tokens.count
                var offset = 0
                while matches, offset < rest.count {
                    matches = tokens[j + 1 + offset].hash == rest[offset]
                    offset += 1
                }
                if matches {
                    var k = j + 1 + rest.count
                    while k < tokens.count, k <= j + rest.count + 5, tokens[k].sentence == sentence {
                        let start = mentionStarting(k)
                        if start >= 0 { return mentions[Int(start)].name }
                        k += 1
                    }
                    return nil
                }
            }
            j += 1
        }
        return nil
    }

    /// First word of each "according to" phrase → its index; the other words as hashes.
    static let accordingIndex = WordTable<Int>(accordingTo.enumerated().map { ($0.element[0], $0.offset) })
    static let accordingRest: [[UInt64]] = accordingTo.map { $0.dropFirst().map { WordHash.hash($0) } }
}
