/// The frame every page of the consumer's web face shares: the document head
/// (local stylesheet and script only), a skip link, the header with the
/// search form, and the main content.
struct HTMLPage {
    var title: String
    /// HTML for inside `<main>`.
    var content: String
    /// The search box's current text.
    var query: String = ""

    /// Escapes text for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        ArticleListBody.escapeHTML(text)
    }

    /// The page as a UTF-8 HTML document.
    var bytes: [UInt8] {
        Array("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title)) · Newswire</title>
            <link rel="stylesheet" href="/assets/style.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="/">Newswire</a>
            <form class="search" action="/search" method="get" role="search">
            <label for="q" class="visually-hidden">Search articles</label>
            <input id="q" name="q" type="search" value="\(Self.escape(query))" placeholder="Search: kerry lavrov, &quot;peace talks&quot;" accesskey="s">
            <button type="submit">Search</button>
            </form>
            </header>
            <main id="main" tabindex="-1">
            \(content)
            </main>
            <footer class="bottom"><a href="/openapi.json">API</a> · <a href="/api/v1/topics">topics JSON</a> · <a href="/metrics">metrics</a></footer>
            </body>
            </html>

            """.utf8)
    }
}
