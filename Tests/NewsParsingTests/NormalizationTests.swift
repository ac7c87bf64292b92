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

    @Test("Indentation, quote style (“” \"\" ‘‘’’ ``''), CRLF and blank lines do not change the hash")
    func hashIsStable() throws {
        let articles = try NormalizationTests.variants.map { try Parse.fixture($0) }
        let reference = articles[0]
        #expect(reference.paragraphs[1] == "“The structure is safe, and we have tested every joint,” said Elena Park, the city engineer.")
        for (name, article) in zip(NormalizationTests.variants, articles) {
            #expect(article.contentHash == reference.contentHash, "\(name) hashes differently")
            #expect(article.paragraphs == reference.paragraphs, "\(name) normalizes differently")
            #expect(article.title == "Bridge to reopen after repairs")
        }
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

    @Test(",,German'' and ``TeX'' quote styles become “ ”")
    func legacyQuoteStyles() throws {
        let article = try Parse.text("""
            Mayor opens the new market hall

            ,,Wir sind sehr stolz auf diese Halle'', sagte die Bürgermeisterin Anna Schulz am Montag.

            ``It took us four years to get here,'' said Tom Becker, the architect.
            """)
        #expect(article.paragraphs[0].hasPrefix("“Wir sind sehr stolz auf diese Halle”"))
        #expect(article.paragraphs[1] == "“It took us four years to get here,” said Tom Becker, the architect.")
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
}
