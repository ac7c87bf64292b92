import NewsParsing
import Testing

/// Who said what: attribution patterns and pronoun resolution.
@Suite("Quote attribution")
struct QuoteAttributionTests {
    func quotes(_ paragraphs: String...) throws -> [Quote] {
        try Parse.text((["Council debates the new budget"] + paragraphs).joined(separator: "\n\n")).quotes
    }

    @Test("“…,” said NAME")
    func saidName() throws {
        let found = try quotes("“We will balance this budget without new taxes,” said Anna Keller, the council president.")
        #expect(found == [Quote(text: "We will balance this budget without new taxes", speaker: "Anna Keller", paragraph: 0)])
    }

    @Test("“…,” NAME told reporters; later “…,” SURNAME said")
    func toldReporters() throws {
        let found = try quotes(
            "“The numbers do not add up,” Peter Brandt told reporters after the meeting.",
            "“We have asked for an independent audit of every department,” Brandt said.")
        #expect(found.map(\.speaker) == ["Peter Brandt", "Peter Brandt"])
    }

    @Test("“…,” according to NAME")
    func accordingTo() throws {
        let found = try quotes("“The audit will take at least three months to complete,” according to Maria Costa, the city auditor.")
        #expect(found.first?.speaker == "Maria Costa")
    }

    @Test("NAME said … “…” inside one sentence")
    func saidBeforeQuote() throws {
        let found = try quotes("Maria Costa said the audit had found “serious gaps in the accounts of two departments.”")
        #expect(found == [Quote(text: "serious gaps in the accounts of two departments.", speaker: "Maria Costa", paragraph: 0)])
    }

    @Test("“he said” resolves to the last named speaker")
    func pronounResolves() throws {
        let found = try quotes(
            "Mr. Brandt, the budget chairman, said the vote would be close.",
            "“We are still counting, and every single vote matters now,” he said.")
        #expect(found.first?.speaker == "Brandt")
    }

    @Test("“he said” after another person becomes the subject is ambiguous")
    func pronounAmbiguous() throws {
        let found = try quotes(
            "Anna Keller said the talks would resume on Monday morning.",
            "Then Peter Brandt, the union leader, arrived at the town hall.",
            "“We are not done with this yet, not by a long way,” he said.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == nil)
    }

    @Test("“she said” does not resolve to a man")
    func pronounGender() throws {
        let found = try quotes(
            "Mr. Brandt said the vote would be close.",
            "“Nobody here wants another delay in this process,” she said.")
        #expect(found.first?.speaker == nil)
    }

    @Test("An unnamed source leaves the speaker empty; a short scare quote is skipped")
    func unnamedAndScareQuotes() throws {
        let found = try quotes(
            "“The deal is dead for this year, and everyone knows it,” an official said.",
            "The mayor called the plan “reckless” and left.")
        #expect(found == [Quote(text: "The deal is dead for this year, and everyone knows it", speaker: nil, paragraph: 0)])
    }

    @Test("Honorifics are not part of speaker names")
    func honorifics() throws {
        let found = try quotes("“The vote will happen on Friday at the latest,” said Dr. Helen Ward.")
        #expect(found.first?.speaker == "Helen Ward")
    }
}
