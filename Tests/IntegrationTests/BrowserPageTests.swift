import Foundation
import NewswireClient
import NewswireTesting
import Testing

/// The web page in a real browser: headless Chromium (Debian's `chromium`,
/// which scripts/test.sh installs) driven over the DevTools protocol by
/// `scripts/browser-page-check.py`, against running services fed with the seeds.
@Suite("Web page in a real browser", .serialized)
struct BrowserPageTests {
    /// Chromium on this machine: `NEWSWIRE_CHROMIUM`, else `chromium` on PATH or in /usr/bin.
    static let chromium: String? = {
        if let given = ProcessInfo.processInfo.environment["NEWSWIRE_CHROMIUM"], !given.isEmpty { return given }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test("the live feed shows an article fed after the page loaded; search finds it; its view marks the evidence; screenshots at phone and desktop widths")
    func liveFeedSearchAndArticle() async throws {
        let chromium = try #require(Self.chromium, "chromium is not installed: scripts/test.sh installs it (apt-get install chromium), or set NEWSWIRE_CHROMIUM")
        let python = try #require(PythonEnvironment.python, "python3 is needed to drive the browser")
        let (pipeline, http) = try await HTTPAPITests.pipeline()
        let seeds = try Fixtures.files(in: "seeds").filter { $0.pathExtension == "txt" }
        try await HTTPAPITests.feed(pipeline, seeds.map { url in
            ArticleFeeder.Item(name: url.lastPathComponent, contentType: "text/plain") { (try? Array(Data(contentsOf: url))) ?? [] }
        }, http: http)

        // Screenshots are kept as test artifacts, next to the build (NEWSWIRE_SCREENSHOTS moves them).
        let shots = ProcessInfo.processInfo.environment["NEWSWIRE_SCREENSHOTS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Fixtures.repositoryRoot.appendingPathComponent(".build/screenshots").path
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/browser-page-check.py").path
        let browser = try RunningProcess(python, [script, chromium, "http://\(http)", shots], directory: pipeline.directory)
        _ = try await browser.waitForLog("(?m)^READY$", timeout: .seconds(90))

        // The page is open with its stream; now an article arrives.
        let fresh = "Diplomats Prepare Geneva Peace Talks on Syria as Envoy Meets Kerry and Lavrov"
        try await HTTPAPITests.feed(pipeline, [HTTPAPITests.item("fresh", fresh, [
            "GENEVA — Diplomats began preparing a peace conference on Syria on Monday, the United Nations envoy said after meeting Secretary of State John Kerry and Foreign Minister Sergey Lavrov.",
            "The envoy said the talks between the government and the opposition could open within weeks if both sides sent delegations to Geneva.",
        ])], http: http)
        let line = try await browser.waitForLog(#"RESULT (\{.*\})"#, timeout: .seconds(120))
        #expect(try await browser.waitForExit(timeout: .seconds(30)) == 0, "the browser check failed:\n\(browser.log)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])

        let live = result["live"] as? [[String: Any]] ?? []
        #expect(!live.isEmpty && live.allSatisfy { $0["title"] as? String == fresh }, "the live feeds show \(live)")
        #expect(live.contains { $0["feed"] as? String == "syria-talks" })
        // The counts moved with it: the page's counts equal what the API now says.
        let topics = try HTTPAPITests.getJSON(http, "/api/v1/topics").json["topics"] as? [[String: Any]] ?? []
        let counts = result["counts"] as? [String: Int] ?? [:]
        for topic in topics where topic["inTaxonomy"] as? Bool == true {
            let id = topic["id"] as? String ?? ""
            #expect(counts[id] == topic["articles"] as? Int, "\(id): the page counts \(counts[id] ?? -1)")
        }
        #expect(result["search"] as? [String] == [fresh] && (result["searchMarks"] as? Int ?? 0) > 0)
        let article = result["article"] as? [String: Any] ?? [:]
        #expect(article["title"] as? String == fresh && (article["marks"] as? Int ?? 0) > 0, "article view: \(article)")
        #expect(result["slashFocusesSearch"] as? Bool == true, "'/' focuses the search box")
        for name in ["home-desktop", "home-phone", "article-desktop", "article-phone"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: "\(shots)/\(name).png")[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(shots)/\(name).png is \(size) bytes")
        }
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
    }
}
