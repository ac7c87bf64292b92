internal import Foundation
internal import NewswireObservability

/// Reads `GET /api/v1/articles`'s query parameters into an ``ArticleQuery``,
/// naming the parameter and the reason for anything it cannot take.
enum ArticleRequestParameters {
    static let names: Set<String> = ["topic", "source", "since", "until", "q", "cursor", "limit", "order"]

    static func query(from request: HTTPRouteRequest) throws(ArticleQueryError) -> ArticleQuery {
        try ArticleAPI.allowOnly(names, in: request)
        var values: [String: String] = [:]
        for (name, value) in request.query {
            guard values[name] == nil else { throw ArticleQueryError(parameter: name, reason: "given more than once") }
            values[name] = value
        }
        var limit = 20
        if let text = values["limit"] {
            guard let number = Int(text), (1...ArticleQuery.maximumLimit).contains(number) else {
                throw ArticleQueryError(parameter: "limit", reason: "must be a whole number from 1 to \(ArticleQuery.maximumLimit), got '\(text)'")
            }
            limit = number
        }
        var order: ArticleQuery.Order?
        if let text = values["order"] {
            guard let value = ArticleQuery.Order(rawValue: text) else {
                throw ArticleQueryError(parameter: "order", reason: "must be newest or relevance, got '\(text)'")
            }
            order = value
        }
        let cursor = try values["cursor"].map { token throws(ArticleQueryError) in try PageCursor(token: token) }
        let text = values["q"]
        if let text, text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArticleQueryError(parameter: "q", reason: "empty search; leave q out to list everything")
        }
        return ArticleQuery(
            topic: try nonEmpty(values, "topic"), source: try nonEmpty(values, "source"),
            since: try date(values, "since"), until: try date(values, "until"),
            text: text, order: order, cursor: cursor, limit: limit)
    }

    private static func nonEmpty(_ values: [String: String], _ name: String) throws(ArticleQueryError) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw ArticleQueryError(parameter: name, reason: "empty; leave it out to match any") }
        return value
    }

    /// ISO 8601: `2026-11-23T08:00:00Z`, with fractional seconds or an offset, or a date `2026-11-23` (midnight UTC).
    static func date(_ values: [String: String], _ name: String) throws(ArticleQueryError) -> Date? {
        guard let text = values[name] else { return nil }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        throw ArticleQueryError(parameter: name, reason: "'\(text)' is not an ISO 8601 time such as 2026-11-23T08:00:00Z or 2026-11-23")
    }
}
