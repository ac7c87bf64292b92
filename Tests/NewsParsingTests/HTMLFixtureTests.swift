import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// HTML pages with real-world chrome around the article.
@Suite("HTML fixtures")
struct HTMLFixtureTests {
    @Test("Page with nav, header, footer, share bar, cookie banner, comments and related links")
    func chromeHeavyPage() throws {
        let article = try Parse.fixture("html_ap_chrome.html")
        #expect(article.title == "Moscow metro opens three new stations ahead of winter")
        #expect(article.subtitle == "City officials say the extension will cut commutes for 400,000 residents")
        #expect(article.byline == "Daria Volkova")
        #expect(article.dateline == "MOSCOW")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_730_784_600))  // 2024-11-05T05:30:00Z
        // The visible deck is the subtitle and opens the body (newsparsing-5).
        #expect(article.paragraphs.count == 7)
        #expect(article.paragraphs[0] == article.subtitle)
        #expect(article.paragraphs[1] == "Moscow opened three new metro stations on Tuesday, extending a line that links the city’s southern districts to the center before the first snow arrives.")
        let body = article.paragraphs.joined(separator: " ")
        for chrome in ["cookies", "Share on", "Related", "Comments", "Sign up", "Most read", "All rights reserved", "AP Photo", "not text", "analytics"] {
            #expect(!body.contains(chrome), "\(chrome) leaked into the body")
        }
        for removed in ["Share on Facebook Share on X Email", "Sign up for our newsletter to receive the top stories every day.", "Comments (42)", "Politics"] {
            #expect(article.removedLines.contains(removed), "\(removed) missing from removedLines")
        }
        #expect(article.quotes == [
            Quote(text: "This is the biggest single opening since 2019, and it will not be the last", speaker: "Sergei Sobyanin", paragraph: 3)
        ])
        #expect(article.people == ["Sergei Sobyanin"])
        #expect(article.places == ["Moscow"])
        #expect(article.language == "en")
        #expect(!article.truncated)
    }

    @Test("Page without <article>: readability scoring finds the story; <title> loses its site suffix")
    func readabilityScoring() throws {
        let article = try Parse.fixture("html_readability_reuters.html")
        #expect(article.title == "France unveils plan to cut household energy bills")
        #expect(article.byline == "Claire Martin and Paul Renaud")
        #expect(article.dateline == "PARIS")
        #expect(article.subtitle == "The package will be financed partly by a windfall tax on energy companies.")
        #expect(article.paragraphs.count == 6)
        #expect(article.paragraphs[0].hasPrefix("France's government on Tuesday unveiled"))  // the page's apostrophe, kept
        // The page's straight quotes are kept (newsparsing-4; they used to be rewritten to “ ”).
        #expect(article.paragraphs[2] == "\"We will not let families choose between heating and eating,\" Roussel told reporters in Paris.")
        #expect(article.quotes.first?.speaker == "Antoine Roussel")
        #expect(!article.paragraphs.contains { $0.contains("Oil prices") || $0.contains("Careers") })
        #expect(article.removedLines.contains("Oil prices rise for third day"))
    }

    @Test("German page: language, dpa dateline, „…“ quotes, “Lesen Sie auch” removed")
    func germanPage() throws {
        let article = try Parse.fixture("html_german.html")
        #expect(article.language == "de")
        #expect(article.title == "Bahn kündigt neue Schnellverbindung zwischen Berlin und München an")
        #expect(article.byline == "Jonas Weber")
        #expect(article.dateline == "Berlin")
        #expect(article.publishedAt == Date(timeIntervalSince1970: 1_710_234_900))  // 2024-03-12T09:15:00Z
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("Die Deutsche Bahn will ab Dezember"))
        #expect(article.removedLines.contains("Lesen Sie auch: Streik bei der Bahn beendet"))
        #expect(article.quotes == [
            Quote(text: "Wir investieren so viel wie nie zuvor in das Netz", speaker: "Richard Lehmann", paragraph: 1)
        ])
        #expect(article.places.contains("Berlin") && article.places.contains("Munich"))
        #expect(article.organizations.contains("Deutsche Bahn"))
    }

    @Test("French page: guillemets, AFP dateline, h2 deck, compound-tense attribution")
    func frenchPage() throws {
        let article = try Parse.fixture("html_french.html")
        #expect(article.language == "fr")
        #expect(article.title == "Le gouvernement présente un plan pour les trains régionaux")
        #expect(article.subtitle == "Trois milliards d’euros seront consacrés à la rénovation des petites lignes")
        #expect(article.byline == "Camille Durand")
        #expect(article.dateline == "PARIS")
        // The h2 deck is the subtitle and opens the body (newsparsing-5).
        #expect(article.paragraphs.count == 5)
        #expect(article.paragraphs[0] == article.subtitle)
        #expect(article.quotes == [
            Quote(text: "Nous voulons que chaque habitant puisse se rendre au travail sans voiture", speaker: "Julien Marchand", paragraph: 2)
        ])
        #expect(!article.paragraphs.joined().contains("Partager"))
    }

    @Test("Spanish page: EFE dateline, “Por …” byline, newsletter call to action removed")
    func spanishPage() throws {
        let article = try Parse.fixture("html_spanish.html")
        #expect(article.language == "es")
        #expect(article.title == "El Gobierno aprueba un plan de ayudas para los agricultores")
        #expect(article.byline == "María López")
        #expect(article.dateline == "MADRID")
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0].hasPrefix("El Gobierno aprobó este martes"))
        #expect(article.removedLines.contains("Suscríbete a nuestro boletín"))
        #expect(article.quotes.first?.speaker == "Luis Herrera")
        #expect(article.subtitle == "Las ayudas llegarán a más de 200.000 explotaciones afectadas por la sequía.")
    }

    @Test("windows-1252 page is decoded through its <meta http-equiv> charset, or a Content-Type hint")
    func windows1252() throws {
        let bytes = [UInt8](try Fixtures.data("parsing/html_windows1252.html"))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be UTF-8")
        for contentType in [nil, "text/html; charset=windows-1252", "text/html"] {
            let article = try Parse.parser.parse(bytes, contentType: contentType)
            #expect(article.title == "Café owners in São Paulo brace for higher coffee prices")
            #expect(article.dateline == "SÃO PAULO")
            #expect(article.paragraphs.count == 3)
            #expect(article.paragraphs[1].hasPrefix("“We cannot pass all of it on to customers,” said Ana Ribeiro"))
            #expect(article.paragraphs[2].hasSuffix("now costs about €3."))
            #expect(article.quotes.map(\.speaker) == ["Ana Ribeiro", "Ana Ribeiro"])
            #expect(article.places.contains("São Paulo"))
        }
    }

    @Test("Entities, malformed markup and stray brackets never break extraction")
    func malformedMarkup() throws {
        let html = """
            <html><head><title>Flood &amp; storm warning issued for the valley &#8211; News</title></head><body>
            <div class=content><p>The weather service issued a flood warning on Friday for the valley, where rivers rose 2 &lt; 3 meters in a day
            <p>Residents were told to move cars to higher ground &mdash; and to avoid the old bridge.
            <p class="x y>broken attribute</p>
            <!-- an unterminated comment
            """
        let article = try Parse.parser.parse(html, contentType: "text/html")
        #expect(article.title == "Flood & storm warning issued for the valley")
        #expect(article.paragraphs.first == "The weather service issued a flood warning on Friday for the valley, where rivers rose 2 < 3 meters in a day")
        #expect(article.paragraphs.count >= 2)
        #expect(article.paragraphs[1] == "Residents were told to move cars to higher ground — and to avoid the old bridge.")
    }

    @Test("A page that is all chrome has no content")
    func allChrome() {
        let html = """
            <html><body><nav><a href="/">Home</a><a href="/news">News</a></nav>
            <div class="cookie-banner"><p>We use cookies. Accept all?</p></div>
            <footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>
            """
        let error = Parse.error(Array(html.utf8), contentType: "text/html")
        #expect(error?.code == .noContent)
        #expect(error?.message.contains("lines were removed") == true)
    }
}
