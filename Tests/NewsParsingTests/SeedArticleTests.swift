import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// The two sample articles the producer was designed around.
@Suite("Seed articles")
struct SeedArticleTests {
    @Test("First seed: title, 22 paragraphs, chrome removed")
    func firstSeedStructure() throws {
        let article = try Parse.fixture(Fixtures.firstSeed)
        #expect(article.title == "Kerry Says US and Russia Are Working Toward Syria Talks")
        #expect(article.subtitle == nil)
        #expect(article.dateline == nil)
        #expect(article.paragraphs.count == 22)
        #expect(article.paragraphs.first?.hasPrefix("“We agreed that we are both serious") == true)
        #expect(article.paragraphs.last == "“Obviously August is very difficult for Europeans and others, so it may be somewhat thereafter,” he said.")
        #expect(article.removedLines == ["Leave a comment"])
        #expect(!article.paragraphs.contains { $0.contains("Leave a comment") })
        #expect(article.truncated == false)
        #expect(article.language == "en")
    }

    @Test("First seed: quotes are attributed through honorifics, the gazetteer and fuller mentions")
    func firstSeedQuotes() throws {
        let article = try Parse.fixture(Fixtures.firstSeed)
        #expect(article.quotes.contains(
            Quote(text: "We agreed that we are both serious, more than serious, committed", speaker: "John Kerry", paragraph: 0)))
        #expect(article.quotes.contains(
            Quote(
                text: "Our American partners recognize that the main thing is to secure the consolidation of the Syrian opposition",
                speaker: "Sergey V. Lavrov", paragraph: 19)))
        // "he said" after Mr. Kerry's remarks resolves to him.
        let obviously = try #require(article.quotes.first { $0.text.hasPrefix("Obviously August") })
        #expect(obviously.speaker == "John Kerry")
        #expect(obviously.paragraph == 21)
        let whether = try #require(article.quotes.first { $0.text.hasPrefix("Whether the regime") })
        #expect(whether.speaker == "John Kerry")
        // Scare quotes are not quotations.
        #expect(!article.quotes.contains { $0.text.hasPrefix("portfolio") || $0.text == "calculation" })
    }

    @Test("First seed: people, places and organizations")
    func firstSeedEntities() throws {
        let article = try Parse.fixture(Fixtures.firstSeed)
        for person in ["John Kerry", "Sergey V. Lavrov", "Edward J. Snowden", "Bashar al-Assad", "Salim Idris", "Chuck Hagel"] {
            #expect(article.people.contains(person), "missing \(person) in \(article.people)")
        }
        #expect(!article.people.contains("Kerry"))
        #expect(!article.people.contains { $0.hasPrefix("Mr.") || $0.hasPrefix("Gen.") || $0.hasPrefix("President") })
        for place in ["Syria", "Moscow", "Geneva", "Brunei", "Iran", "United States", "Russia", "Washington"] {
            #expect(article.places.contains(place), "missing \(place) in \(article.places)")
        }
        for organization in ["Hezbollah", "Interfax", "Kremlin"] {
            #expect(article.organizations.contains(organization), "missing \(organization) in \(article.organizations)")
        }
    }

    @Test("Second seed: title, subtitle, dateline and 7 paragraphs")
    func secondSeedStructure() throws {
        let article = try Parse.fixture(Fixtures.secondSeed)
        #expect(article.title == "Kerry says Syria peace talks not likely until September")
        #expect(article.subtitle == "US, Russia still disagree over Assad’s role")
        #expect(article.dateline == "BANDAR SERI BEGAWAN, Brunei")
        #expect(article.paragraphs.count == 7)
        #expect(article.paragraphs[0].hasPrefix("A proposed peace conference on Syria will probably not happen"))
        #expect(article.places.contains("Bandar Seri Begawan") && article.places.contains("Brunei"))
        #expect(article.truncated, "it ends mid-sentence: “…agreed to be present”")
        #expect(article.paragraphs.last?.hasSuffix("agreed to be present") == true)
    }

    @Test("Second seed: all four chrome lines are removed")
    func secondSeedChrome() throws {
        let article = try Parse.fixture(Fixtures.secondSeed)
        let chrome = [
            "Next Score View the next score", "Get Today's Headlines in your inbox:",
            "The day's top stories delivered every morning.", "Thank you for signing up! Sign up for more newsletters here",
        ]
        let removed = article.removedLines.map { $0.replacingOccurrences(of: "’", with: "'") }
        for line in chrome {
            #expect(removed.contains(line), "\(line) not in removedLines \(removed)")
            #expect(!article.allText.contains { $0.replacingOccurrences(of: "’", with: "'").contains(line) })
        }
        #expect(article.removedLines.count == 4)
    }

    @Test("Second seed: doubled quotes are kept as written and Kerry's quotes are his")
    func secondSeedQuotes() throws {
        let article = try Parse.fixture(Fixtures.secondSeed)
        #expect(article.paragraphs[2] == "‘‘We both agreed that our countries have an ability to make a difference if we can pull together in that effort,’’ Kerry said.")
        #expect(article.quotes.contains(
            Quote(
                text: "We both agreed that our countries have an ability to make a difference if we can pull together in that effort",
                speaker: "John Kerry", paragraph: 2)))
        let committed = try #require(article.quotes.first { $0.text.hasPrefix("serious, more than serious") })
        #expect(committed.speaker == "John Kerry", "“He said in a statement …” follows a sentence about Kerry")
        #expect(article.people.prefix(2) == ["John Kerry", "Sergey V. Lavrov"])
    }

    @Test("The content hash is the SHA-256 of the paragraphs joined by newlines, doubled quotes folded to “ ”")
    func contentHashDefinition() throws {
        for seed in [Fixtures.firstSeed, Fixtures.secondSeed] {
            let article = try Parse.fixture(seed)
            // The paragraphs keep the page's ‘‘…’’ (and any ' after a letter); the hash is over them folded (newsparsing-4).
            let folded = article.paragraphs.joined(separator: "\n").replacingOccurrences(of: "‘‘", with: "“")
                .replacingOccurrences(of: "’’", with: "”").replacingOccurrences(of: "'", with: "’")
            #expect(article.contentHash == SHA256.hexDigest(Array(folded.utf8)))
            #expect(article.contentHash.count == 64)
            #expect(article.contentHash.allSatisfy { "0123456789abcdef".contains($0) })
        }
    }
}
