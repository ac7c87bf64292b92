import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// One synthetic page for each way body extraction used to lose a real article, and one for
/// each rung of the HTML fallback ladder.
@Suite("Extraction failure classes")
struct ExtractionFailureClassTests {
    @Test("Chrome class words on a wrapper holding the article (and modifier or state classes) do not remove it")
    func classWordsOnWrapper() throws {
        let article = try Parse.fixture("html_class_words_wrapper.html")
        #expect(article.title == "Harbour ferry returns after two-year refit")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("The old harbour ferry made its first crossing"))
        #expect(article.paragraphs[3].hasPrefix("Tickets cost the same"))
        // Real chrome inside the wrapper still goes.
        let body = article.paragraphs.joined(separator: " ")
        for chrome in ["Share on Facebook", "Advertisement", "Privacy"] {
            #expect(!body.contains(chrome), "\(chrome) leaked into the body")
        }
    }

    @Test("A <form> wrapping the whole page does not remove the article; its <nav> and <footer> still go")
    func formWrappedPage() throws {
        let article = try Parse.fixture("html_form_wrapped_page.html")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0].hasPrefix("The central library will stay open until midnight"))
        #expect(!article.paragraphs.joined().contains("Copyright"))
        #expect(!article.paragraphs.joined().contains("Events"))
    }

    @Test("CMS taxonomy classes on <article> (author-…, category-…) and a 'summary' body field are not byline or deck")
    func taxonomyClasses() throws {
        let article = try Parse.fixture("html_taxonomy_classes.html")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0].hasPrefix("A single night of frost in late April"))
        #expect(article.subtitle == nil)
        // The all-capitals byline keeps every name, in title case.
        #expect(article.byline == "Andrew E. Kramer")
    }

    @Test("Teaser cards marked up as <article> do not beat the story that holds the headline")
    func teaserCards() throws {
        let article = try Parse.fixture("html_teaser_cards.html")
        #expect(article.paragraphs.count == 5)
        #expect(article.paragraphs[0].hasPrefix("The city council voted on Thursday"))
        #expect(!article.paragraphs.contains { $0.contains("bakery") || $0.contains("saplings") || $0.contains("pool") })
    }

    @Test("A body split around a link list: both parts are kept, the links are not")
    func splitBody() throws {
        let article = try Parse.fixture("html_split_body.html")
        #expect(article.paragraphs.count == 5)
        #expect(article.paragraphs[3].hasPrefix("The researchers now want to find out why"))
        #expect(!article.paragraphs.contains { $0.contains("lighthouse") || $0.contains("puffins") })
    }

    @Test("A lead paragraph before the <article> element is kept; linked and short lines around it are not")
    func leadOutsideArticle() throws {
        let article = try Parse.fixture("html_lead_outside_article.html")
        #expect(article.language == "de")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("Von April an fährt eine neue Fähre"))
        #expect(article.paragraphs[1].hasPrefix("Die Gemeinde hat das Schiff"))
        #expect(!article.paragraphs.contains { $0.contains("Kran") || $0.contains("Kurz notiert") || $0.contains("Schule am Deich") })
    }

    @Test("Calls to action after most of the prose go even as full sentences; a call word early in the text stays")
    func tailCallsToAction() throws {
        let article = try Parse.fixture("html_tail_calls.html")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[1].hasPrefix("The library and the local technical school share the costs"))
        #expect(article.paragraphs[3].hasPrefix("The workshop will be open"))
        #expect(!article.paragraphs.contains { $0.contains("Subscribe") || $0.contains("Follow us") })
    }

    @Test("An author box (author-box, author-description) and a rating block after the article go")
    func authorBoxAndRating() throws {
        let article = try Parse.fixture("html_author_box_rating.html")
        #expect(article.language == "de")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0].hasPrefix("Im Stadtpark blühen in diesem Frühjahr"))
        #expect(article.paragraphs[2].hasPrefix("Im Herbst soll es zum ersten Mal"))
        #expect(!article.paragraphs.contains { $0.contains("Sterne") || $0.contains("Fahrrad") })
    }

    @Test("Chrome inside the body: an 'updated' date line, a picture credit and a newsletter call go")
    func chromeInsideBody() throws {
        let article = try Parse.fixture("html_body_chrome.html")
        #expect(article.language == "de")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1].hasPrefix("Der Umbau hat etwas mehr als ein Jahr gedauert"))
        for chrome in ["Aktualisiert am 12. Mai 2021, 14:05 Uhr", "Foto: Stadtarchiv", "Abonnieren Sie unseren Newsletter"] {
            #expect(article.removedLines.contains(chrome), "\(chrome) was not removed")
        }
    }

    @Test("Plain-text dump: the article's region is kept; menus, related headlines and the comment thread are not")
    func plainTextDump() throws {
        let article = try Parse.fixture("text_page_dump.txt")
        let body = article.paragraphs.joined(separator: "\n")
        #expect(body.contains("The river road between the old mill and the market square will close"))
        #expect(body.contains("Shop owners on the market square said they were worried"))
        #expect(body.contains("six weeks in July is a long time for a small business"))
        for chrome in ["Council approves budget", "New bus timetable", "I drive over that bridge", "Good news for cyclists", "Sign up", "Advertise"] {
            #expect(!body.contains(chrome), "\(chrome) leaked into the body")
        }
    }

    @Test("A visible standfirst is the subtitle and opens the body; the dateline is read after it")
    func standfirst() throws {
        let article = try Parse.fixture("html_standfirst.html")
        let standfirst = "After ten years without a sleeper service, two operators will run overnight trains from the capital to the fishing towns of the north from the spring."
        #expect(article.title == "Night trains return to the northern coast")
        #expect(article.subtitle == standfirst)
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0] == standfirst)
        #expect(article.dateline == "PORT ELLAN")
        #expect(article.paragraphs[1].hasPrefix("The first overnight train in a decade"))
    }

    @Test("A lead paragraph classed 'intro' after the headline is the standfirst; one before it is not")
    func introLead() throws {
        let html = """
            <!DOCTYPE html><html lang="de"><head><title>Neue Fähre für den Bodensee</title></head><body>
            <div class="intro"><p>Unsere Redaktion stellt sich vor und freut sich über Ihre Hinweise.</p></div>
            <article><h1>Neue Fähre für den Bodensee</h1>
            <p class="intro">Die Reederei hat am Montag ein Schiff in Dienst gestellt, das mit Strom aus Solaranlagen fährt.</p>
            <p>Die neue Fähre bietet Platz für zweihundert Fahrgäste und vierzig Fahrräder, und sie soll im Sommer stündlich zwischen den beiden Häfen pendeln.</p>
            <p>Nach Angaben der Reederei spart das Schiff im Jahr so viel Diesel, wie zehn Busse im Stadtverkehr verbrauchen, und es ist dabei deutlich leiser.</p>
            </article></body></html>
            """
        let article = try Parse.parser.parse(Array(html.utf8), contentType: "text/html")
        #expect(article.subtitle == "Die Reederei hat am Montag ein Schiff in Dienst gestellt, das mit Strom aus Solaranlagen fährt.")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0] == article.subtitle)
        #expect(!article.paragraphs.contains { $0.contains("Redaktion") })
    }

    @Test("Bylines in capitals keep initials and every name; a lone agency name is left as it is")
    func capitalBylines() throws {
        let article = try Parse.text(
            "Ferry returns after refit\n\nBy ANDREW E. KRAMER\n\nThe old harbour ferry made its first crossing in two years on Saturday, carrying a full deck.")
        #expect(article.byline == "Andrew E. Kramer")
        let agency = try Parse.text(
            "Ferry returns after refit\n\nBy AFP\n\nThe old harbour ferry made its first crossing in two years on Saturday, carrying a full deck.")
        #expect(agency.byline == "AFP")
    }
}

/// The HTML fallback ladder: strict, relaxed, JSON-LD `articleBody`, all paragraphs; `noContent` only after all.
@Suite("Extraction fallback ladder")
struct ExtractionFallbackTests {
    @Test("Strict pass: a plain article page needs no fallback")
    func strict() throws {
        let article = try Parse.fixture("html_form_wrapped_page.html")
        #expect(article.paragraphs.count == 3)
    }

    @Test("Relaxed pass: prose split over several chrome-classed blocks, none holding most of it")
    func relaxed() throws {
        let article = try Parse.fixture("html_fallback_relaxed.html")
        #expect(article.title == "Village choir wins national competition")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1].hasPrefix("The choir rehearses twice a week"))
    }

    @Test("JSON-LD articleBody: a script-rendered page with no visible body")
    func jsonLD() throws {
        let article = try Parse.fixture("html_fallback_json_ld.html")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0].hasPrefix("The weekly farmers' market will move to the old station square"))
        #expect(!article.paragraphs.joined().contains("JavaScript"))
    }

    @Test("All paragraphs: a page whose only text is linked paragraphs")
    func allParagraphs() throws {
        let article = try Parse.fixture("html_fallback_paragraphs.html")
        #expect(article.paragraphs == [
            "A quiet novel about a lighthouse keeper and his daughter",
            "The collected letters of a nineteenth century botanist",
            "A short history of the bicycle in twelve chapters",
        ])
    }

    @Test("noContent only when every rung found nothing, and its message names the rungs")
    func noContent() throws {
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>Site map</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>
            """
        let error = try #require(Parse.error(Array(html.utf8), contentType: "text/html"))
        #expect(error.code == .noContent)
        #expect(error.message.contains("tried: strict, relaxed, json-ld articleBody, all paragraphs"))
    }

    @Test("Teaser cards inside the article (linked headline, short summary) and their heading are removed")
    func teaserCardsInsideBody() throws {
        let article = try Parse.fixture("html_link_list_in_body.html")
        #expect(article.title == "Harbour ferry returns to a full timetable")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[3].hasPrefix("Fares stay the same"))
        let body = article.paragraphs.joined(separator: " ")
        for chrome in ["Also worth your time", "Work is due to start", "after a petition", "Nine hundred"] {
            #expect(!body.contains(chrome), "\(chrome) leaked into the body")
        }
        #expect(article.removedLines.contains("Also worth your time"))
    }
}
