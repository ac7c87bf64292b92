import Foundation
import NewswireClient
import NewswireTesting
import Testing

/// The consumer's read API and `newswire search` against the running services:
/// real processes, real SQLite, articles fed through the producer.
@Suite("HTTP read API", .serialized)
struct HTTPAPITests {
    /// A pipeline with the consumer's HTTP endpoint on a free port, and that address.
    static func pipeline(_ consumerArguments: [String] = []) async throws -> (pipeline: Pipeline, http: String) {
        let pipeline = try await Pipeline(consumerArguments: ["--metrics", "127.0.0.1:0"] + consumerArguments)
        let http = try await pipeline.consumer.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        return (pipeline, http)
    }

    /// GETs `path` and parses the JSON body.
    static func getJSON(_ http: String, _ path: String, headers: [String: String] = [:]) throws -> (status: Int, json: [String: Any]) {
        let answer = try RawTCPConnection.get(http, path, headers: headers, timeout: .seconds(30))
        let status = try #require(answer.status, "no answer to GET \(path)")
        let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
        return (status, try #require(object, "GET \(path) answered \(status) with a body that is not a JSON object: \(answer.body)"))
    }

    /// Stored articles, as `/api/v1/topics` counts them.
    static func storedCount(_ http: String) throws -> Int {
        try getJSON(http, "/api/v1/topics").json["articles"] as? Int ?? -1
    }

    /// Feeds `items` through the producer and waits until the consumer has stored each
    /// (the producer's ack to the scraper means only that the article is in its outbox).
    static func feed(_ pipeline: Pipeline, _ items: [ArticleFeeder.Item], http: String) async throws {
        let before = try storedCount(http)
        let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: items)
        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.allStored && summary.accepted == items.count, "feed: \(summary)")
        try await waitUntil("the consumer stores \(items.count) more articles", timeout: .seconds(60)) {
            (try? storedCount(http)) == before + items.count
        }
    }

    /// An article in the plain-text form scrapers send: the title, then paragraphs.
    static func item(_ name: String, _ title: String, _ paragraphs: [String]) -> ArticleFeeder.Item {
        let text = ([title] + paragraphs).joined(separator: "\n\n")
        return ArticleFeeder.Item(name: name, contentType: "text/plain") { Array(text.utf8) }
    }

    /// `count` distinct articles numbered from `offset`: a seed article (so they carry
    /// topics) with a numbered paragraph of prose in its body, which the parser keeps.
    static func numbered(_ count: Int, offset: Int = 0) throws -> [ArticleFeeder.Item] {
        let seeds = try Fixtures.files(in: "seeds").filter { $0.pathExtension == "txt" }.map { try String(contentsOf: $0, encoding: .utf8) }
        return (offset..<(offset + count)).map { index in
            var blocks = seeds[index % seeds.count].components(separatedBy: "\n\n")
            blocks.insert(
                "Port officials said \(index) cargo ships were still waiting outside the breakwater on Tuesday evening, and that the queue would take days to clear.",
                at: min(2, blocks.count))
            let text = blocks.joined(separator: "\n\n")
            return ArticleFeeder.Item(name: "numbered-\(index)", contentType: "text/plain") { Array(text.utf8) }
        }
    }

    static func ids(_ page: [String: Any]) -> [String] {
        (page["articles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("newest-first pages stay whole while articles arrive between them: no duplicates, no gaps")
    func paginationStableUnderInserts() async throws {
        let (pipeline, http) = try await Self.pipeline()
        try await Self.feed(pipeline, try Self.numbered(30), http: http)
        let before = try Self.getJSON(http, "/api/v1/articles?limit=100")
        let expected = Self.ids(before.json)
        #expect(before.status == 200 && expected.count == 30)

        var seen: [String] = []
        var path = "/api/v1/articles?limit=7"
        var round = 0
        while true {
            let page = try Self.getJSON(http, path)
            #expect(page.status == 200)
            seen += Self.ids(page.json)
            // More articles are stored between pages; they are newer than every page's cursor.
            round += 1
            try await Self.feed(pipeline, try Self.numbered(4, offset: 30 + round * 4), http: http)
            guard let cursor = page.json["nextCursor"] as? String else { break }
            path = "/api/v1/articles?limit=7&cursor=\(cursor)"
        }
        #expect(seen == expected, "pages gave \(seen.count) ids, \(Set(seen).count) distinct; expected the 30 stored before paging, in order")
        let after = try Self.getJSON(http, "/api/v1/articles?limit=100")
        let all = Self.ids(after.json)
        #expect(all.count == 30 + round * 4)
        #expect(Array(all.suffix(30)) == expected, "the newer articles come first, the first 30 after them in the same order")

        // The topic filter and the topic list agree with what is stored.
        let topics = try Self.getJSON(http, "/api/v1/topics")
        #expect(topics.status == 200)
        #expect(topics.json["articles"] as? Int == all.count)
        let list = topics.json["topics"] as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["id"] as? String }.starts(with: ["syria-talks", "snowden-request", "arms-supply"]))
        let syria = list.first { $0["id"] as? String == "syria-talks" }?["articles"] as? Int ?? 0
        var filtered = 0
        var topicPath = "/api/v1/articles?topic=syria-talks&limit=100"
        while true {
            let page = try Self.getJSON(http, topicPath)
            for article in page.json["articles"] as? [[String: Any]] ?? [] {
                filtered += 1
                let ids = (article["topics"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(ids.contains("syria-talks"))
            }
            guard let cursor = page.json["nextCursor"] as? String else { break }
            topicPath = "/api/v1/articles?topic=syria-talks&limit=100&cursor=\(cursor)"
        }
        #expect(syria > 0 && filtered == syria)
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
    }

    @Test("q= ranks title matches first, marks matches in snippets; newswire search finds the same")
    func searchRankingAndSnippets() async throws {
        let (pipeline, http) = try await Self.pipeline()
        try await Self.feed(pipeline, [
            Self.item("body", "Harbour cranes stand idle across the port", [
                "Dockworkers said the quince harvest would have to wait for the cranes.",
                "The port authority gave no date for repairs to the cranes or the quay.",
            ]),
            Self.item("title", "Quince growers gather in the river valley", [
                "The growers met in a barn outside the town to set prices for the season.",
                "Several farmers said the summer had been unusually dry this year.",
            ]),
            Self.item("other", "Ferry timetable changes from Monday", [
                "Boats will leave on the hour rather than at half past.",
                "The operator said the change follows a survey of passengers.",
            ]),
        ], http: http)
        let page = try Self.getJSON(http, "/api/v1/articles?q=quince")
        #expect(page.status == 200)
        let articles = page.json["articles"] as? [[String: Any]] ?? []
        #expect(articles.compactMap { $0["title"] as? String } == [
            "Quince growers gather in the river valley", "Harbour cranes stand idle across the port",
        ])
        let scores = articles.compactMap { $0["score"] as? Double }
        #expect(scores.count == 2 && scores[0] > scores[1])
        let snippet = articles.last?["snippet"] as? String ?? ""
        #expect(snippet.contains("the <mark>quince</mark> harvest"), "snippet: \(snippet)")

        // The command line searches the same file and ranks the same way.
        let search = try await runCommand("newswire", ["search", "quince", "--db", pipeline.databasePath, "--json"])
        #expect(search.status == 0, "\(search.stderr)")
        let lines = search.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.compactMap { $0["id"] as? String } == articles.compactMap { $0["id"] as? String })
        let text = try await runCommand("newswire", ["search", "cranes quay", "--db", pipeline.databasePath])
        #expect(text.status == 0 && text.stdout.contains("Harbour cranes stand idle") && text.stdout.contains("[quay]"), "\(text.stdout)\(text.stderr)")
        let bad = try await runCommand("newswire", ["search", "\"unbalanced", "--db", pipeline.databasePath])
        #expect(bad.status != 0 && bad.stderr.contains("not a valid full-text query"), "\(bad.stderr)")
        _ = try await pipeline.stop()
    }

    @Test("malformed parameters answer 400 naming the parameter; an unknown id 404; the whole article has its parts")
    func errorsAndDetail() async throws {
        let (pipeline, http) = try await Self.pipeline()
        let seeds = try Fixtures.files(in: "seeds").filter { $0.pathExtension == "txt" }
        try await Self.feed(pipeline, seeds.map { url in
            ArticleFeeder.Item(name: url.lastPathComponent, contentType: "text/plain") { [UInt8](try Data(contentsOf: url)) }
        }, http: http)
        let cases: [(String, String)] = [
            ("/api/v1/articles?q=%22unbalanced", "q: not a valid full-text query"),
            ("/api/v1/articles?q=kerry%20AND", "q: not a valid full-text query"),
            ("/api/v1/articles?q=nosuchcolumn:kerry", "q: not a valid full-text query"),
            ("/api/v1/articles?limit=0", "limit:"),
            ("/api/v1/articles?limit=ten", "limit:"),
            ("/api/v1/articles?cursor=garbage", "cursor:"),
            ("/api/v1/articles?since=yesterday", "since:"),
            ("/api/v1/articles?order=oldest", "order:"),
            ("/api/v1/articles?order=relevance", "order:"),
            ("/api/v1/articles?colour=red", "colour: unknown parameter"),
            ("/api/v1/articles?topic=a&topic=b", "topic: given more than once"),
            ("/api/v1/articles?q=%ZZ", "not valid percent-encoded"),
        ]
        for (path, reason) in cases {
            let answer = try Self.getJSON(http, path)
            let error = answer.json["error"] as? [String: Any]
            #expect(answer.status == 400 && error?["status"] as? Int == 400, "\(path) answered \(answer.status)")
            let message = (error?["message"] as? String) ?? ""
            #expect(message.contains(reason), "\(path): \(message)")
        }
        let unknown = try Self.getJSON(http, "/api/v1/articles/0123456789abcdef")
        let unknownMessage = ((unknown.json["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(unknown.status == 404 && unknownMessage.contains("0123456789abcdef"))
        #expect(try Self.getJSON(http, "/api/v2/nothing").status == 404)

        let list = try Self.getJSON(http, "/api/v1/articles?q=lavrov%20kerry")
        let id = try #require(Self.ids(list.json).first)
        let detail = try Self.getJSON(http, "/api/v1/articles/\(id)")
        #expect(detail.status == 200)
        let json = detail.json
        #expect((json["paragraphs"] as? [String])?.isEmpty == false)
        #expect((json["people"] as? [String] ?? []).contains { $0.contains("Kerry") })
        #expect((json["quotes"] as? [[String: Any]] ?? []).contains { !($0["speaker"] as? String ?? "").isEmpty })
        let topics = json["topics"] as? [[String: Any]] ?? []
        #expect(topics.first?["id"] as? String == "syria-talks")
        let evidence = topics.first?["evidence"] as? [[String: Any]] ?? []
        #expect(!evidence.isEmpty && evidence.allSatisfy { $0["phrase"] is String && $0["start"] is Int && $0["end"] is Int })

        // The served OpenAPI document is proto-docs/openapi.json.
        let served = try Self.getJSON(http, "/openapi.json")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("proto-docs/openapi.json")))
        #expect(served.status == 200)
        #expect(NSDictionary(dictionary: served.json).isEqual(to: file as? [String: Any] ?? [:]), "/openapi.json differs from proto-docs/openapi.json")
        let paths = (served.json["paths"] as? [String: Any] ?? [:]).keys
        #expect(Set(paths).isSuperset(of: ["/api/v1/topics", "/api/v1/articles", "/api/v1/articles/{id}", "/openapi.json"]))
        _ = try await pipeline.stop()
    }

    @Test("with --http-token-file every path but /healthz needs the bearer token")
    func bearerToken() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-token")
        let tokenFile = directory.path("token")
        try "s3cret-token-42\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let (pipeline, http) = try await Self.pipeline(["--http-token-file", tokenFile])
        for path in ["/api/v1/topics", "/api/v1/articles", "/openapi.json", "/metrics", "/status", "/readyz"] {
            #expect(try RawTCPConnection.get(http, path).status == 401, "\(path) without a token")
            #expect(try RawTCPConnection.get(http, path, headers: ["Authorization": "Bearer wrong-token-42"]).status == 401, "\(path) with a wrong token")
            #expect(try RawTCPConnection.get(http, path, headers: ["Authorization": "Bearer s3cret-token-42"]).status == 200, "\(path) with the token")
        }
        #expect(try RawTCPConnection.get(http, "/healthz").status == 200)
        // newswire status sends the token from --consumer-token-file, and says 401 without it.
        let withToken = try await runCommand("newswire", ["status", "--producer", "", "--consumer", http, "--consumer-token-file", tokenFile])
        #expect(withToken.status == 0 && withToken.stdout.contains("newswire-consumer"), "\(withToken.stderr)")
        let without = try await runCommand("newswire", ["status", "--producer", "", "--consumer", http])
        #expect(without.status == 1 && without.stderr.contains("answered 401"), "\(without.stderr)")
        _ = try await pipeline.stop()

        // A token file that cannot be used stops the consumer at start, naming it.
        let empty = directory.path("empty")
        try "  \n".write(toFile: empty, atomically: true, encoding: .utf8)
        let refused = try await runCommand("newswire-consumer", ["--http-token-file", empty, "--db", directory.path("x.db")])
        #expect(refused.status != 0 && refused.stderr.contains("--http-token-file \(empty): the token file is empty"), "\(refused.stderr)")
    }
}
