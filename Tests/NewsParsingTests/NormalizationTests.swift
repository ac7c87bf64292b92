import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// Text normalization and the stability of the content hash.
@Suite("Normalization and content hash")
struct NormalizationTests {
    static let variants = [
        "hash_variant_curly.txt", "hash_variant_straight_crlf.txt", "hash_variant_doubled_indented.txt",
        "hash_variant_backticks_tabs.txt",
    ]

    /// The text with every quote character dropped: what the variants share once their own quote styles are set aside.
    static func withoutQuotes(_ text: String) -> String {
        text.replacingOccurrences(of: ",,", with: "").filter { !"“”„\"`'‘’".contains($0) }
    }

    @Test("Indentation, quote style (“” \"\" ‘‘’’ ``''), CRLF and blank lines do not change the hash")
    func hashIsStable() throws {
        let articles = try NormalizationTests.variants.map { try Parse.fixture($0) }
        let reference = articles[0]
        #expect(reference.paragraphs[1] == "“The structure is safe, and we have tested every joint,” said Elena Park, the city engineer.")
        for (name, article) in zip(NormalizationTests.variants, articles) {
            #expect(article.contentHash == reference.contentHash, "\(name) hashes differently")
            // Each variant keeps its own quote characters (newsparsing-4 no longer rewrites them to “ ”).
            #expect(article.paragraphs.map(NormalizationTests.withoutQuotes) == reference.paragraphs.map(NormalizationTests.withoutQuotes),
                    "\(name) normalizes differently")
            #expect(article.quotes.map(\.speaker) == reference.quotes.map(\.speaker), "\(name) attributes differently")
            #expect(article.title == "Bridge to reopen after repairs")
        }
        #expect(articles[1].paragraphs[1].hasPrefix("\"The structure is safe"), "straight quotes are kept")
    }

    @Test("A different body gives a different hash")
    func hashChangesWithText() throws {
        let a = try Parse.text("Bridge to reopen\n\nThe bridge will reopen on Friday.")
        let b = try Parse.text("Bridge to reopen\n\nThe bridge will reopen on Saturday.")
        #expect(a.contentHash != b.contentHash)
    }

    @Test("Decomposed accents are composed (NFC)")
    func nfc() throws {
        let decomposed = try Parse.text("Cafe\u{301} culture returns\n\nThe cafe\u{301}s of the old town reopened on Monday after the renovation.")
        let composed = try Parse.text("Café culture returns\n\nThe cafés of the old town reopened on Monday after the renovation.")
        #expect(decomposed.paragraphs == ["The cafés of the old town reopened on Monday after the renovation."])
        #expect(decomposed.paragraphs[0].unicodeScalars.count == composed.paragraphs[0].unicodeScalars.count)
        #expect(decomposed.title == "Café culture returns")
        #expect(decomposed.contentHash == composed.contentHash)
    }

    @Test(",,German'' and ``TeX'' quote styles are kept and still attributed")
    func legacyQuoteStyles() throws {
        let article = try Parse.text("""
            Mayor opens the new market hall

            ,,Wir sind sehr stolz auf diese Halle'', sagte die Bürgermeisterin Anna Schulz am Montag.

            ``It took us four years to get here,'' said Tom Becker, the architect.
            """)
        #expect(article.paragraphs[0].hasPrefix(",,Wir sind sehr stolz auf diese Halle''"))
        #expect(article.paragraphs[1] == "``It took us four years to get here,'' said Tom Becker, the architect.")
        #expect(article.quotes.map(\.speaker) == ["Anna Schulz", "Tom Becker"])
    }

    @Test("Runs of spaces, tabs and NBSP collapse to one space")
    func whitespace() throws {
        let article = try Parse.text("Budget   vote\tdelayed\n\nThe\u{A0}council   postponed\t\tthe vote  on the budget until next week.   ")
        #expect(article.title == "Budget vote delayed")
        #expect(article.paragraphs == ["The council postponed the vote on the budget until next week."])
        #expect(article.wordCount == 11)
    }

    @Test("String and byte input give the same result")
    func stringAndBytesAgree() throws {
        let text = try Fixtures.string(Fixtures.firstSeed)
        let fromString = try Parse.parser.parse(text)
        let fromBytes = try Parse.parser.parse(Array(text.utf8))
        #expect(fromString == fromBytes)
    }

    @Test("A page's „…“, «…» and \"…\" quotes are kept as written, attributed, and fold only for the hash")
    func pageQuoteStylesKept() throws {
        let article = try Parse.fixture("html_quote_styles.html")
        #expect(article.paragraphs.count == 5)
        #expect(article.paragraphs[1].hasPrefix("„Wir holen nach, was jahrelang liegen geblieben ist“, sagte"))
        #expect(article.paragraphs[2].contains("«ersten Schritt, dem weitere folgen müssen»"))
        #expect(article.paragraphs[3].hasPrefix("\"Die Kosten sind solide geplant und im Haushalt gedeckt\", sagte"))
        #expect(article.quotes.first == Quote(text: "Wir holen nach, was jahrelang liegen geblieben ist", speaker: "Petra Hofmann", paragraph: 1))
        #expect(article.quotes.contains { $0.text == "ersten Schritt, dem weitere folgen müssen" && $0.paragraph == 2 })
        #expect(article.quotes.last == Quote(text: "Die Kosten sind solide geplant und im Haushalt gedeckt", speaker: "Lukas Brandt", paragraph: 3))

        // The same text with English curly quotes hashes the same: the hash folds quote styles.
        let curly = try Parse.text(
            "Stadtrat beschließt neue Radwege\n\n" + article.paragraphs.joined(separator: "\n\n")
                .replacingOccurrences(of: "„", with: "“").replacingOccurrences(of: "ist“", with: "ist”")
                .replacingOccurrences(of: "\"Die", with: "“Die").replacingOccurrences(of: "gedeckt\"", with: "gedeckt”"))
        let plain = try Parse.text("Stadtrat beschließt neue Radwege\n\n" + article.paragraphs.joined(separator: "\n\n"))
        #expect(curly.contentHash == plain.contentHash)
        #expect(plain.paragraphs == article.paragraphs)
    }
}
