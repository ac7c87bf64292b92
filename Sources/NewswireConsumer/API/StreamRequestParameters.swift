internal import Foundation
internal import NewswireObservability

/// Reads `GET /api/v1/stream`'s parameters: `topic` (repeatable; none for all
/// topics) and where to resume, the `Last-Event-ID` header (what a browser's
/// EventSource sends when it reconnects) or else `after`.
enum StreamRequestParameters {
    static let names: Set<String> = ["topic", "after"]
    /// Topics one stream may follow.
    static let maximumTopics = 64

    static func parse(_ request: HTTPRouteRequest) throws(ArticleQueryError) -> (topics: Set<String>?, after: UInt64?) {
        try ArticleAPI.allowOnly(names, in: request)
        var topics = Set<String>()
        for topic in request.values("topic") {
            guard !topic.isEmpty, topic.utf8.count <= 200 else {
                throw ArticleQueryError(parameter: "topic", reason: "must be a topic id of 1 to 200 bytes, got '\(topic.prefix(40))'")
            }
            topics.insert(topic)
        }
        guard topics.count <= maximumTopics else {
            throw ArticleQueryError(parameter: "topic", reason: "at most \(maximumTopics) topics, got \(topics.count); leave topic out to follow all")
        }
        let afters = request.values("after")
        guard afters.count <= 1 else { throw ArticleQueryError(parameter: "after", reason: "given more than once") }
        // The header wins: a reconnecting EventSource sends it with the URL it first opened, `after` included.
        var after: UInt64?
        if let header = request.header("Last-Event-ID"), !header.isEmpty {
            after = try sequence(header, parameter: "Last-Event-ID")
        } else if let text = afters.first {
            after = try sequence(text, parameter: "after")
        }
        return (topics.isEmpty ? nil : topics, after)
    }

    private static func sequence(_ text: String, parameter: String) throws(ArticleQueryError) -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw ArticleQueryError(parameter: parameter, reason: "must be an event id (a sequence number, 0 for all stored), got '\(text.prefix(40))'")
        }
        return value
    }
}
