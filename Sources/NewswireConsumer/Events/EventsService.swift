public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import Foundation
internal import SwiftProtobuf

/// Serves the events ROUTER socket: each article event from a producer is
/// classified, stored with its topics in one transaction, acknowledged, and
/// then published on the topic streams.
///
/// Exactly once in the store: a redelivered event (same article id) stores
/// nothing and is acknowledged again as a duplicate.
public struct EventsService: Service {
    let socket: AsyncSocket
    let store: ArticleStore
    let classifier: ArticleClassifier
    let publisher: TopicPublisher
    let consumerID: String
    let maximumEventBytes: Int
    let logger: Logger

    private let received = Counter(label: "newswire_consumer_events_received_total")
    private let stored = Counter(label: "newswire_consumer_articles_stored_total")
    private let duplicates = Counter(label: "newswire_consumer_articles_duplicate_total")
    private let latency = Metrics.Timer(label: "newswire_consumer_processing_seconds")

    public init(socket: AsyncSocket, store: ArticleStore, classifier: ArticleClassifier, publisher: TopicPublisher, consumerID: String, maximumEventBytes: Int, logger: Logger) {
        self.socket = socket
        self.store = store
        self.classifier = classifier
        self.publisher = publisher
        self.consumerID = consumerID
        self.maximumEventBytes = maximumEventBytes
        self.logger = logger
    }

    public func run() async throws {
        let socket = self.socket
        let publisher = self.publisher
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await publisher.watchSubscriptions() }
                for await message in socket.messages {
                    await handle(message)
                }
                await publisher.close()
            }
        } onGracefulShutdown: {
            // Finish the event in hand, then stop; unacked events are redelivered by the producer.
            Task { await socket.close() }
        }
        await socket.close()
        await publisher.close()
        logger.info("events stopped")
    }

    func handle(_ message: Multipart) async {
        received.increment()
        let started = ContinuousClock.now
        defer { latency.record(duration: ContinuousClock.now - started) }
        let routed: RoutedMessage
        let event: ArticleEvent
        do {
            routed = try RoutedMessage(routerFrames: message.frames)
        } catch {
            rejected(reason: .malformed, error.message, route: nil, articleID: "")
            return
        }
        do {
            let wire = try WireMessage(frames: routed.frames, maximumBytes: maximumEventBytes)
            event = try wire.decode(ArticleEvent.self, expecting: .articleEvent)
        } catch {
            rejected(reason: error.nackReason, error.message, route: routed.route, articleID: "")
            return
        }
        guard !event.articleID.isEmpty, !event.article.title.isEmpty || !event.article.paragraphs.isEmpty else {
            rejected(reason: .invalidArticle, "event has no article_id or no article text", route: routed.route, articleID: event.articleID)
            return
        }
        let classifications = classifier.classify(event)
        var ack = Ack()
        ack.articleID = event.articleID
        do {
            switch try await store.store(event, classifications: classifications, consumerID: consumerID) {
            case .stored(let messages):
                ack.status = .accepted
                stored.increment()
                for classification in classifications {
                    Counter(label: "newswire_consumer_articles_classified_total", dimensions: [("topic", classification.topicID)]).increment()
                }
                send(route: routed.route, .ack, ack)
                publisher.publish(messages)
                logger.info("article stored", metadata: [
                    "article_id": "\(event.articleID)", "source": "\(event.source)",
                    "topics": "\(classifications.map(\.topicID).joined(separator: ","))",
                ])
            case .duplicate:
                ack.status = .duplicate
                duplicates.increment()
                send(route: routed.route, .ack, ack)
                logger.debug("redelivered article acknowledged again", metadata: ["article_id": "\(event.articleID)"])
            }
        } catch {
            // Not acked: the producer sends it again later.
            logger.error("could not store article", metadata: ["article_id": "\(event.articleID)", "error": "\(error)"])
            rejected(reason: .internal, "could not store: \(error)", route: routed.route, articleID: event.articleID)
        }
    }

    private func rejected(reason: Nack.Reason, _ detail: String, route: [[UInt8]]?, articleID: String) {
        Counter(label: "newswire_consumer_events_rejected_total", dimensions: [("reason", reason.label)]).increment()
        logger.warning("event refused", metadata: ["reason": "\(reason.label)", "detail": "\(detail)", "article_id": "\(articleID)"])
        guard let route else { return }
        var nack = Nack()
        nack.articleID = articleID
        nack.reason = reason
        nack.message = detail
        send(route: route, .nack, nack)
    }

    private func send(route: [[UInt8]], _ type: MessageType, _ message: some SwiftProtobuf.Message) {
        do {
            try socket.send(Multipart(RoutedMessage.reply(route: route, try WireMessage(type, message))))
        } catch {
            logger.warning("could not send reply", metadata: ["error": "\(error)"])
        }
    }
}
