public import ServiceLifecycle
public import Logging
public import ZeroMQ
internal import NewsModels
internal import Metrics
internal import Foundation
internal import SwiftProtobuf
internal import NewswireObservability

/// Serves the replay ROUTER socket: a late joiner sends a ``ReplayRequest`` and
/// gets the stored topic messages after its sequence (or since a time), one
/// message each, then a ``ReplayEnd``. Replies use the request's content type,
/// so a JSON client gets JSON.
///
/// With the live stream this is the Clone pattern: subscribe first, buffer,
/// replay, then drop live messages whose sequence the replay already covered.
public struct ReplayService: Service {
    let socket: AsyncSocket
    let store: any ConsumerStore
    let consumerID: String
    let replayLimit: Int
    let logger: Logger
    /// A flood of bad replay requests is counted in full but logged in bursts.
    private let refusalLog = LogThrottle()

    public init(socket: AsyncSocket, store: any ConsumerStore, consumerID: String, replayLimit: Int, logger: Logger) {
        self.socket = socket
        self.store = store
        self.consumerID = consumerID
        self.replayLimit = replayLimit
        self.logger = logger
    }

    public func run() async throws {
        let socket = self.socket
        await withGracefulShutdownHandler {
            for await message in socket.messages {
                await handle(message)
            }
        } onGracefulShutdown: {
            Task { await socket.close() }
        }
        await socket.close()
    }

    func handle(_ message: Multipart) async {
        guard let routed = try? RoutedMessage(routerFrames: message.frames) else {
            Counter(label: "newswire_consumer_replay_rejected_total", dimensions: [("reason", Nack.Reason.malformed.label)]).increment()
            return
        }
        var request = ReplayRequest()
        let contentType: ContentType
        do {
            let wire = try WireMessage(frames: routed.frames, maximumBytes: 1024 * 1024)
            contentType = wire.contentType
            request = try wire.decode(ReplayRequest.self, expecting: .replayRequest)
            try request.validate()
        } catch {
            Counter(label: "newswire_consumer_replay_rejected_total", dimensions: [("reason", error.nackReason.label)]).increment()
            refusalLog.log(logger, "replay request refused", metadata: ["reason": "\(error.nackReason.label)", "detail": "\(error.message)"])
            var nack = Nack()
            // The id of a request that decoded (and failed validation), or the one
            // read on its own from a request that did not decode; else empty.
            nack.requestID = error.requestID.isEmpty ? request.requestID : error.requestID
            nack.reason = error.nackReason
            nack.message = error.message
            send(route: routed.route, .nack, nack, ContentType(replyingTo: routed.frames))
            return
        }
        let limit = request.limit == 0 ? replayLimit : min(Int(request.limit), replayLimit)
        do {
            let since = request.hasSince && request.afterSequence == 0 ? request.since : nil
            let messages = try await store.storedTopicMessages(afterSequence: request.afterSequence, since: since, topics: request.topics, limit: limit, consumerID: consumerID)
            for stored in messages {
                switch contentType {
                case .protobuf:
                    // The stored event's bytes spliced in, as the live stream does: the same bytes as published.
                    send(route: routed.route, WireMessage(type: .topicMessage, contentType: .protobuf, payload: try stored.serializedBytes()))
                case .json:
                    send(route: routed.route, .topicMessage, try stored.decoded(), contentType)
                }
            }
            var end = ReplayEnd()
            end.requestID = request.requestID
            end.lastSequence = messages.last?.message.sequence ?? request.afterSequence
            end.headSequence = try await store.headSequence()
            end.count = UInt32(messages.count)
            end.truncated = messages.count == limit
            send(route: routed.route, .replayEnd, end, contentType)
            logger.info("replay served", metadata: ["after": "\(request.afterSequence)", "topics": "\(request.topics.joined(separator: ","))", "count": "\(messages.count)"])
        } catch {
            Counter(label: "newswire_consumer_replay_rejected_total", dimensions: [("reason", Nack.Reason.internal.label)]).increment()
            logger.error("replay failed", metadata: ["error": "\(error)"])
            var nack = Nack()
            nack.requestID = request.requestID
            nack.reason = .internal
            nack.message = "replay failed: \(error)"
            send(route: routed.route, .nack, nack, contentType)
        }
    }

    private func send(route: [[UInt8]], _ type: MessageType, _ message: some SwiftProtobuf.Message, _ contentType: ContentType) {
        do {
            send(route: route, try WireMessage(type, message, contentType: contentType))
        } catch {
            logger.warning("could not encode replay reply", metadata: ["error": "\(error)"])
        }
    }

    private func send(route: [[UInt8]], _ wire: WireMessage) {
        do {
            try socket.send(Multipart(RoutedMessage.reply(route: route, wire)))
        } catch {
            logger.warning("could not send replay reply", metadata: ["error": "\(error)"])
        }
    }
}
