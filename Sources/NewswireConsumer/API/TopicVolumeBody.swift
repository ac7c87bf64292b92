internal import Foundation
internal import NewswireObservability

/// `GET /api/v1/topics/volume`: articles per topic per hour or day (UTC, by
/// stored time), for charts. Each topic lists only the buckets that have articles.
struct TopicVolumeBody: Encodable {
    /// The length of a bucket.
    enum Bucket: String, Encodable {
        case hour, day

        /// How many leading characters of a stored time (`2026-11-23 08:15:00.000`) name its bucket.
        var prefixLength: Int { self == .hour ? 13 : 10 }
        var seconds: TimeInterval { self == .hour ? 3600 : 86_400 }

        /// The bucket's start as ISO 8601: `2026-11-23 08` → `2026-11-23T08:00:00Z`.
        func start(_ prefix: String) -> String {
            self == .hour ? prefix.replacingOccurrences(of: " ", with: "T") + ":00:00Z" : prefix + "T00:00:00Z"
        }

        /// The start of the bucket holding `date`.
        func floor(_ date: Date) -> Date {
            Date(timeIntervalSince1970: (date.timeIntervalSince1970 / seconds).rounded(.down) * seconds)
        }
    }

    struct Count: Encodable, Equatable {
        /// The bucket's start, ISO 8601 UTC.
        var start: String
        var articles: Int
    }

    struct Topic: Encodable {
        var id: String
        var label: String
        /// Articles in all the buckets listed.
        var articles: Int
        var buckets: [Count]
    }

    var bucket: Bucket
    var since: String?
    var until: String?
    var topics: [Topic]

    static let parameterNames: Set<String> = ["bucket", "topic", "since", "until"]

    /// Reads the request's parameters and counts.
    static func answer(_ request: HTTPRouteRequest, store: any ArticleBrowsing, labels: [(id: String, label: String)]) async throws -> TopicVolumeBody {
        try ArticleAPI.allowOnly(parameterNames, in: request)
        var values: [String: String] = [:]
        for (name, value) in request.query where name != "topic" {
            guard values[name] == nil else { throw ArticleQueryError(parameter: name, reason: "given more than once") }
            values[name] = value
        }
        let text = values["bucket"] ?? "hour"
        guard let bucket = Bucket(rawValue: text) else {
            throw ArticleQueryError(parameter: "bucket", reason: "must be hour or day, got '\(text.prefix(40))'")
        }
        let chosen = request.values("topic")
        if let empty = chosen.first(where: \.isEmpty) {
            throw ArticleQueryError(parameter: "topic", reason: "empty '\(empty)'; leave it out for every topic")
        }
        let since = try ArticleRequestParameters.date(values, "since")
        let until = try ArticleRequestParameters.date(values, "until")
        return try await count(bucket: bucket, topics: chosen, since: since, until: until, store: store, labels: labels)
    }

    /// The counts for `topics` (empty: the taxonomy's, then any other stored).
    static func count(
        bucket: Bucket, topics chosen: [String], since: Date?, until: Date?, store: any ArticleBrowsing, labels: [(id: String, label: String)]
    ) async throws -> TopicVolumeBody {
        let rows = try await store.topicVolume(prefixLength: bucket.prefixLength, topics: chosen, since: since, until: until)
        var order = chosen.isEmpty ? labels.map(\.id) : chosen
        var seen = Set(order)
        for row in rows where !seen.contains(row.topic) {
            seen.insert(row.topic)
            order.append(row.topic)
        }
        var buckets: [String: [Count]] = [:]
        for row in rows { buckets[row.topic, default: []].append(Count(start: bucket.start(row.bucket), articles: row.articles)) }
        let names = Dictionary(labels.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        let topics = order.map { id in
            let counts = buckets[id] ?? []
            return Topic(id: id, label: names[id] ?? id, articles: counts.reduce(0) { $0 + $1.articles }, buckets: counts)
        }
        return TopicVolumeBody(
            bucket: bucket, since: since.map { StoredTime($0).iso8601 }, until: until.map { StoredTime($0).iso8601 }, topics: topics)
    }
}
