import NewswireClient
import NewswireTesting

extension GeneratedArticles {
    /// `count` unique articles, numbered from `offset`, as items for
    /// ``ArticleFeeder``: each fixture article as it is plus its numbered closing
    /// paragraph (no filler), since these tests push tens of thousands through
    /// debug builds. The pipeline benchmark uses the realistic 2–8 KB sizes.
    static func items(_ count: Int, offset: Int = 0) throws -> [ArticleFeeder.Item] {
        let articles = try GeneratedArticles(sizes: 0...0)
        return (offset..<(offset + count)).map { index in
            ArticleFeeder.Item(name: "generated-\(index)", contentType: "text/plain") { articles.bytes(index) }
        }
    }
}
