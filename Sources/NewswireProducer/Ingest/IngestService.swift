public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import Foundation
internal import SwiftProtobuf

/// Serves the ingest ROUTER socket: each raw article from a scraper is parsed,
/// committed to the outbox, and only then acknowledged (or refused with a Nack).
///
/// Scrapers may use DEALER (pipelining, matched by `request_id`) or REQ sockets.
public struct IngestService: Service {
    let socket: AsyncSocket
    let intake: ArticleIntake
    let outbox: Outbox
    let monitor: OutboxMonitor
    let maximumOutboxDepth: Int
    let logger: Logger

    private let received = Counter(label: "newswire_producer_articles_received_total")
    private let accepted = Counter(label: "newswire_producer_articles_accepted_total")
    private let duplicates = Counter(label: "newswire_producer_articles_duplicate_total")
    private let latency = Metrics.Timer(label: "newswire_producer_ingest_seconds")

    public init(socket: AsyncSocket, intake: ArticleIntake, outbox: Outbox, monitor: OutboxMonitor, maximumOutboxDepth: Int, logger: Logger) {
        self.socket = socket
        self.intake = intake
        self.outbox = outbox
        self.monitor = monitor
        self.maximumOutboxDepth = maximumOutboxDepth
        self.logger = logger
    }

    public func run() async throws {
        let socket = self.socket
        await withGracefulShutdownHandler {
            for await message in socket.messages {
                await handle(message)
            }
        } onGracefulShutdown: {
            // Stop taking articles; anything not yet acked is simply retried by its scraper.
            Task { await socket.close() }
        }
        await socket.close()
        logger.info("ingest stopped")
    }

    func handle(_ message: Multipart) async {
        received.increment()
        let started = ContinuousClock.now
        defer { latency.record(duration: ContinuousClock.now - started) }
        let routed: RoutedMessage
        do {
            routed = try RoutedMessage(routerFrames: message.frames)
        } catch {
            refused(.init(reason: .malformed, message: error.message, requestID: ""), route: nil, contentType: .protobuf)
            return
        }
        let replyType = contentType(of: routed)
        let article: ArticleIntake.Accepted
        do {
            article = try intake.accept(frames: routed.frames)
        } catch {
            refused(error, route: routed.route, contentType: replyType)
            return
        }
        if monitor.currentDepth >= maximumOutboxDepth {
            refused(.init(reason: .busy, message: "the outbox holds \(monitor.currentDepth) undelivered articles (limit \(maximumOutboxDepth)); retry later", requestID: article.requestID), route: routed.route, contentType: replyType)
            return
        }
        let event = article.event
        do {
            let result = try await outbox.insert(
                articleID: event.articleID, source: event.source, url: event.url,
                title: event.article.title, event: try event.serializedBytes())
            var ack = Ack()
            ack.requestID = article.requestID
            ack.articleID = event.articleID
            switch result {
            case .accepted:
                ack.status = .accepted
                accepted.increment()
                monitor.accepted()
                logger.debug("article accepted", metadata: ["article_id": "\(event.articleID)", "source": "\(event.source)", "title": "\(event.article.title)"])
            case .duplicate:
                ack.status = .duplicate
                duplicates.increment()
                logger.info("duplicate article", metadata: ["article_id": "\(event.articleID)", "source": "\(event.source)"])
            }
            reply(route: routed.route, .ack, ack, contentType: replyType)
        } catch {
            logger.error("outbox write failed", metadata: ["article_id": "\(event.articleID)", "error": "\(error)"])
            refused(.init(reason: .internal, message: "could not store the article: \(error)", requestID: article.requestID), route: routed.route, contentType: replyType)
        }
    }

    /// Replies in the content type the scraper used, so a JSON scraper gets JSON.
    private func contentType(of routed: RoutedMessage) -> ContentType {
        ContentType(replyingTo: routed.frames)
    }

    private func refused(_ refusal: ArticleIntake.Refusal, route: [[UInt8]]?, contentType: ContentType) {
        Counter(label: "newswire_producer_articles_rejected_total", dimensions: [("reason", refusal.reason.label)]).increment()
        logger.warning("article refused", metadata: ["reason": "\(refusal.reason.label)", "detail": "\(refusal.message)", "request_id": "\(refusal.requestID)"])
        guard let route else { return }
        var nack = Nack()
        nack.requestID = refusal.requestID
        nack.reason = refusal.reason
        nack.message = refusal.message
        reply(route: route, .nack, nack, contentType: contentType)
    }

    private func reply(route: [[UInt8]], _ type: MessageType, _ message: some SwiftProtobuf.Message, contentType: ContentType = .protobuf) {
        do {
            try socket.send(Multipart(RoutedMessage.reply(route: route, try WireMessage(type, message, contentType: contentType))))
        } catch {
            logger.warning("could not send reply", metadata: ["error": "\(error)"])
        }
    }
}
