public import NewswireObservability
internal import Foundation
internal import NewsClassification

/// The consumer's read-only HTTP API, served by the metrics endpoint
/// (``MetricsService/Routes``) on the same port:
///
/// - `GET /api/v1/topics`: the taxonomy's topics with their article counts;
/// - `GET /api/v1/articles`: pages of articles, newest first or by relevance
///   to `q` (FTS5), with an opaque cursor;
/// - `GET /api/v1/articles/{id}`: one whole article;
/// - `GET /api/v1/topics/volume`: articles per topic per hour or day;
/// - `GET /api/v1/stream`: live topic messages as server-sent events (``EventStreamSession``);
/// - `GET /openapi.json`: the OpenAPI document (`proto-docs/openapi.json`).
///
/// Every error is JSON, `{"error": {"status", "message"}}`: 400 names the
/// parameter and what is wrong with it, 404 an unknown id or path, 501 a
/// query the store does not offer (pages, search, detail and volume are
/// SQLite's only for now; topics with counts and the stream work on any store).
public struct ArticleAPI: Sendable {
    let store: any ConsumerStore
    let classifier: ArticleClassifier
    let hub: EventStreamHub
    let consumerID: String

    public init(store: any ConsumerStore, classifier: ArticleClassifier, hub: EventStreamHub, consumerID: String) {
        self.store = store
        self.classifier = classifier
        self.hub = hub
        self.consumerID = consumerID
    }

    /// The routes to hand to ``MetricsService``.
    public var routes: MetricsService.Routes {
        { request in await respond(to: request) }
    }

    /// The answer to `request`, or nil when the path is not the API's.
    public func respond(to request: HTTPRouteRequest) async -> HTTPRouteResponse? {
        let path = request.path
        do {
            switch path {
            case "/openapi.json":
                return HTTPRouteResponse(status: 200, contentType: "application/json", body: Array(OpenAPIDocument.json.utf8))
            case "/api/v1/topics":
                try Self.allowOnly([], in: request)
                return try Self.json(await topics())
            case "/api/v1/topics/volume":
                return try Self.json(await TopicVolumeBody.answer(request, store: try browsing(), labels: topicLabels))
            case "/api/v1/stream":
                let (topics, after) = try StreamRequestParameters.parse(request)
                let session = EventStreamSession(store: store, hub: hub, consumerID: consumerID, topics: topics, after: after)
                return HTTPRouteResponse(
                    status: 200, contentType: "text/event-stream; charset=utf-8",
                    headers: [("Cache-Control", "no-cache"), ("X-Accel-Buffering", "no")], stream: session.body)
            case "/api/v1/articles":
                let query = try ArticleRequestParameters.query(from: request)
                let page = try await browsing().articlePage(query)
                return try Self.json(ArticleListBody(page))
            case _ where path.hasPrefix("/api/v1/articles/"):
                try Self.allowOnly([], in: request)
                let id = String(path.dropFirst("/api/v1/articles/".count))
                guard !id.isEmpty, !id.contains("/"), let article = try await browsing().articleDetail(id: id) else {
                    return Self.error(404, "no article with id '\(id)'")
                }
                return try Self.json(article)
            case _ where !path.hasPrefix("/api/"):
                return try await WebPages(api: self).respond(to: request)
            case _ where path.hasPrefix("/api/"):
                return Self.error(404, "no such endpoint: \(path); the API has /api/v1/topics, /api/v1/topics/volume, /api/v1/articles, /api/v1/articles/{id} and /api/v1/stream (see /openapi.json)")
            default:
                return nil
            }
        } catch let error as ArticleQueryError {
            return Self.error(400, error.description)
        } catch let error as BrowsingUnavailable {
            return Self.error(501, "\(path): \(error)")
        } catch {
            return Self.error(500, "\(path): \(error)")
        }
    }

    /// The taxonomy in use with counts; topics that only older articles carry are listed after it.
    func topics() async throws -> TopicListBody {
        let taxonomy = classifier.taxonomy
        let counts: (total: Int, perTopic: [String: Int])
        if let browsing = store.browsing {
            counts = try await browsing.articleCounts()
        } else {
            let stored = try await store.topicCounts()
            counts = (stored.total, Dictionary(stored.perTopic.map { ($0.topic, $0.count) }, uniquingKeysWith: +))
        }
        var topics = taxonomy.topics.map {
            TopicListBody.Topic(id: $0.id, label: $0.label, description: $0.description, threshold: $0.threshold, articles: counts.perTopic[$0.id] ?? 0, inTaxonomy: true)
        }
        let known = Set(topics.map(\.id))
        for (id, count) in counts.perTopic.sorted(by: { $0.key < $1.key }) where !known.contains(id) {
            topics.append(.init(id: id, label: id, description: "", threshold: nil, articles: count, inTaxonomy: false))
        }
        return TopicListBody(taxonomy: .init(name: taxonomy.name, version: taxonomy.version), articles: counts.total, topics: topics)
    }

    /// The store's read queries, or ``BrowsingUnavailable`` (a 501) where it has none.
    func browsing() throws(BrowsingUnavailable) -> any ArticleBrowsing {
        guard let browsing = store.browsing else { throw BrowsingUnavailable(location: store.location) }
        return browsing
    }

    /// The taxonomy's topic ids and labels, in its order.
    var topicLabels: [(id: String, label: String)] {
        classifier.taxonomy.topics.map { (id: $0.id, label: $0.label) }
    }

    static func allowOnly(_ names: Set<String>, in request: HTTPRouteRequest) throws(ArticleQueryError) {
        if let unknown = request.query.first(where: { !names.contains($0.name) }) {
            throw ArticleQueryError(parameter: unknown.name, reason: "unknown parameter here")
        }
    }

    static func json(_ value: some Encodable) throws -> HTTPRouteResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return HTTPRouteResponse(status: 200, contentType: "application/json", body: Array(try encoder.encode(value)) + [10])
    }

    static func error(_ status: Int, _ message: String) -> HTTPRouteResponse {
        let body = ErrorBody(error: .init(status: status, message: message))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        return HTTPRouteResponse(status: status, contentType: "application/json", body: Array(data) + [10])
    }
}
