import NewsParsing
import Testing

/// Wire-style datelines at the start of the first paragraph.
@Suite("Datelines")
struct DatelineTests {
    @Test(
        "Dateline forms",
        arguments: [
            ("BANDAR SERI BEGAWAN, Brunei — The ministers met for two hours.", "BANDAR SERI BEGAWAN, Brunei"),
            ("MOSCOW (AP) — The ministers met for two hours.", "MOSCOW"),
            ("WASHINGTON — The ministers met for two hours.", "WASHINGTON"),
            ("PARIS, June 4 (Reuters) - The ministers met for two hours.", "PARIS"),
            ("NEW YORK, N.Y. -- The ministers met for two hours.", "NEW YORK, N.Y."),
            ("Berlin (dpa) – The ministers met for two hours.", "Berlin"),
        ])
    func forms(_ lead: String, _ expected: String) throws {
        let article = try Parse.article(lead: lead)
        #expect(article.dateline == expected)
        #expect(article.paragraphs[0] == "The ministers met for two hours.")
    }

    @Test(
        "Ordinary sentences are not datelines",
        arguments: [
            "NATO said on Monday that the ministers met for two hours.",
            "The ministers met for two hours — longer than planned.",
            "Washington — and its allies — rejected the plan on Monday.",
        ])
    func notDatelines(_ lead: String) throws {
        let article = try Parse.article(lead: lead)
        #expect(article.dateline == nil)
        #expect(article.paragraphs[0] == lead)
    }
}
