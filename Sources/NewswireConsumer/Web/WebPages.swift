internal import Foundation
internal import NewswireObservability

/// The consumer's web face, server-rendered HTML over the same store and API:
///
/// - `/`: the topics with live counts, articles per topic over time (an SVG
///   chart, hour or day buckets), and a live feed per topic (the page's script
///   follows `/api/v1/stream` from the sequence the page was rendered at);
/// - `/search?q=`: full-text search with the matched words marked;
/// - `/articles/{id}`: one article, the phrases behind each topic marked in its text;
/// - `/fragments/volume?bucket=`: the chart alone, for the script to refresh;
/// - `/assets/style.css`, `/assets/app.js`: the only assets the pages load.
struct WebPages {
    let api: ArticleAPI

    /// The answer for a web path, or nil when `path` is not one.
    func respond(to request: HTTPRouteRequest) async throws -> HTTPRouteResponse? {
        let path = request.path
        switch path {
        case "/":
            try ArticleAPI.allowOnly(["bucket"], in: request)
            return Self.html(try await home(bucket: try bucket(request)))
        case "/search":
            try ArticleAPI.allowOnly(["q", "topic", "cursor"], in: request)
            return try await search(request)
        case "/fragments/volume":
            try ArticleAPI.allowOnly(["bucket"], in: request)
            return HTTPRouteResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(try await chart(bucket: try bucket(request)).utf8))
        case "/assets/style.css":
            return Self.asset(WebAssets.styleSheet, contentType: "text/css; charset=utf-8")
        case "/assets/app.js":
            return Self.asset(WebAssets.script, contentType: "text/javascript; charset=utf-8")
        case _ where path.hasPrefix("/articles/"):
            try ArticleAPI.allowOnly([], in: request)
            return try await article(id: String(path.dropFirst("/articles/".count)))
        default:
            return nil
        }
    }

    private func bucket(_ request: HTTPRouteRequest) throws(ArticleQueryError) -> TopicVolumeBody.Bucket {
        let text = request.values("bucket").last ?? "hour"
        guard let bucket = TopicVolumeBody.Bucket(rawValue: text) else {
            throw ArticleQueryError(parameter: "bucket", reason: "must be hour or day, got '\(text.prefix(40))'")
        }
        return bucket
    }

    /// The home page.
    func home(bucket: TopicVolumeBody.Bucket) async throws -> HTMLPage {
        // The stream resumes after the sequence read first: an article stored while
        // the page is read is then in both, and the script skips what a feed shows.
        let head = try await api.store.headSequence()
        let topics = try await api.topics()
        let shown = topics.topics.filter(\.inTaxonomy)
        var content = """
            <div data-stream-after="\(head)">
            <h1>Newswire</h1>
            <p class="muted">\(topics.articles) articles stored · taxonomy \(HTMLPage.escape(topics.taxonomy.name)) \(HTMLPage.escape(topics.taxonomy.version))</p>
            <section aria-labelledby="topics-heading">
            <h2 id="topics-heading">Topics</h2>
            <ul class="topics">

            """
        for topic in shown {
            content += "<li><a href=\"#feed-\(HTMLPage.escape(topic.id))\">\(HTMLPage.escape(topic.label))</a> <span class=\"count\" data-count=\"\(HTMLPage.escape(topic.id))\">\(topic.articles)</span></li>\n"
        }
        content += """
            </ul>
            </section>
            <section aria-labelledby="volume-heading">
            <h2 id="volume-heading">Articles per topic</h2>
            <p><a href="/?bucket=hour"\(bucket == .hour ? " aria-current=\"page\"" : "")>by hour</a> · <a href="/?bucket=day"\(bucket == .day ? " aria-current=\"page\"" : "")>by day</a></p>
            <div id="volume-section" data-bucket="\(bucket.rawValue)">
            \(try await chart(bucket: bucket))
            </div>
            </section>
            <section aria-labelledby="live-heading">
            <h2 id="live-heading">Live</h2>
            <p id="stream-status" class="muted" role="status" aria-live="polite">The live feed needs JavaScript; these are the latest articles.</p>
            <div class="feeds">

            """
        for topic in shown {
            let page = try await api.browsing().articlePage(ArticleQuery(topic: topic.id, limit: 5))
            content += "<section class=\"feed\" id=\"feed-\(HTMLPage.escape(topic.id))\" aria-label=\"\(HTMLPage.escape(topic.label)) live feed\">\n"
            content += "<h3>\(HTMLPage.escape(topic.label))</h3>\n"
            if page.articles.isEmpty { content += "<p class=\"empty muted\">Nothing yet.</p>\n" }
            content += "<ol data-feed=\"\(HTMLPage.escape(topic.id))\">\n"
            for article in page.articles {
                content += "<li data-id=\"\(HTMLPage.escape(article.id))\"><a href=\"/articles/\(HTMLPage.escape(article.id))\">\(HTMLPage.escape(article.title))</a>"
                content += "<div class=\"meta\">\(HTMLPage.escape(article.source)) · \(HTMLPage.escape(Self.shortTime(article.storedAt)))</div></li>\n"
            }
            content += "</ol>\n</section>\n"
        }
        content += "</div>\n</section>\n</div>"
        return HTMLPage(title: "Topics", content: content)
    }

    /// The volume chart for the window ending now.
    func chart(bucket: TopicVolumeBody.Bucket) async throws -> String {
        let window = VolumeChart.window(bucket)
        let volume = try await TopicVolumeBody.count(
            bucket: bucket, topics: api.topicLabels.map(\.id), since: window.since, until: window.until, store: try api.browsing(), labels: api.topicLabels)
        return VolumeChart(volume: volume, starts: window.starts).html
    }

    /// Search results, or the reason the query cannot run.
    func search(_ request: HTTPRouteRequest) async throws -> HTTPRouteResponse {
        let text = request.values("q").last ?? ""
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Self.html(HTMLPage(title: "Search", content: "<h1>Search</h1>\n<p>Type words to find in titles and text: <code>kerry lavrov</code>, <code>\"peace talks\"</code>, <code>geneva OR vienna</code>, <code>title:kerry</code>.</p>"))
        }
        let topic = request.values("topic").last.flatMap { $0.isEmpty ? nil : $0 }
        var content = "<h1>Search: \(HTMLPage.escape(text))</h1>\n"
        let page: ArticlePage
        do {
            let cursor = try request.values("cursor").last.map { token throws(ArticleQueryError) in try PageCursor(token: token) }
            page = try await api.browsing().articlePage(ArticleQuery(topic: topic, text: text, cursor: cursor, limit: 20))
        } catch let error as ArticleQueryError {
            content += "<p class=\"error\" role=\"alert\">\(HTMLPage.escape(error.description))</p>"
            return Self.html(HTMLPage(title: "Search", content: content, query: text), status: 400)
        }
        if page.articles.isEmpty { content += "<p>No article matches.</p>\n" }
        content += "<ol class=\"results\">\n"
        for article in page.articles {
            let snippet = article.markedSnippet(open: "<mark>", close: "</mark>", escape: HTMLPage.escape) ?? ""
            let topics = article.topics.map { HTMLPage.escape($0.label) }.joined(separator: ", ")
            content += """
                <li data-id="\(HTMLPage.escape(article.id))"><a href="/articles/\(HTMLPage.escape(article.id))">\(HTMLPage.escape(article.title))</a>
                <p class="snippet">\(snippet)</p>
                <div class="meta">\(HTMLPage.escape(article.source)) · \(HTMLPage.escape(Self.shortTime(article.storedAt)))\(topics.isEmpty ? "" : " · " + topics)</div></li>

                """
        }
        content += "</ol>\n"
        if let next = page.nextCursor {
            var query = "q=\(Self.queryEscape(text))&cursor=\(Self.queryEscape(next.token))"
            if let topic { query += "&topic=\(Self.queryEscape(topic))" }
            content += "<p><a href=\"/search?\(HTMLPage.escape(query))\" rel=\"next\">More results</a></p>\n"
        }
        return Self.html(HTMLPage(title: "Search: \(text)", content: content, query: text))
    }

    /// One article with its evidence marked, or 404.
    func article(id: String) async throws -> HTTPRouteResponse {
        guard !id.isEmpty, !id.contains("/"), let article = try await api.browsing().articleDetail(id: id) else {
            return Self.html(HTMLPage(title: "Not found", content: "<h1>Not found</h1>\n<p>No article with id <code>\(HTMLPage.escape(id))</code>.</p>"), status: 404)
        }
        var byParagraph: [Int: EvidenceHighlighter] = [:]
        for (index, topic) in article.topics.enumerated() {
            for evidence in topic.evidence {
                byParagraph[evidence.paragraph, default: EvidenceHighlighter()].spans.append(
                    .init(start: evidence.start, end: evidence.end, colour: index, note: "\(topic.label): \(evidence.phrase)"))
            }
        }
        func marked(_ paragraph: Int, _ text: String) -> String {
            byParagraph[paragraph]?.html(text) ?? HTMLPage.escape(text)
        }
        var meta = [HTMLPage.escape(article.source)]
        if let dateline = article.dateline { meta.append(HTMLPage.escape(dateline)) }
        if let byline = article.byline { meta.append(HTMLPage.escape(byline)) }
        if let published = article.publishedAt { meta.append("published " + HTMLPage.escape(Self.shortTime(published))) }
        meta.append("stored " + HTMLPage.escape(Self.shortTime(article.storedAt)))
        var content = "<article class=\"article\" data-id=\"\(HTMLPage.escape(article.id))\">\n<h1>\(marked(-1, article.title))</h1>\n"
        if let subtitle = article.subtitle { content += "<p class=\"muted\">\(HTMLPage.escape(subtitle))</p>\n" }
        content += "<p class=\"meta\">\(meta.joined(separator: " · ")) · <a href=\"\(HTMLPage.escape(article.url))\" rel=\"noreferrer\">original</a></p>\n"
        if article.topics.isEmpty {
            content += "<p class=\"muted\">No topic.</p>\n"
        } else {
            content += "<h2>Topics</h2>\n<ul class=\"topic-list\">\n"
            for (index, topic) in article.topics.enumerated() {
                let phrases = Set(topic.evidence.map(\.phrase)).sorted().map(HTMLPage.escape).joined(separator: ", ")
                content += "<li><span class=\"swatch t\(index % 6)\" aria-hidden=\"true\"></span><strong>\(HTMLPage.escape(topic.label))</strong> "
                content += "<span class=\"muted\">score \(String(format: "%.2f", topic.score)), threshold \(String(format: "%.2f", topic.threshold))</span>"
                content += phrases.isEmpty ? "</li>\n" : "<br><span class=\"meta\">because of: \(phrases)</span></li>\n"
            }
            content += "</ul>\n<p class=\"muted\">The marked phrases in the text are what made each topic (hover or long-press a mark for its topic).</p>\n"
        }
        content += "<h2 class=\"visually-hidden\">Text</h2>\n"
        for (index, paragraph) in article.paragraphs.enumerated() { content += "<p>\(marked(index, paragraph))</p>\n" }
        if !article.quotes.isEmpty {
            content += "<h2>Quotes</h2>\n<ul>\n"
            for quote in article.quotes {
                content += "<li>“\(HTMLPage.escape(quote.text))”\(quote.speaker.isEmpty ? "" : " — " + HTMLPage.escape(quote.speaker))</li>\n"
            }
            content += "</ul>\n"
        }
        for (heading, names) in [("People", article.people), ("Organisations", article.organizations), ("Places", article.places)] where !names.isEmpty {
            content += "<h2>\(heading)</h2>\n<p>\(names.map(HTMLPage.escape).joined(separator: ", "))</p>\n"
        }
        content += "</article>"
        return Self.html(HTMLPage(title: article.title, content: content))
    }

    /// `2026-11-23T12:35:07.123Z` → `2026-11-23 12:35 UTC`.
    static func shortTime(_ iso: String) -> String {
        iso.count >= 16 ? iso.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC" : iso
    }

    static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func html(_ page: HTMLPage, status: Int = 200) -> HTTPRouteResponse {
        HTTPRouteResponse(status: status, contentType: "text/html; charset=utf-8", body: page.bytes, headers: [("Cache-Control", "no-cache")])
    }

    static func asset(_ text: String, contentType: String) -> HTTPRouteResponse {
        HTTPRouteResponse(status: 200, contentType: contentType, body: Array(text.utf8), headers: [("Cache-Control", "max-age=300")])
    }
}
