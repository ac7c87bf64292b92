import Foundation
import NewswireClient
import NewswireTesting
import Testing

/// `GET /api/v1/topics/volume` and the web pages the consumer serves (`/`,
/// `/search`, `/articles/{id}`), against the running services.
@Suite("HTTP volume and web page", .serialized)
struct WebPageTests {
    /// The start of the UTC hour (or day) holding now, as the volume endpoint writes it.
    static func bucketStart(_ seconds: TimeInterval, ago: TimeInterval = 0) -> String {
        let start = Date(timeIntervalSince1970: ((Date().timeIntervalSince1970 - ago) / seconds).rounded(.down) * seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: start)
    }

    /// Every `src` and `href` attribute value in `html`.
    static func references(_ html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"\b(?:src|href)\s*=\s*"([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test("volume counts articles per topic per hour and per day, filtered by topic and time")
    func volumeBuckets() async throws {
        let (pipeline, http) = try await HTTPAPITests.pipeline()
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(5), http: http)
        let topics = try HTTPAPITests.getJSON(http, "/api/v1/topics").json["topics"] as? [[String: Any]] ?? []
        let counts = Dictionary(uniqueKeysWithValues: topics.compactMap { topic in
            (topic["id"] as? String).map { ($0, topic["articles"] as? Int ?? 0) }
        })
        #expect(counts.values.reduce(0, +) >= 5)

        // The articles were stored just now: all in the current hour (or the one before, at an hour's turn).
        for (bucket, seconds) in [("hour", 3600.0), ("day", 86_400.0)] {
            let volume = try HTTPAPITests.getJSON(http, "/api/v1/topics/volume?bucket=\(bucket)")
            #expect(volume.status == 200 && volume.json["bucket"] as? String == bucket)
            let listed = volume.json["topics"] as? [[String: Any]] ?? []
            #expect(listed.compactMap { $0["id"] as? String }.starts(with: ["syria-talks", "snowden-request", "arms-supply"]))
            for topic in listed {
                let id = topic["id"] as? String ?? ""
                let buckets = topic["buckets"] as? [[String: Any]] ?? []
                let sum = buckets.compactMap { $0["articles"] as? Int }.reduce(0, +)
                #expect(sum == counts[id] ?? 0 && topic["articles"] as? Int == sum, "\(bucket) \(id): \(buckets)")
                let recent = [Self.bucketStart(seconds), Self.bucketStart(seconds, ago: seconds)]
                for entry in buckets {
                    #expect(recent.contains(entry["start"] as? String ?? ""), "\(bucket) \(id): \(entry) is not the bucket of now, \(recent[0])")
                }
            }
        }
        // One topic, and a window after every article: no buckets.
        let one = try HTTPAPITests.getJSON(http, "/api/v1/topics/volume?bucket=day&topic=syria-talks")
        let only = one.json["topics"] as? [[String: Any]] ?? []
        #expect(only.count == 1 && only.first?["id"] as? String == "syria-talks" && only.first?["articles"] as? Int == counts["syria-talks"])
        let later = try HTTPAPITests.getJSON(http, "/api/v1/topics/volume?since=2999-01-01")
        #expect((later.json["topics"] as? [[String: Any]] ?? []).allSatisfy { ($0["buckets"] as? [Any])?.isEmpty == true })
        let earlier = try HTTPAPITests.getJSON(http, "/api/v1/topics/volume?bucket=day&until=2000-01-01T00:00:00Z")
        #expect((earlier.json["topics"] as? [[String: Any]] ?? []).allSatisfy { $0["articles"] as? Int == 0 })
        // Malformed parameters are refused with the reason.
        for (path, parameter) in [("/api/v1/topics/volume?bucket=week", "bucket"), ("/api/v1/topics/volume?since=yesterday", "since"),
                                  ("/api/v1/topics/volume?colour=red", "colour")] {
            let answer = try HTTPAPITests.getJSON(http, path)
            let message = (answer.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(answer.status == 400 && message.hasPrefix(parameter), "\(path): \(message)")
        }
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
    }

    @Test("the page at / is HTML that loads only the consumer's own assets; search marks matches; an article marks its evidence")
    func webPages() async throws {
        let (pipeline, http) = try await HTTPAPITests.pipeline()
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(3), http: http)

        let home = try RawTCPConnection.get(http, "/", timeout: .seconds(30))
        #expect(home.status == 200)
        #expect(home.body.hasPrefix("<!doctype html>") && home.body.contains("<meta name=\"viewport\""))
        let references = try Self.references(home.body)
        #expect(references.contains("/assets/style.css") && references.contains("/assets/app.js"))
        for reference in references {
            // Local: a path on this server or an anchor, never another host or scheme.
            #expect((reference.hasPrefix("/") && !reference.hasPrefix("//")) || reference.hasPrefix("#"), "the page refers to \(reference)")
            if reference.hasPrefix("/") {
                let answer = try httpGet(http, reference)
                #expect(answer.status == 200, "GET \(reference): \(answer.status)")
            }
        }
        let script = try httpGet(http, "/assets/app.js").body
        #expect(!script.contains("http:") && !script.contains("https:") && script.contains("/api/v1/stream"))
        // Counts, chart and feeds are rendered on the server: the page works before any script runs.
        #expect(home.body.contains("<svg class=\"chart\""))
        #expect(home.body.contains("data-feed=\"syria-talks\"") && home.body.contains("data-count=\"syria-talks\""))
        let first = try #require(HTTPAPITests.ids(try HTTPAPITests.getJSON(http, "/api/v1/articles?topic=syria-talks&limit=1").json).first)
        #expect(home.body.contains("href=\"/articles/\(first)\""))
        #expect(try httpGet(http, "/?bucket=day").body.contains("data-bucket=\"day\""))

        // Search: the matched words marked, each result linking to its article.
        let search = try httpGet(http, "/search?q=kerry+lavrov")
        #expect(search.status == 200 && search.body.contains("<mark>") && search.body.contains("href=\"/articles/"))
        let malformed = try httpGet(http, "/search?q=%22kerry")
        #expect(malformed.status == 400 && malformed.body.contains("class=\"error\""))

        // An article: its evidence marked in the text, in its topic's colour.
        let article = try httpGet(http, "/articles/\(first)")
        #expect(article.status == 200 && article.body.contains("<mark class=\"t0\" title=\""))
        #expect(try httpGet(http, "/articles/0000").status == 404)
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
    }

    @Test("with --http-token-file a browser signs in once at /signin; its cookie then opens the page, the API and the live stream")
    func signIn() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-signin")
        let tokenFile = directory.path("token")
        try "page-token-7;x\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let (pipeline, http) = try await HTTPAPITests.pipeline(["--http-token-file", tokenFile])
        let page = ["Accept": "text/html,application/xhtml+xml"]

        // A browser asking for a page is sent to the form, which keeps where it was going; an API client gets 401.
        let home = try RawTCPConnection.request(http, "GET", "/search?q=talks", headers: page)
        #expect(home.status == 303 && home.headers["location"] == "/signin?next=/search%3Fq%3Dtalks", "\(home.headers)")
        #expect(try RawTCPConnection.get(http, "/api/v1/topics").status == 401)
        let form = try RawTCPConnection.request(http, "GET", "/signin?next=%2Fsearch%3Fq%3Dtalks", headers: page)
        #expect(form.status == 200 && form.body.contains(#"name="token""#) && form.body.contains(#"value="/search?q=talks""#))

        // A wrong token is refused with the form again; the right one sets the cookie and goes on, only ever to this server.
        let formType = ["Content-Type": "application/x-www-form-urlencoded"]
        let wrong = try RawTCPConnection.request(http, "POST", "/signin", headers: formType, body: Array("token=guess&next=%2F".utf8))
        #expect(wrong.status == 401 && wrong.body.contains("not the one") && wrong.headers["set-cookie"] == nil)
        let elsewhere = try RawTCPConnection.request(
            http, "POST", "/signin", headers: formType, body: Array("token=page-token-7%3Bx&next=https%3A%2F%2Fexample.com%2F".utf8))
        #expect(elsewhere.status == 303 && elsewhere.headers["location"] == "/")
        let signed = try RawTCPConnection.request(
            http, "POST", "/signin", headers: formType, body: Array("token=page-token-7%3Bx&next=%2Fsearch%3Fq%3Dtalks".utf8))
        #expect(signed.status == 303 && signed.headers["location"] == "/search?q=talks")
        let setCookie = try #require(signed.headers["set-cookie"])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), "\(setCookie)")
        let cookie = ["Cookie": "theme=dark; " + String(try #require(setCookie.split(separator: ";").first))]

        // The cookie opens what the page loads: itself, its assets, the API, and the live stream.
        let opened = try RawTCPConnection.request(http, "GET", "/", headers: page.merging(cookie) { $1 })
        #expect(opened.status == 200 && opened.body.contains("<html"))
        for path in ["/assets/app.js", "/api/v1/topics", "/search?q=talks"] {
            #expect(try RawTCPConnection.get(http, path, headers: cookie).status == 200, "\(path) with the cookie")
        }
        let stream = try RawTCPConnection(http)
        stream.send(Array("GET /api/v1/stream HTTP/1.1\r\nHost: \(http)\r\n\(cookie.map { "\($0.key): \($0.value)" }[0])\r\n\r\n".utf8))
        let head = String(decoding: stream.readAvailable(timeout: .seconds(10)) ?? [], as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200") && head.contains("text/event-stream"), "\(head)")
        #expect(try RawTCPConnection.get(http, "/api/v1/topics", headers: ["Cookie": "newswire_session=page-token-8"]).status == 401)
        _ = try await pipeline.stop()
    }
}
