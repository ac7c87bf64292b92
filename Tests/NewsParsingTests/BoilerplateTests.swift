import NewsParsing
import Testing

/// Chrome detection by general signals, on a site the rules were not written for.
@Suite("Boilerplate detection")
struct BoilerplateTests {
    static let page = """
        Skip to main content
        Menu
        Search

        Water utility raises rates for the first time in a decade

        Share this article
        Follow us on Facebook

        The water utility approved a 6 percent rate increase on Tuesday, the first in ten years, citing the cost of replacing pipes that are more than a century old.

        “We will not subscribe to that plan,” she said.

        Officials declined to comment.

        Residents can appeal their new rates until the end of the month.

        Most popular
        Read more: The best parks in the city
        Home | Local | Politics | Sports | Weather
        """

    @Test("Calls to action, menus and share widgets go; short real paragraphs stay")
    func mixedPage() throws {
        let article = try Parse.text(BoilerplateTests.page)
        #expect(article.title == "Water utility raises rates for the first time in a decade")
        #expect(article.paragraphs == [
            "The water utility approved a 6 percent rate increase on Tuesday, the first in ten years, citing the cost of replacing pipes that are more than a century old.",
            "“We will not subscribe to that plan,” she said.",
            "Officials declined to comment.",
            "Residents can appeal their new rates until the end of the month.",
        ])
        for line in ["Skip to main content", "Menu", "Search", "Share this article", "Follow us on Facebook", "Most popular",
            "Read more: The best parks in the city", "Home | Local | Politics | Sports | Weather"]
        {
            #expect(article.removedLines.contains(line), "\(line) was not removed")
        }
    }

    @Test("A repeated label line is chrome wherever it appears")
    func repeatedLines() throws {
        let article = try Parse.text("""
            Port strike ends after three days

            Advertisement

            Dock workers returned to work on Thursday after the union and the port operators agreed on a new contract.

            Advertisement

            The deal raises wages by 4 percent a year over three years, the union said in a statement.
            """)
        #expect(article.paragraphs.count == 2)
        #expect(article.removedLines == ["Advertisement", "Advertisement"])
    }

    @Test("A one-sentence quote paragraph survives even with call-to-action words in it")
    func quoteParagraphSurvives() throws {
        let article = try Parse.text("""
            Readers push back on paywall

            The newspaper said it would put all local news behind a paywall from March.

            “I will not sign up for something I used to get for free,” said Jane Morris.
            """)
        #expect(article.paragraphs.count == 2)
        #expect(article.quotes.first?.speaker == "Jane Morris")
    }
}
