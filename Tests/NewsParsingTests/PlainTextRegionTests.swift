import NewsParsing
import Testing

/// Where a plain-text dump's article ends: section headings after the article and calls to action.
@Suite("Plain-text article region")
struct PlainTextRegionTests {
    /// A page dump: a menu, the headline, three paragraphs, `tail` after them, and a footer.
    static func dump(_ tail: [String], between: [String] = []) -> String {
        let menu = ["Home", "Local", "Sport", "Weather", "Search", "Menu"]
        let article = [
            "Harbour ferry returns to service after a long refit",
            "The old harbour ferry made its first crossing in two years on Saturday morning, carrying a full deck of commuters and a handful of curious visitors who had come to see the restored wheelhouse.",
            "The refit took longer than planned because the shipyard found rust in the hull that had to be cut out and replaced, and the cost rose by about a third over the first estimate.",
        ] + between + [
            "The operator said the ferry would run every half hour on weekdays and every hour at the weekend, and that it would add evening crossings during the summer festival.",
        ]
        let footer = ["About us", "Contact", "Privacy", "Imprint"]
        return (menu + article + tail + footer).joined(separator: "\n\n")
    }

    /// Teasers after the article, written as sentences so that only the heading before them tells them apart.
    static let teasers = [
        "The council has agreed to repair the footbridge over the canal before the winter, after residents complained for years about the loose boards and the broken railing.",
        "A new bakery has opened in the market hall, and its owners say they want to bake bread with flour from the mills in the valley for the people of the town.",
    ]

    @Test("A further-reading heading after the article ends it: the teasers after it are not body")
    func furtherReading() throws {
        let article = try Parse.text(Self.dump(["Further reading"] + Self.teasers))
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.last?.hasPrefix("The operator said the ferry would run") == true)
        #expect(!article.paragraphs.contains { $0.contains("footbridge") || $0.contains("bakery") })
    }

    @Test("Without the heading the same teasers read as prose and stay: the heading is what cuts")
    func teasersWithoutHeading() throws {
        let article = try Parse.text(Self.dump(Self.teasers))
        #expect(article.paragraphs.contains { $0.contains("footbridge") })
    }

    @Test("German “Das könnte Sie auch interessieren” and a tag heading end the article")
    func germanHeading() throws {
        for heading in ["Das könnte Sie auch interessieren", "Themen"] {
            let article = try Parse.text(Self.dump([heading] + Self.teasers))
            #expect(article.paragraphs.count == 3, "\(heading)")
            #expect(!article.paragraphs.contains { $0.contains("bakery") }, "\(heading)")
        }
    }

    @Test("A sentence that opens with a call to action is chrome; one that names a network is prose")
    func callToAction() throws {
        let signUp = "Sign up to get the best of our local stories in your inbox every Friday."
        let facebook = "The mayor wrote on Facebook that the crossing would be free for children."
        let article = try Parse.text(Self.dump([], between: [signUp, facebook]))
        #expect(!article.paragraphs.contains(signUp))
        #expect(article.removedLines.contains(signUp))
        #expect(article.paragraphs.contains(facebook))
        #expect(article.paragraphs.count == 4)
    }
}

extension PlainTextRegionTests {
    @Test("A comment thread with more prose than the article still ends it at its heading")
    func longCommentThread() throws {
        let comments = [
            "I take this ferry every morning and I have to say the new seats are far more comfortable than the old wooden benches ever were, and the crew has been friendly and helpful with the new ticket machines.",
            "It is a shame that the refit cost so much more than planned, but I am glad that the town kept the old boat instead of buying a new one from the yard across the bay, which would have cost even more in the end.",
            "Does anyone know whether bicycles will be allowed on the evening crossings during the festival, or only on the weekday service, because last year there was no room for them at all on the late boats?",
            "My grandfather worked on this ferry for thirty years and he would have been very happy to see it back on the water again, with the same red funnel and the brass bell he polished every Sunday.",
        ]
        let article = try Parse.text(Self.dump(["4 Comments"] + comments))
        #expect(article.paragraphs.count == 3)
        #expect(!article.paragraphs.contains { $0.contains("grandfather") || $0.contains("bicycles") })
    }
}

extension PlainTextRegionTests {
    @Test("Picture credits and captions with a credit inside the body go; a sentence citing a source stays")
    func pictureCredits() throws {
        let credits = [
            "Foto: Hafenamt/Jens Ohlsen",
            "The restored wheelhouse on the first morning. (Photo: Ferry Trust)",
            "Photo by Mara Lindqvist on a stock photo site",
        ]
        let cited = "According to the harbour office, twelve thousand people used the ferry in its last full year of service before the refit, a figure it hopes to pass by the end of next summer."
        let article = try Parse.text(Self.dump([], between: credits + [cited]))
        for credit in credits {
            #expect(!article.paragraphs.contains(credit), "\(credit) was kept")
        }
        #expect(article.paragraphs.contains(cited))
        #expect(article.paragraphs.count == 4)
    }
}

extension PlainTextRegionTests {
    @Test("A widget spelled out as lines from one template goes; a list whose items differ at the ends stays")
    func templatedRun() throws {
        let shareBar = ["Open the map of Harbour Street in a new window", "Open the map of Mill Road in a new window", "Open the map of Market Square in a new window"]
        let list = ["Adults pay four euros for a single crossing.", "Children under twelve travel free of charge.", "Bicycles cost one euro on every boat."]
        let article = try Parse.text(Self.dump([], between: list + shareBar))
        for line in shareBar {
            #expect(!article.paragraphs.contains(line), "\(line) was kept")
        }
        for line in list {
            #expect(article.paragraphs.contains(line), "\(line) was dropped")
        }
    }
}
