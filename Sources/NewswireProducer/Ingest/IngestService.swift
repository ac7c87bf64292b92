public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import NewswireObservability
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
    /// Where committed events go to delivery in memory.
    let handoff: DeliveryHandoff
    let maximumOutboxDepth: Int
    let logger: Logger
    /// A flood of bad articles is counted in full but logged in bursts.
    private let refusalLog = LogThrottle()

    private let received = Counter(label: "newswire_producer_articles_received_total")
    private let accepted = Counter(label: "newswire_producer_articles_accepted_total")
    private let duplicates = Counter(label: "newswire_producer_articles_duplicate_total")
    private let latency = Metrics.Timer(label: "newswire_producer_ingest_seconds")
    /// Committed batches the in-memory handoff had no room for (delivery reads them from the outbox).
    private let handoffOverflows = Counter(label: "newswire_producer_handoff_overflows_total")
    private let progress: ThroughputLog

    public init(
        socket: AsyncSocket, intake: ArticleIntake, outbox: Outbox, monitor: OutboxMonitor, handoff: DeliveryHandoff, maximumOutboxDepth: Int,
        logger: Logger
    ) {
        self.socket = socket
        self.intake = intake
        self.outbox = outbox
        self.monitor = monitor
        self.handoff = handoff
        self.maximumOutboxDepth = maximumOutboxDepth
        self.logger = logger
        self.progress = ThroughputLog(what: "accepted", logger: logger)
    }

    public func run() async throws {
        let socket = self.socket
        await withGracefulShutdownHandler {
            // Two stages, overlapped: batch n+1 is parsed while batch n commits
            // (the outbox write runs on the database's own thread). At most one
            // commit is in flight, so parsing never runs more than a batch ahead.
            var committing: Task<Void, Never>?
            for await batch in socket.batches {
                let started = ContinuousClock.now
                received.increment(by: batch.count)
                let requests = await decode(batch)
                await committing?.value
                committing = Task { await commit(requests, started: started) }
            }
            await committing?.value
        } onGracefulShutdown: {
            // Stop taking articles; anything not yet acked is simply retried by its scraper.
            Task { await socket.close() }
        }
        await socket.close()
        logger.info("ingest stopped")
    }

    /// One ingest message on its way through: where to reply, and either the
    /// article to store or why it was refused.
    private struct Request: Sendable {
        var route: [[UInt8]]?
        var replyType: ContentType = .protobuf
        var outcome: Result<ArticleIntake.Accepted, ArticleIntake.Refusal>
    }

    /// Stores the accepted articles of a parsed batch in one outbox
    /// transaction, then answers each scraper. No ack leaves before its article
    /// is committed. Runs one batch at a time, so the outbox depth it admits
    /// against is exact.
    private func commit(_ requests: [Request], started: ContinuousClock.Instant) async {
        var requests = requests
        admit(&requests)

        var entries: [OutboxEntry] = []
        var stored: [Int] = []  // indices into `requests`, in the order of `entries`
        for (index, request) in requests.enumerated() {
            guard case .success(let article) = request.outcome else { continue }
            let event = article.event
            entries.append(OutboxEntry(
                articleID: event.articleID, source: event.source, url: event.url,
                title: event.article.title, event: article.eventBytes))
            stored.append(index)
        }

        var replies: [Multipart] = []
        replies.reserveCapacity(requests.count)
        do {
            let results = try await outbox.store(entries)
            // Committed: hand the new events to delivery (before the wake below).
            var handed: [DeliveryHandoff.Event] = []
            handed.reserveCapacity(entries.count)
            for (entry, seq) in zip(entries, results) {
                if let seq { handed.append(.init(seq: seq, articleID: entry.articleID, bytes: entry.event)) }
            }
            if handoff.offer(handed) < handed.count { handoffOverflows.increment() }
            var acceptedCount = 0
            for (position, index) in stored.enumerated() {
                guard case .success(let article) = requests[index].outcome else { continue }
                let event = article.event
                var ack = Ack()
                ack.requestID = article.requestID
                ack.articleID = event.articleID
                switch results[position] {
                case .some:
                    ack.status = .accepted
                    acceptedCount += 1
                    logger.debug("article accepted", metadata: ["article_id": "\(event.articleID)", "source": "\(event.source)", "title": "\(event.article.title)"])
                case nil:
                    ack.status = .duplicate
                    duplicates.increment()
                    logger.info("duplicate article", metadata: ["article_id": "\(event.articleID)", "source": "\(event.source)"])
                }
                if let route = requests[index].route, let reply = reply(route: route, .ack, ack, contentType: requests[index].replyType) {
                    replies.append(reply)
                }
            }
            accepted.increment(by: acceptedCount)
            monitor.accepted(acceptedCount)
            progress.record(acceptedCount)
        } catch {
            logger.error("outbox write failed", metadata: ["articles": "\(entries.count)", "error": "\(error)"])
            for index in stored {
                guard case .success(let article) = requests[index].outcome else { continue }
                requests[index].outcome = .failure(.init(reason: .internal, message: "could not store the article: \(error)", requestID: article.requestID))
            }
        }
        for request in requests {
            guard case .failure(let refusal) = request.outcome else { continue }
            if let reply = refused(refusal, route: request.route, contentType: request.replyType) {
                replies.append(reply)
            }
        }
        send(replies)
        let perMessage = (ContinuousClock.now - started) / max(requests.count, 1)
        for _ in requests { latency.record(duration: perMessage) }
    }

    /// Decodes and parses each message; in parallel chunks when the batch is
    /// large enough to pay for it. The result keeps the batch's order.
    private func decode(_ batch: [Multipart]) async -> [Request] {
        let intake = self.intake
        let chunks = batch.count >= 8 ? min(ProcessInfo.processInfo.activeProcessorCount, 4) : 1
        guard chunks > 1 else { return batch.map { Self.decode($0, intake: intake) } }
        let chunkSize = (batch.count + chunks - 1) / chunks
        return await withTaskGroup(of: (Int, [Request]).self) { group in
            for start in stride(from: 0, to: batch.count, by: chunkSize) {
                let slice = Array(batch[start..<min(start + chunkSize, batch.count)])
                group.addTask { (start, slice.map { Self.decode($0, intake: intake) }) }
            }
            var parts: [(Int, [Request])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private static func decode(_ message: Multipart, intake: ArticleIntake) -> Request {
        let routed: RoutedMessage
        do {
            routed = try RoutedMessage(routerFrames: message.frames)
        } catch {
            return Request(route: nil, outcome: .failure(.init(reason: .malformed, message: error.message, requestID: "")))
        }
        let replyType = ContentType(replyingTo: routed.frames)
        do {
            return Request(route: routed.route, replyType: replyType, outcome: .success(try intake.accept(frames: routed.frames)))
        } catch {
            return Request(route: routed.route, replyType: replyType, outcome: .failure(error))
        }
    }

    /// Refuses, as busy, the accepted articles the outbox has no room for.
    private func admit(_ requests: inout [Request]) {
        var room = maximumOutboxDepth - monitor.currentDepth
        for index in requests.indices {
            guard case .success(let article) = requests[index].outcome else { continue }
            if room > 0 {
                room -= 1
                continue
            }
            requests[index].outcome = .failure(.init(
                reason: .busy,
                message: "the outbox holds \(monitor.currentDepth) undelivered articles (limit \(maximumOutboxDepth)); retry later",
                requestID: article.requestID))
        }
    }

    /// Counts and logs a refusal; returns the Nack to send, if there is a route.
    private func refused(_ refusal: ArticleIntake.Refusal, route: [[UInt8]]?, contentType: ContentType) -> Multipart? {
        Counter(label: "newswire_producer_articles_rejected_total", dimensions: [("reason", refusal.reason.label)]).increment()
        refusalLog.log(logger, "article refused", metadata: ["reason": "\(refusal.reason.label)", "detail": "\(refusal.message)", "request_id": "\(refusal.requestID)"])
        guard let route else { return nil }
        var nack = Nack()
        nack.requestID = refusal.requestID
        nack.reason = refusal.reason
        nack.message = refusal.message
        return reply(route: route, .nack, nack, contentType: contentType)
    }

    /// A reply in the content type the scraper used, so a JSON scraper gets JSON.
    private func reply(route: [[UInt8]], _ type: MessageType, _ message: some SwiftProtobuf.Message, contentType: ContentType) -> Multipart? {
        do {
            return Multipart(RoutedMessage.reply(route: route, try WireMessage(type, message, contentType: contentType)))
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
