/// `GET /api/v1/topics`.
struct TopicListBody: Encodable {
    struct Taxonomy: Encodable {
        var name: String
        var version: String
    }

    struct Topic: Encodable {
        var id: String
        var label: String
        var description: String
        /// nil for a topic no longer in the taxonomy.
        var threshold: Double?
        /// Stored articles with this topic.
        var articles: Int
        var inTaxonomy: Bool
    }

    var taxonomy: Taxonomy
    /// Stored articles in all.
    var articles: Int
    var topics: [Topic]
}

/// `GET /api/v1/articles`: the page, with snippets as HTML (matched words in `<mark>`).
struct ArticleListBody: Encodable {
    var articles: [ArticleSummary]
    var nextCursor: String?

    init(_ page: ArticlePage) {
        articles = page.articles.map { article in
            var article = article
            article.snippet = article.markedSnippet(open: "<mark>", close: "</mark>", escape: ArticleListBody.escapeHTML)
            return article
        }
        nextCursor = page.nextCursor?.token
    }

    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Every error the API answers.
struct ErrorBody: Codable {
    struct Detail: Codable {
        var status: Int
        var message: String
    }

    var error: Detail
}
