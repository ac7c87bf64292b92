public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import ZeroMQ
internal import NewswireSecurity

/// `newswire tail`: follows topic streams, optionally from a past sequence.
///
/// The Clone pattern: subscribe to the live stream first (and keep what
/// arrives), replay history after `--since` from the replay socket, then print
/// live messages, skipping those the replay already covered. A jump in a
/// topic's `topicSequence` is a gap; it is filled from the replay socket.
public struct TailCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print topic stream messages as they are published, optionally replaying from a sequence first.")

    @Option(help: "Consumer topic stream endpoint (XPUB). (env: NEWSWIRE_STREAM)")
    var stream: String = EnvironmentDefault.string("NEWSWIRE_STREAM", DefaultEndpoints.stream)

    @Option(help: "Consumer replay endpoint (ROUTER). (env: NEWSWIRE_REPLAY)")
    var replay: String = EnvironmentDefault.string("NEWSWIRE_REPLAY", DefaultEndpoints.replay)

    @Option(name: .customLong("topic"), help: "Topic id to follow; repeat for several (default: all).")
    var topics: [String] = []

    @Option(help: "Replay stored messages with a sequence greater than N before going live.")
    var since: UInt64?

    @Option(help: "Exit after printing this many messages.")
    var count: Int?

    @Option(help: "Exit when no message arrives for this many seconds.")
    var idleTimeout: Int?

    @OptionGroup var curve: CurveClientOptions

    @Flag(help: "One JSON object per line: {sequence, topicSequence, topic, articleId, title, source, score}.")
    var json = false

    public init() {}

    struct Line: Encodable {
        var sequence: UInt64
        var topicSequence: UInt64
        var topic: String
        var articleId: String
        var title: String
        var source: String
        var score: Double
        var replayed: Bool
    }

    public func run() throws {
        let context = try Context()
        let subscriber = try Socket(context: context, type: .sub)
        let requester = try Socket(context: context, type: .dealer)
        defer {
            subscriber.close()
            requester.close()
        }
        let credentials = try curve.credentials()
        try credentials?.apply(to: subscriber)
        try credentials?.apply(to: requester)
        // A handshake refused (CURVE) leaves the DEALER no peer to send to: fail instead of blocking.
        try requester.setSendTimeout(.seconds(10))
        if topics.isEmpty { try subscriber.subscribe() } else { for topic in topics { try subscriber.subscribe(topic) } }
        try subscriber.connect(stream)
        try requester.connect(replay)

        var printed = 0
        var lastSequence: UInt64 = 0
        var lastTopicSequence: [String: UInt64] = [:]

        func emit(_ message: TopicMessage, replayed: Bool) throws -> Bool {
            guard message.sequence > lastSequence || replayed else { return true }
            if message.sequence <= lastSequence { return true }
            lastSequence = message.sequence
            lastTopicSequence[message.topicID] = message.topicSequence
            let line = Line(sequence: message.sequence, topicSequence: message.topicSequence, topic: message.topicID, articleId: message.article.articleID,
                            title: message.article.article.title, source: message.article.source, score: message.classification.score, replayed: replayed)
            let text = json ? try ArticleInput.json(line) : "\(line.sequence)\t\(line.topic)#\(line.topicSequence)\t\(String(format: "%.2f", line.score))\t\(line.title)"
            // Unbuffered, so a pipe sees each message as it comes.
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
            printed += 1
            return count.map { printed < $0 } ?? true
        }

        func replayFrom(_ after: UInt64) throws -> Bool {
            var cursor = after
            while true {
                var request = ReplayRequest()
                request.afterSequence = cursor
                request.topics = topics
                request.requestID = UUID().uuidString
                do {
                    try requester.send(Multipart(try WireMessage(.replayRequest, request).frames))
                } catch let error as ZMQError where error.code == .wouldBlock {
                    throw ValidationError("cannot send to the replay socket \(replay) within 10 s: no connection (with CURVE on, is your key in the consumer's allow-list?)")
                }
                while true {
                    guard let reply = try requester.receive(timeout: .seconds(10)) else {
                        throw ValidationError("no answer from the replay socket \(replay) within 10 s")
                    }
                    let wire = try WireMessage(frames: reply.frames)
                    switch wire.type {
                    case .topicMessage:
                        if try !emit(wire.decode(TopicMessage.self, expecting: .topicMessage), replayed: true) { return false }
                    case .replayEnd:
                        let end = try wire.decode(ReplayEnd.self, expecting: .replayEnd)
                        if !end.truncated { return true }
                        cursor = end.lastSequence
                    case .nack:
                        let nack = try wire.decode(Nack.self, expecting: .nack)
                        throw ValidationError("replay refused: \(nack.reason.label): \(nack.message)")
                    default:
                        continue
                    }
                    if wire.type == .replayEnd { break }
                }
            }
        }

        if let since {
            // Give the subscription time to reach the publisher, so nothing published
            // during the replay is missed (live duplicates are dropped by sequence).
            _ = try subscriber.receive(timeout: .milliseconds(1)).map { try emitLive($0) }
            Thread.sleep(forTimeInterval: 0.2)
            lastSequence = since
            if try !replayFrom(since) { return }
        }

        func emitLive(_ message: Multipart) throws -> Bool {
            let wire = try WireMessage(frames: message.frames.dropFirst())
            let topicMessage = try wire.decode(TopicMessage.self, expecting: .topicMessage)
            // SUB filters by prefix; replay and this command follow exact topic ids.
            if !topics.isEmpty && !topics.contains(topicMessage.topicID) { return true }
            if let previous = lastTopicSequence[topicMessage.topicID], topicMessage.topicSequence > previous + 1, topicMessage.sequence > lastSequence {
                FileHandle.standardError.write(Data("newswire tail: gap in \(topicMessage.topicID) after #\(previous); replaying\n".utf8))
                if try !replayFrom(lastSequence) { return false }
            }
            return try emit(topicMessage, replayed: false)
        }

        while true {
            let timeout: Duration = idleTimeout.map { .seconds($0) } ?? .seconds(3600)
            guard let message = try subscriber.receive(timeout: timeout) else {
                if idleTimeout != nil { return }
                continue
            }
            do {
                if try !emitLive(message) { return }
            } catch let error as WireError {
                FileHandle.standardError.write(Data("newswire tail: skipping a malformed message: \(error)\n".utf8))
            }
        }
    }
}
