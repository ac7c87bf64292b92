public import NewsModels
internal import Foundation
internal import PostgresNIO
internal import NIOCore
internal import SwiftProtobuf

extension PostgresArticleStore {
    public func deadLetters(limit: Int) async throws -> [DeadLetter] {
        try await perform("list dead letters") { [client, logger] in
            let rows = try await client.query("""
                SELECT article_id, source, title, reason, attempts,
                    (extract(epoch FROM first_failed_at) * 1000)::bigint, (extract(epoch FROM last_failed_at) * 1000)::bigint
                FROM dead_letters ORDER BY first_failed_at, article_id LIMIT \(Int64(min(limit, Int(Int64.max))))
                """, logger: logger)
            var letters: [DeadLetter] = []
            for try await (id, source, title, reason, attempts, first, last) in rows.decode((String, String, String, String, Int, Int64, Int64).self) {
                letters.append(DeadLetter(
                    articleID: id, source: source, title: title, reason: reason, attempts: attempts,
                    firstFailedAt: Date(timeIntervalSince1970: Double(first) / 1000), lastFailedAt: Date(timeIntervalSince1970: Double(last) / 1000)))
            }
            return letters
        }
    }

    public func deadLetterCount() async throws -> Int {
        try await perform("count dead letters") { [client, logger] in
            var count = 0
            for try await (value) in try await client.query("SELECT COUNT(*) FROM dead_letters", logger: logger).decode(Int.self) { count = value }
            return count
        }
    }

    public func deadLetterEvent(_ articleID: String) async throws -> ArticleEvent? {
        let bytes: [UInt8]? = try await perform("read dead letter \(articleID)") { [client, logger] in
            var bytes: [UInt8]?
            for try await (event) in try await client.query(
                "SELECT event FROM dead_letters WHERE article_id = \(articleID)", logger: logger
            ).decode(ByteBuffer.self) {
                bytes = Array(buffer: event)
            }
            return bytes
        }
        return try bytes.map { try ArticleEvent(serializedBytes: $0) }
    }
}
