import NewswireClient
import NewswireTesting

extension GeneratedArticles {
    /// Each fixture article as it is plus its numbered closing paragraph (no
    /// filler): these tests push tens of thousands through debug builds. The
    /// pipeline benchmark uses the realistic 2–8 KB sizes.
    static let fixtureSized: GeneratedArticles = {
        do { return try GeneratedArticles(sizes: 0...0) } catch { fatalError("cannot read the fixture articles: \(error)") }
    }()

    /// `count` unique articles, numbered from `offset`, as items for ``ArticleFeeder``.
    static func items(_ count: Int, offset: Int = 0) -> [ArticleFeeder.Item] {
        (offset..<(offset + count)).map { index in
            ArticleFeeder.Item(name: "generated-\(index)", contentType: "text/plain") { fixtureSized.bytes(index) }
        }
    }
}
