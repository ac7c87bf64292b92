import Foundation
import NewsModels
import NewswireTesting
import SwiftProtobuf
#if canImport(Glibc)
import Glibc
#endif

/// The generated articles of one run, as the feeders send them: each a
/// `raw-article` message whose url carries the run's tag and the article's
/// index. The url travels into the `ArticleEvent` and so into every topic
/// message, where the stream watcher finds the index again without decoding
/// the whole message.
struct ArticleSource: Sendable {
    static let source = "benchmark"
    let articles: GeneratedArticles
    /// `https://bench.newswire.invalid/<tag>/`; the index follows it.
    private let marker: [UInt8]

    init(articles: GeneratedArticles, tag: String) {
        self.articles = articles
        marker = Array("https://bench.newswire.invalid/\(tag)/".utf8)
    }

    func url(_ index: Int) -> String {
        String(decoding: marker, as: UTF8.self) + String(index)
    }

    /// The four protocol frames of article `index`, protobuf-encoded.
    func frames(_ index: Int) throws -> [[UInt8]] {
        var raw = RawArticle()
        raw.source = Self.source
        raw.url = url(index)
        raw.contentType = "text/plain; charset=utf-8"
        raw.body = Data(articles.bytes(index))
        raw.requestID = String(index)
        return try WireMessage(.rawArticle, raw).frames
    }

    /// The index of the first url with this run's marker in `payload`, nil when there is none.
    func index(in payload: [UInt8]) -> Int? {
        guard let end = Self.firstOccurrence(of: marker, in: payload) else { return nil }
        var value = 0
        var offset = end
        while offset < payload.count, offset - end < 18, payload[offset] >= 0x30, payload[offset] <= 0x39 {
            value = value * 10 + Int(payload[offset] - 0x30)
            offset += 1
        }
        return offset > end ? value : nil
    }

    /// The offset just past the first occurrence of `needle` in `haystack`
    /// (memchr for its first byte, then memcmp), nil when it does not occur.
    static func firstOccurrence(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBytes { bytes -> Int? in
            needle.withUnsafeBytes { pattern -> Int? in
                guard let base = bytes.baseAddress, let start = pattern.baseAddress else { return nil }
                var offset = 0
                let last = bytes.count - pattern.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                    offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + offset, start, pattern.count) == 0 { return offset + pattern.count }
                    offset += 1
                }
                return nil
            }
        }
    }
}
