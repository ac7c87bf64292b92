public import ZeroMQ
public import NewsModels
public import Logging
internal import Metrics
internal import NewswireObservability

/// Publishes topic messages on the consumer's XPUB socket: frames
/// `[topic id][header][type][content type][TopicMessage]`, so SUB sockets
/// subscribe by topic-id prefix.
public struct TopicPublisher: Sendable {
    let socket: AsyncSocket
    let logger: Logger
    /// The HTTP live stream's clients, who get the same messages (never waited for).
    let hub: EventStreamHub?
    /// A flood of bad subscription messages is counted in full but logged in bursts.
    private let refusalLog = LogThrottle()
    private let published = Counter(label: "newswire_consumer_topic_messages_published_total")

    public init(socket: AsyncSocket, logger: Logger, hub: EventStreamHub? = nil) {
        self.socket = socket
        self.logger = logger
        self.hub = hub
    }

    /// Publishes each message under its topic id. When `articleBytes` has the
    /// encoded article for a message's article id, those bytes are sent as its
    /// `article` instead of encoding the article again for every topic.
    public func publish(_ messages: [TopicMessage], articleBytes: [String: [UInt8]] = [:]) {
        for message in messages {
            do {
                let wire: WireMessage
                if let bytes = articleBytes[message.article.articleID] {
                    wire = WireMessage(type: .topicMessage, payload: try message.serializedBytes(articleBytes: bytes))
                } else {
                    wire = try WireMessage(.topicMessage, message)
                }
                try socket.send(Multipart([Array(message.topicID.utf8)] + wire.frames))
                published.increment()
            } catch {
                // Subscribers that miss a live message find it on replay.
                logger.warning("could not publish topic message", metadata: ["sequence": "\(message.sequence)", "error": "\(error)"])
            }
        }
        hub?.publish(messages)
    }

    /// Publishes messages read from the store, each with its article as the
    /// stored bytes (what a live message and a replayed one both carry).
    public func publish(stored messages: [StoredTopicMessage]) {
        guard !messages.isEmpty else { return }
        var decoded: [TopicMessage] = []
        decoded.reserveCapacity(messages.count)
        for stored in messages {
            do {
                let wire = WireMessage(type: .topicMessage, payload: try stored.serializedBytes())
                try socket.send(Multipart([Array(stored.message.topicID.utf8)] + wire.frames))
                published.increment()
                if hub != nil { decoded.append(try stored.decoded()) }
            } catch {
                logger.warning("could not publish topic message", metadata: ["sequence": "\(stored.message.sequence)", "error": "\(error)"])
            }
        }
        hub?.publish(decoded)
    }

    /// Reads subscription messages (XPUB passes them up) so they never pile up,
    /// logs who joins which topic, and counts anything else a peer sent.
    public func watchSubscriptions() async {
        for await message in socket.messages {
            do {
                let subscription = try SubscriptionMessage(message)
                let joined = if case .subscribe = subscription { true } else { false }
                logger.debug(joined ? "subscriber joined" : "subscriber left", metadata: ["topic": "\(subscription.topicDescription)"])
            } catch {
                Counter(label: "newswire_consumer_stream_rejected_total", dimensions: [("reason", error.nackReason.label)]).increment()
                refusalLog.log(logger, "stream message refused", metadata: ["reason": "\(error.nackReason.label)", "detail": "\(error.message)"])
            }
        }
    }

    public func close() async { await socket.close() }
}
