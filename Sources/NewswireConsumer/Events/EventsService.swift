public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import NewswireObservability
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
    let store: any ConsumerStore
    let classifier: ArticleClassifier
    let publisher: TopicPublisher
    let consumerID: String
    let maximumEventBytes: Int
    let maximumAttempts: Int
    let logger: Logger
    /// A flood of bad events is counted in full but logged in bursts.
    private let refusalLog = LogThrottle()

    private let received = Counter(label: "newswire_consumer_events_received_total")
    private let stored = Counter(label: "newswire_consumer_articles_stored_total")
    private let duplicates = Counter(label: "newswire_consumer_articles_duplicate_total")
    private let latency = Metrics.Timer(label: "newswire_consumer_processing_seconds")
    private let deadLettered = Counter(label: "newswire_consumer_events_dead_lettered_total")
    private let classified = TopicCounters(label: "newswire_consumer_articles_classified_total")
    private let progress: ThroughputLog

    public init(socket: AsyncSocket, store: any ConsumerStore, classifier: ArticleClassifier, publisher: TopicPublisher, consumerID: String, maximumEventBytes: Int, maximumAttempts: Int = 5, logger: Logger) {
        self.socket = socket
        self.store = store
        self.classifier = classifier
        self.publisher = publisher
        self.consumerID = consumerID
        self.maximumEventBytes = maximumEventBytes
        self.maximumAttempts = maximumAttempts
        self.logger = logger
        self.progress = ThroughputLog(what: "stored", logger: logger)
    }

    public func run() async throws {
        let socket = self.socket
        let publisher = self.publisher
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await publisher.watchSubscriptions() }
                // Two stages, overlapped: batch n+1 is classified while batch n
                // commits (the write runs on the database's own thread). At most
                // one store is in flight, so stream order follows store order.
                var storing: Task<Void, Never>?
                for await batch in socket.batches {
                    let started = ContinuousClock.now
                    received.increment(by: batch.count)
                    var refusals: [Multipart] = []
                    let deliveries = classify(batch, refusals: &refusals)
                    await storing?.value
                    storing = Task { [refusals] in await store(deliveries, refusals: refusals, events: batch.count, started: started) }
                }
                await storing?.value
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

    /// One received event on its way through: where to reply, and the article
    /// with its topics, or why it was refused.
    private struct Delivery: Sendable {
        var route: [[UInt8]]
        var article: ClassifiedArticle
    }

    /// Stores the classified events of one batch in one transaction, then
    /// acks each (after `refusals`, the Nacks classification already made) and
    /// publishes the topic messages. No ack leaves before its article is committed.
    private func store(_ deliveries: [Delivery], refusals: [Multipart], events: Int, started: ContinuousClock.Instant) async {
        var replies = refusals
        defer {
            let perEvent = (ContinuousClock.now - started) / max(events, 1)
            for _ in 0..<events { latency.record(duration: perEvent) }
        }
        guard !deliveries.isEmpty else {
            send(replies)
            return
        }
        let results: [StoreOutcome]
        do {
            results = try await store.store(deliveries.map(\.article), consumerID: consumerID, at: Date()).map(StoreOutcome.init)
        } catch where store.isCausedByEvent(error) {
            // One bad event must not hold back the others: store them one by one.
            logger.warning("batch store failed; storing one by one", metadata: ["articles": "\(deliveries.count)", "error": "\(error)"])
            results = await storeOneByOne(deliveries)
        } catch {
            // The database itself failed (locked, read-only, full): all are refused and redelivered later.
            logger.error("could not store articles", metadata: ["articles": "\(deliveries.count)", "error": "\(error)"])
            results = deliveries.map { _ in .failed(error) }
        }
        var published: [TopicMessage] = []
        var articleBytes: [String: [UInt8]] = [:]
        var storedCount = 0
        for (delivery, outcome) in zip(deliveries, results) {
            let event = delivery.article.event
            var ack = Ack()
            ack.articleID = event.articleID
            switch outcome {
            case .deadLettered:
                ack.status = .deadLettered
            case .failed(let error):
                // Not acked: the producer sends it again later.
                if let nack = rejected(reason: .internal, "could not store: \(error)", route: delivery.route, articleID: event.articleID) {
                    replies.append(nack)
                }
                continue
            case .stored(let messages):
                ack.status = .accepted
                storedCount += 1
                for classification in delivery.article.classifications {
                    classified[classification.topicID].increment()
                }
                published += messages
                articleBytes[event.articleID] = delivery.article.eventBytes
                logger.debug("article stored", metadata: [
                    "article_id": "\(event.articleID)", "source": "\(event.source)",
                    "topics": "\(delivery.article.classifications.map(\.topicID).joined(separator: ","))",
                ])
            case .duplicate:
                ack.status = .duplicate
                duplicates.increment()
                logger.debug("redelivered article acknowledged again", metadata: ["article_id": "\(event.articleID)"])
            }
            if let reply = reply(route: delivery.route, .ack, ack) { replies.append(reply) }
        }
        stored.increment(by: storedCount)
        send(replies)
        // A shared store's stream is published from the store, in sequence order,
        // by every consumer (StoredStreamFollower), this one's own messages included.
        if !store.isShared { publisher.publish(published, articleBytes: articleBytes) }
        progress.record(storedCount)
    }

    /// What became of one event: stored, a redelivery, set aside, or not stored.
    private enum StoreOutcome {
        case stored([TopicMessage])
        case duplicate
        case deadLettered
        case failed(any Error)
        init(_ result: StoreResult) {
            switch result {
            case .stored(let messages): self = .stored(messages)
            case .duplicate: self = .duplicate
            }
        }
    }

    /// Stores each event in its own transaction, after a batch failed. An event
    /// that fails on its own, for a reason of its own (not the database's), and
    /// has been delivered `maximumAttempts` times goes to the dead-letter table.
    private func storeOneByOne(_ deliveries: [Delivery]) async -> [StoreOutcome] {
        var outcomes: [StoreOutcome] = []
        var databaseFailure: (any Error)?
        for delivery in deliveries {
            let article = delivery.article
            let event = article.event
            if let databaseFailure {
                // The database broke down meanwhile: no use trying the rest now.
                outcomes.append(.failed(databaseFailure))
                continue
            }
            do {
                outcomes.append(StoreOutcome(try await store.store([article], consumerID: consumerID, at: Date())[0]))
            } catch {
                let attempts = Int(max(event.deliveryAttempt, 1))
                let causedByEvent = store.isCausedByEvent(error)
                if !causedByEvent { databaseFailure = error }
                guard causedByEvent, attempts >= maximumAttempts else {
                    logger.error("could not store article", metadata: [
                        "article_id": "\(event.articleID)", "attempt": "\(attempts)", "error": "\(error)",
                    ])
                    outcomes.append(.failed(error))
                    continue
                }
                do {
                    try await store.deadLetter(article, reason: "\(error)", attempts: attempts, at: Date())
                    deadLettered.increment()
                    logger.error("article dead-lettered", metadata: [
                        "article_id": "\(event.articleID)", "source": "\(event.source)", "attempts": "\(attempts)", "reason": "\(error)",
                    ])
                    outcomes.append(.deadLettered)
                } catch {
                    outcomes.append(.failed(error))
                }
            }
        }
        return outcomes
    }

    /// Decodes and classifies each event; refusals become Nacks in `refusals`.
    private func classify(_ batch: [Multipart], refusals: inout [Multipart]) -> [Delivery] {
        var deliveries: [Delivery] = []
        deliveries.reserveCapacity(batch.count)
        for message in batch {
            let routed: RoutedMessage
            do {
                routed = try RoutedMessage(routerFrames: message.frames)
            } catch {
                _ = rejected(reason: .malformed, error.message, route: nil, articleID: "")
                continue
            }
            let event: ArticleEvent
            let wire: WireMessage
            do {
                wire = try WireMessage(frames: routed.frames, maximumBytes: maximumEventBytes)
                event = try wire.decode(ArticleEvent.self, expecting: .articleEvent)
            } catch {
                // Name the article when its bytes still decode (an event over the
                // size limit does), so the producer parks that very event.
                let articleID = Self.articleID(in: routed.frames)
                if let nack = rejected(reason: error.nackReason, error.message, route: routed.route, articleID: articleID) { refusals.append(nack) }
                continue
            }
            guard !event.articleID.isEmpty, !event.article.title.isEmpty || !event.article.paragraphs.isEmpty else {
                if let nack = rejected(reason: .invalidArticle, "event has no article_id or no article text", route: routed.route, articleID: event.articleID) {
                    refusals.append(nack)
                }
                continue
            }
            do {
                let bytes = wire.contentType == .protobuf ? wire.payload : nil
                let outcome = classifier.classifyArticle(event)
                let article = try ClassifiedArticle(
                    event: event, eventBytes: bytes, classifications: outcome.classifications,
                    classificationStatus: outcome.status, evidenceTotals: outcome.evidenceTotals)
                deliveries.append(Delivery(route: routed.route, article: article))
            } catch {
                if let nack = rejected(reason: .internal, "could not encode the event: \(error)", route: routed.route, articleID: event.articleID) {
                    refusals.append(nack)
                }
            }
        }
        return deliveries
    }

    /// The `article_id` of a refused event, when its payload decodes as an
    /// event whatever its size; empty when it does not (a Nack without an id is
    /// counted as unmatched by the producer, which cannot have sent it).
    static func articleID(in frames: some Collection<[UInt8]>) -> String {
        guard let wire = try? WireMessage(frames: frames, maximumBytes: .max),
              let event = try? wire.decode(ArticleEvent.self, expecting: .articleEvent)
        else { return "" }
        return event.articleID
    }

    /// Counts and logs a refusal; returns the Nack to send, if there is a route.
    private func rejected(reason: Nack.Reason, _ detail: String, route: [[UInt8]]?, articleID: String) -> Multipart? {
        Counter(label: "newswire_consumer_events_rejected_total", dimensions: [("reason", reason.label)]).increment()
        refusalLog.log(logger, "event refused", metadata: ["reason": "\(reason.label)", "detail": "\(detail)", "article_id": "\(articleID)"])
        guard let route else { return nil }
        var nack = Nack()
        nack.articleID = articleID
        nack.reason = reason
        nack.message = detail
        return reply(route: route, .nack, nack)
    }

    private func reply(route: [[UInt8]], _ type: MessageType, _ message: some SwiftProtobuf.Message) -> Multipart? {
        do {
            return Multipart(RoutedMessage.reply(route: route, try WireMessage(type, message)))
        } catch {
            logger.warning("could not encode reply", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func send(_ replies: [Multipart]) {
        do {
            try socket.send(replies)
        } catch {
            logger.warning("could not send replies", metadata: ["count": "\(replies.count)", "error": "\(error)"])
        }
    }
}
