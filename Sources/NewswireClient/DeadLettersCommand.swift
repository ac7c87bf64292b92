public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireConsumer
internal import NewswireProducer
internal import ZeroMQ
internal import SwiftProtobuf
internal import NewswireSecurity

/// `newswire dead-letters`: lists the events a consumer set aside because it
/// could not store them, and sends chosen ones back to it; with `--outbox`,
/// lists the events the producer parked because a consumer refused them for good.
public struct DeadLettersCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List the events a consumer could not store, and requeue them.",
        discussion: """
            An event that fails to store (for a reason of its own, not because the database \
            is locked, read-only or full) on --max-attempts deliveries is kept in the consumer's \
            dead_letters table with the reason, acknowledged to the producer, and counted in \
            newswire_consumer_events_dead_lettered_total. Fix the cause (a taxonomy, a trigger, \
            a bug), then requeue: each event is sent to the running consumer's events socket as a \
            first delivery; once it stores, its dead letter is gone.

            With --outbox, lists instead the producer's parked events (outbox rows in state \
            'rejected'): a consumer refused them for a reason that will not change on retry \
            (too large, malformed, invalid), or left --max-attempts deliveries unanswered. They \
            are counted in newswire_producer_events_parked_total{reason} and never resent.
            """)

    @Option(help: "The consumer's SQLite file. (env: NEWSWIRE_DB)")
    var db: String = EnvironmentDefault.string("NEWSWIRE_DB", "newswire.db")

    @Flag(help: "One JSON object per line: {articleID, source, title, reason, attempts, firstFailedAt, lastFailedAt}; with --outbox {articleID, source, url, title, reason, attempts, acceptedAt, eventBytes}.")
    var json = false

    @Option(help: "List the events parked in this producer outbox (SQLite file) instead of the consumer's dead letters.")
    var outbox: String?

    @Option(name: .customLong("requeue"), help: "Send this article's event to the consumer again; repeat for several.")
    var requeueIDs: [String] = []

    @Flag(help: "Send every dead letter to the consumer again.")
    var requeueAll = false

    @Option(help: "The running consumer's events endpoint, for --requeue. (env: NEWSWIRE_EVENTS)")
    var events: String = EnvironmentDefault.string("NEWSWIRE_EVENTS", DefaultEndpoints.events)

    @Option(help: "Seconds to wait for the consumer's answer to each requeued event.")
    var timeout: Double = 10

    @OptionGroup var curve: CurveClientOptions

    public init() {}

    /// `--db` as it may be shown: a PostgreSQL URL without its password.
    private var dbDescription: String {
        (try? ConsumerStoreLocation(db))?.description ?? db
    }

    public func validate() throws {
        if requeueAll && !requeueIDs.isEmpty { throw ValidationError("--requeue and --requeue-all: use one of them") }
        if outbox != nil && (requeueAll || !requeueIDs.isEmpty) {
            throw ValidationError("--outbox lists parked events only; --requeue and --requeue-all work on the consumer's --db")
        }
        if timeout <= 0 { throw ValidationError("--timeout: must be more than 0, got \(timeout)") }
    }

    public func run() async throws {
        if let outbox {
            guard FileManager.default.fileExists(atPath: outbox) else { throw ValidationError("--outbox: \(outbox) does not exist") }
            list(parked: try Outbox.rejected(inFileAt: outbox, limit: Int.max), in: outbox)
            return
        }
        var options = StoreOptions()
        options.db = db
        let store = try await options.openStore()
        let letters = try await store.deadLetters(limit: Int.max)
        guard requeueAll || !requeueIDs.isEmpty else {
            list(letters)
            return
        }
        let ids = requeueAll ? letters.map(\.articleID) : requeueIDs
        var failures = 0
        var requeued = 0
        for id in ids {
            guard let event = try await store.deadLetterEvent(id) else {
                print("\(id): not a dead letter in \(dbDescription)")
                failures += 1
                continue
            }
            let answer = try send(event)
            print("\(id): \(answer.summary)")
            if answer.stored { requeued += 1 } else { failures += 1 }
        }
        print("requeued \(requeued) of \(ids.count)")
        if failures > 0 { throw ExitCode(1) }
    }

    private func list(_ letters: [DeadLetter]) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            for letter in letters {
                if let data = try? encoder.encode(letter) { print(String(decoding: data, as: UTF8.self)) }
            }
            return
        }
        if letters.isEmpty {
            print("no dead letters in \(dbDescription)")
            return
        }
        let formatter = ISO8601DateFormatter()
        for letter in letters {
            print("\(letter.articleID)  \(letter.attempts) attempts  last \(formatter.string(from: letter.lastFailedAt))  \(letter.source)")
            print("    \(letter.title)")
            print("    reason: \(letter.reason)")
        }
        print("\(letters.count) dead letter\(letters.count == 1 ? "" : "s")")
    }

    private func list(parked: [RejectedEvent], in outbox: String) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            for event in parked {
                if let data = try? encoder.encode(event) { print(String(decoding: data, as: UTF8.self)) }
            }
            return
        }
        if parked.isEmpty {
            print("no parked events in \(outbox)")
            return
        }
        let formatter = ISO8601DateFormatter()
        for event in parked {
            print("\(event.articleID)  \(event.eventBytes) bytes  \(event.attempts + 1) deliveries  accepted \(formatter.string(from: event.acceptedAt))  \(event.source)")
            print("    \(event.title)")
            print("    reason: \(event.reason)")
        }
        print("\(parked.count) parked event\(parked.count == 1 ? "" : "s")")
    }

    /// What the consumer said about one requeued event.
    private struct Answer {
        var stored: Bool
        var summary: String
    }

    /// Sends one event to the consumer as a first delivery and waits for its answer.
    private func send(_ event: ArticleEvent) throws -> Answer {
        var event = event
        event.deliveryAttempt = 1
        let context = try Context()
        let socket = try Socket(context: context, type: .dealer)
        defer { socket.close() }
        try socket.setLinger(.milliseconds(500))
        try socket.setSendTimeout(.milliseconds(Int(timeout * 1000)))
        try curve.credentials()?.apply(to: socket)
        try socket.connect(events)
        guard try socket.send(Multipart(WireMessage(.articleEvent, event).frames)) else {
            return Answer(stored: false, summary: "cannot send to \(events) within \(timeout) s (is the consumer running?)")
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while case let left = deadline - .now, left > .zero {
            guard let reply = try socket.receive(timeout: left) else { break }
            let wire = try WireMessage(frames: reply.frames)
            switch wire.type {
            case .ack:
                let ack = try wire.decode(Ack.self, expecting: .ack)
                guard ack.articleID == event.articleID else { continue }
                switch ack.status {
                case .accepted: return Answer(stored: true, summary: "stored")
                case .duplicate: return Answer(stored: true, summary: "already stored")
                default: return Answer(stored: false, summary: "still failing; kept as a dead letter")
                }
            case .nack:
                let nack = try wire.decode(Nack.self, expecting: .nack)
                return Answer(stored: false, summary: "refused: \(nack.reason.label): \(nack.message)")
            default:
                continue
            }
        }
        return Answer(stored: false, summary: "no answer from \(events) within \(timeout) s")
    }
}
