import Foundation
import NewsParsing
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time of the calling thread, so timing limits hold on a busy machine too.
func threadCPUTime() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
}

/// Big and hostile inputs finish quickly and without crashing.
@Suite("Large and hostile input")
struct LargeInputTests {
    /// A 20 MB page shaped like a bloated news site: inline scripts and JSON, a huge menu,
    /// a long article, thousands of comments and related links.
    static func generatedPage(bytes target: Int) -> [UInt8] {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<title>Council approves the long-term transport plan - Example Times</title>"
        html += "<meta property=\"og:title\" content=\"Council approves the long-term transport plan\">"
        html += "<script>var state = {\"items\": ["
        for index in 0..<40_000 { html += "{\"id\": \(index), \"html\": \"<p>item \(index)</p>\"}," }
        html += "]};</script><style>" + String(repeating: ".a{color:red} ", count: 50_000) + "</style></head><body>"
        html += "<nav class=\"mega-menu\"><ul>"
        for index in 0..<20_000 { html += "<li><a href=\"/section/\(index)\">Section \(index)</a></li>" }
        html += "</ul></nav><main><article><h1>Council approves the long-term transport plan</h1>"
        let paragraph = "<p>The council voted on Tuesday to approve the transport plan, which sets out new bus lanes, "
            + "cycle routes and tram extensions for the next twenty years, after a debate that lasted most of the day.</p>\n"
        for _ in 0..<3_000 { html += paragraph }
        html += "</article><section id=\"comments\">"
        var body = html.utf8.count
        var comment = 0
        let commentBlock = "<div class=\"comment\"><p>I have lived here for years and the buses are always late. "
            + "This plan will not fix that, in my opinion.</p><a href=\"#reply\">Reply</a></div>\n"
        var tail = ""
        while body + tail.utf8.count < target - 200_000 {
            tail += commentBlock
            comment += 1
            if tail.utf8.count > 1_000_000 {
                html += tail
                body = html.utf8.count
                tail = ""
            }
        }
        html += tail + "</section></main><aside class=\"related\"><ul>"
        while html.utf8.count < target - 100 { html += "<li><a href=\"/r\">Related story</a></li>" }
        html += "</ul></aside></body></html>"
        return Array(html.utf8)
    }

    @Test("A generated 20 MB page parses in a few seconds, even in a debug build")
    func twentyMegabytePage() throws {
        let page = LargeInputTests.generatedPage(bytes: 20 * 1024 * 1024)
        #expect(page.count >= 20 * 1024 * 1024 - 200)
        let start = threadCPUTime()
        let article = try ArticleParser().parse(page, contentType: "text/html")
        let elapsed = threadCPUTime() - start
        #expect(article.title == "Council approves the long-term transport plan")
        #expect(article.paragraphs.count == 3_000)
        #expect(!article.paragraphs.contains { $0.contains("buses are always late") || $0.contains("Section") })
        #expect(article.removedLines.count <= 100)
        #expect(elapsed < .seconds(3), "20 MB took \(elapsed) of CPU time")
    }

    @Test("Deeply nested, unclosed and junk markup")
    func hostileMarkup() throws {
        var html = String(repeating: "<div>", count: 20_000) + "<p>Deep text that is still a real sentence, with commas, and words.</p>"
        html += String(repeating: "<b><i>", count: 5_000) + String(repeating: "</span>", count: 5_000)
        html += String(repeating: "<<<>>> & &amp &#xZZ; &#99999999; ", count: 2_000)
        let article = try ArticleParser().parse(html, contentType: "text/html")
        #expect(article.paragraphs.first == "Deep text that is still a real sentence, with commas, and words.")
    }

    @Test("One enormous line of quotes and no punctuation")
    func pathologicalText() throws {
        let text = "Headline here\n\n" + String(repeating: "“word word word word ", count: 50_000)
        let start = threadCPUTime()
        let article = try ArticleParser().parse(text)
        #expect(threadCPUTime() - start < .seconds(3))
        #expect(article.paragraphs.count == 1)
        #expect(article.truncated)
    }
}
