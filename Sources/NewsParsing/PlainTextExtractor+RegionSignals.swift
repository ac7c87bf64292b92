/// Signals of where an article ends in a plain-text dump, and of chrome inside it, beyond the
/// line rules it shares with the HTML path: the headings of the sections that follow an article,
/// calls to action, and picture credits.
extension PlainTextExtractor {
    /// Headings of what follows an article on a page, beyond ``BoilerplateRules/sectionMarkers``
    /// (which the HTML path shares): further reading, author boxes, tag lists, post navigation and
    /// "you may also like" boxes, in the languages with a stopword profile and Polish. A plain-text
    /// dump has no element that ends where the article ends, so such a heading is the only sign
    /// of it; each entry is the heading of a section, not a topic word.
    static let trailingSectionHeadings: [String] = [
        "further reading", "more in", "more about", "about the author", "explore further", "read next", "up next",
        "related posts", "related content", "related topics", "more news", "latest news", "tags", "topics",
        "post navigation", "you might also like", "recommended for you", "see also", "around the web",
        "weitere informationen", "auch interessant", "könnte dich auch interessieren", "könnte sie auch interessieren",
        "beitrags-navigation", "beitragsnavigation", "themen", "schlagworte", "schlagwörter", "verwandte artikel",
        "ähnliche artikel", "weitere beiträge", "neueste beiträge", "meistgelesene", "meistgelesenen", "über den autor",
        "über die autorin", "zum autor", "leserkommentare", "schreibe einen kommentar", "hinterlasse einen kommentar",
        "sur le même sujet", "articles liés", "voir aussi", "les plus lus", "laisser un commentaire",
        "notas relacionadas", "te puede interesar", "lo más leído", "más noticias", "temas relacionados",
        "ti potrebbe interessare", "potrebbe interessarti", "più letti", "zobacz także", "zobacz też", "czytaj też",
        "czytaj także", "komentarze", "neueste artikel", "veja também", "leia também",
        "notícias relacionadas", "mais lidas", "lees ook", "meer nieuws",
    ]
    static let trailingSectionHeadingIndex = BoilerplateClassifier.phraseIndex(trailingSectionHeadings)
    /// A section heading has at most this many words ("Das könnte Sie auch interessieren").
    static let maximumSectionHeadingWords = 6

    /// A line of at most this many words that opens with a call to action is chrome even when it
    /// reads like a sentence ("Sign up to get the best stories of the week in your inbox.").
    static let maximumCallToActionWords = 20
    /// The call to action must start within this many leading words ("Sign up…", "Jetzt abonnieren…"),
    /// so a sentence that merely names a network ("…wrote on Facebook that…") stays prose.
    static let callToActionOpeningWords = 2

    /// Headings that only ever follow an article (a comment thread, tags, post navigation, an
    /// author box, a list of other posts), never sit inside one as a "read also" or "most read" box does: the
    /// article ends at one of them even when a long thread after it holds more prose than the article.
    static let terminalSectionHeadings: [String] = [
        "comments", "comment", "leave a reply", "leave a comment", "post navigation", "about the author", "tags",
        "related posts", "you might also like", "kommentare", "kommentar",
        "leserkommentare", "schreibe einen kommentar", "hinterlasse einen kommentar", "beitrags-navigation",
        "beitragsnavigation", "schlagworte", "schlagwörter", "über den autor", "über die autorin", "ähnliche beiträge",
        "weitere beiträge", "neueste beiträge", "commentaires",
        "laisser un commentaire", "comentarios", "commenti", "comentários",
        "reacties", "komentarze", "комментарии",
    ]
    /// The article ends at a terminal heading once this share of the text's prose precedes it
    /// (other headings need half): measured on the development pages, 0.15–0.35 score alike.
    static let terminalSectionShare = 0.25
    static let terminalSectionHeadingIndex = BoilerplateClassifier.phraseIndex(terminalSectionHeadings)

    /// Whether a section heading (see ``isSectionHeading(_:_:_:)``) is one that only follows an article.
    static func isTerminalSectionHeading(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        BoilerplateClassifier.containsPhrase(terminalSectionHeadingIndex, tokens, range)
    }

    /// Whether a line is the heading of a section that follows an article.
    static func isSectionHeading(_ f: BoilerplateClassifier.Features, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        if f.sectionMarker { return true }
        guard range.count <= maximumSectionHeadingWords, !f.endsTerminal else { return false }
        return BoilerplateClassifier.containsPhrase(trailingSectionHeadingIndex, tokens, range)
    }

    /// Whether the words `tokens[range]` open with a call-to-action phrase.
    static func opensWithCallToAction(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        for i in range.lowerBound..<min(range.upperBound, range.lowerBound + callToActionOpeningWords) {
            guard let rests = BoilerplateClassifier.callToActionIndex[tokens[i].hash] else { continue }
            for rest in rests where i + rest.count < range.upperBound {
                var matched = true
                for (offset, hash) in rest.enumerated() where tokens[i + 1 + offset].hash != hash {
                    matched = false
                    break
                }
                if matched { return true }
            }
        }
        return false
    }
}

extension PlainTextExtractor {
    /// Labels of a picture credit or a caption's source when a colon follows them ("Foto: dpa",
    /// "Photo: Reuters", "Imagen: Télam", "Quelle: Stadtarchiv"), in the languages with a stopword
    /// profile. A dump keeps a picture's caption and credit as lines of their own, in the body's
    /// flow, with nothing to say they belong to the picture; the label is the sign.
    static let creditLabels: Set<UInt64> = Set(
        [
            "foto", "fotos", "photo", "photos", "bild", "bilder", "image", "images", "imagen", "crédito", "credit",
            "credits", "fotografía", "picture", "pictures", "bildquelle", "fotoquelle", "quelle",
        ].map { WordHash.hash($0) })
    /// Credit phrases without a colon ("Photo by …", "Foto von …").
    static let creditPhraseIndex = BoilerplateClassifier.phraseIndex(["photo by", "photograph by", "foto von", "bild von", "image by"])
    /// A caption with a credit has at most this many words; a longer line is a paragraph that
    /// happens to cite a source.
    static let maximumCreditWords = 25

    /// Whether the words `tokens[range]` credit a picture: a credit label followed by a colon, or "Photo by …".
    static func isCredit(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        for i in range {
            let t = tokens[i]
            // The colon first: most words have none after them, and it is cheaper than the set.
            if Int(t.end) < p.count, p[Int(t.end)] == 0x3A, creditLabels.contains(t.hash) { return true }
        }
        return BoilerplateClassifier.containsPhrase(creditPhraseIndex, tokens, range)
    }
}

extension PlainTextExtractor {
    /// A run of at least this many consecutive short lines from one template is chrome.
    static let minimumTemplatedRun = 3

    /// Marks bad the runs of consecutive short lines made from one template: the same first and
    /// last word ("Click to share on Facebook (opens in new window)", "Click to share on Reddit
    /// (opens in new window)"…). A dump spells out a share bar or a widget's items this way;
    /// an article's own list items rarely agree at both ends.
    static func markTemplatedRuns(
        _ lines: [LogicalLine], _ features: [BoilerplateClassifier.Features], _ tokens: [Token], _ candidates: [Int],
        _ classes: inout [BlockClass]
    ) {
        func key(_ k: Int) -> (UInt64, UInt64)? {
            let f = features[candidates[k]]
            let range = lines[candidates[k]].tokens
            guard f.words >= 3 && f.words <= BoilerplateRules.labelLineWords else { return nil }
            return (tokens[range.lowerBound].hash, tokens[range.upperBound - 1].hash)
        }
        var k = 0
        while k < candidates.count {
            guard let first = key(k) else { k += 1; continue }
            var end = k + 1
            while end < candidates.count, let next = key(end), next == first { end += 1 }
            if end - k >= minimumTemplatedRun { for j in k..<end { classes[j] = .bad } }
            k = end
        }
    }
}
