import Foundation
import NewsParsing
import Testing

/// Plain-text fixtures in the shapes scrapers produce.
@Suite("Plain-text fixtures")
struct PlainTextFixtureTests {
    @Test("CRLF text with an AP dateline and a “By …” line")
    func crlfAssociatedPress() throws {
        let article = try Parse.fixture("text_crlf_ap.txt")
        #expect(article.title == "Senate passes bill to expand rural broadband")
        #expect(article.byline == "Thomas Reed")
        #expect(article.dateline == "WASHINGTON")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("The Senate on Thursday passed a bill"))
        #expect(!article.paragraphs.joined().contains("\r"))
        #expect(article.quotes == [
            Quote(
                text: "Too many families still drive to a library parking lot to do their homework",
                speaker: "Laura Whitfield", paragraph: 2)
        ])
        #expect(article.people == ["Laura Whitfield"])
        #expect(article.places.contains("Washington"))
        #expect(article.organizations.contains("Senate"))
        #expect(!article.truncated)
    }

    @Test("“By …” and a date line near the top become byline and publishedAt")
    func bylineAndDate() throws {
        let article = try Parse.fixture("text_byline_date.txt")
        #expect(article.title == "City council approves new bike lanes on Main Street")
        #expect(article.byline == "Anna Keller")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_370_304_000))  // 2013-06-04T00:00:00Z
        #expect(article.dateline == "SPRINGFIELD, Ill.")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("The city council voted 7-2 on Monday"))
        #expect(!article.paragraphs.contains { $0.contains("Anna Keller") || $0 == "June 4, 2013" })
        #expect(article.quotes.first?.speaker == "David Ortiz")
        #expect(article.quotes.first?.text == "This is not about cars versus bikes. It is about making sure nobody gets hurt")
    }

    @Test("A text ending in “…” is truncated")
    func truncatedEllipsis() throws {
        let article = try Parse.fixture("text_truncated_ellipsis.txt")
        #expect(article.truncated)
        #expect(article.paragraphs.count == 2)
        #expect(article.title == "Storm knocks out power to thousands on the coast")
    }

    @Test("“Continue reading” marks truncation and is removed")
    func continueReading() throws {
        let article = try Parse.fixture("text_continue_reading.txt")
        #expect(article.truncated)
        #expect(article.removedLines == ["Continue reading"])
        #expect(article.paragraphs.count == 2)
        #expect(article.places == ["Copenhagen", "Greece"])
    }

    @Test("A long list of navigation lines before the title is chrome")
    func navigationAtTop() throws {
        let article = try Parse.fixture("text_navigation_top.txt")
        #expect(article.title == "Heat wave pushes Europe’s power grids to the limit")
        #expect(article.dateline == "ROME")
        #expect(article.paragraphs.count == 4)
        #expect(article.removedLines.count == 16)
        #expect(article.removedLines.first == "Home")
        #expect(article.removedLines.contains("Climate Crisis"))
        #expect(article.removedLines.last == "Subscribe")
        #expect(article.quotes.first?.speaker == "Marco Bellini")
        #expect(article.places.prefix(3) == ["Rome", "Europe", "Italy"])
    }

    @Test("A two-paragraph wire brief keeps both paragraphs")
    func wireBrief() throws {
        let article = try Parse.fixture("text_wire_brief.txt")
        #expect(article.title == "Chile central bank holds rate at 5.75%")
        #expect(article.dateline == "SANTIAGO")
        #expect(article.paragraphs == [
            "Chile's central bank held its benchmark interest rate at 5.75% on Tuesday, in line with analysts' expectations.",  // apostrophes as written
            "The board said inflation was converging toward its 3% target.",
        ])
        #expect(article.removedLines.isEmpty)
        #expect(!article.truncated)
        #expect(article.wordCount == 27, "“5.75” is one word, “Chile’s” is “Chile”")
    }

    @Test("Hard-wrapped paragraphs are joined")
    func hardWrapped() throws {
        let article = try Parse.fixture("text_hard_wrapped.txt")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0] == "The public library system will keep its 12 branches open until 8 p.m. on Saturdays starting next month, the city announced on Wednesday, after a survey found that many residents could not visit during the week.")
    }

    @Test("Zero-width characters, soft hyphens, NBSP and a BOM disappear")
    func invisibleCharacters() throws {
        let article = try Parse.fixture("text_invisible_chars.txt")
        let clean = try Parse.fixture("text_invisible_chars_clean.txt")
        #expect(article.title == "Port authority approves new container terminal")
        #expect(article.paragraphs == clean.paragraphs)
        #expect(article.contentHash == clean.contentHash)
        #expect(article.dateline == "HAMBURG")
        let invisible: [Unicode.Scalar] = ["\u{200B}", "\u{200C}", "\u{00AD}", "\u{FEFF}", "\u{2060}", "\u{00A0}"]
        for text in article.allText {
            #expect(!text.unicodeScalars.contains { invisible.contains($0) }, "invisible character left in \(text)")
        }
    }
}
