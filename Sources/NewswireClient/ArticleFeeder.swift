internal import Foundation
internal import ZeroMQ
internal import NewsModels
internal import SwiftProtobuf
public import NewswireSecurity

/// Sends raw articles to a producer's ingest socket and collects the answers.
///
/// Runs on the calling thread with a blocking DEALER socket (a command-line
/// tool, not a service), keeping up to `window` requests in flight and matching
/// replies by request id.
public struct ArticleFeeder {
    /// One article to send.
    public struct Item: Sendable {
        public var name: String
        public var load: @Sendable () throws -> [UInt8]
        public var contentType: String
        public init(name: String, contentType: String, load: @escaping @Sendable () throws -> [UInt8]) {
            self.name = name
            self.contentType = contentType
            self.load = load
        }
    }

    /// The answer for one article.
    public enum Outcome: Sendable, Equatable {
        case accepted(articleID: String)
        case duplicate(articleID: String)
        case rejected(reason: String, message: String)
        case failed(String)
    }

    /// Totals at the end of a run.
    public struct Summary: Sendable, Equatable {
        public var accepted = 0
        public var duplicates = 0
        public var rejected = 0
        public var failed = 0
        public init() {}
        public var total: Int { accepted + duplicates + rejected + failed }
        public var allStored: Bool { rejected == 0 && failed == 0 }
    }

    public var endpoint: String
    public var source: String
    public var timeout: Duration
    public var window: Int
    /// CURVE credentials for a producer with CURVE on; nil connects in plain text.
    public var curve: CurveClientCredentials?

    public init(endpoint: String, source: String, timeout: Duration = .seconds(30), window: Int = 64) {
        self.endpoint = endpoint
        self.source = source
        self.timeout = timeout
        self.window = max(1, window)
    }

    /// Sends every item; calls `report` once per item as its answer arrives.
    public func feed(_ items: [Item], report: (Item, Outcome) -> Void) throws -> Summary {
        let context = try Context()
        let socket = try Socket(context: context, type: .dealer)
        defer { socket.close() }
        try socket.setLinger(.milliseconds(500))
        // A connection refused during the handshake (CURVE) leaves no peer, and a
        // DEALER without one blocks on send: bound it, and say so below.
        try socket.setSendTimeout(timeout)
        try curve?.apply(to: socket)
        try socket.connect(endpoint)

        var summary = Summary()
        var inFlight: [String: Int] = [:]
        var next = 0

        func record(_ index: Int, _ outcome: Outcome) {
            switch outcome {
            case .accepted: summary.accepted += 1
            case .duplicate: summary.duplicates += 1
            case .rejected: summary.rejected += 1
            case .failed: summary.failed += 1
            }
            report(items[index], outcome)
        }

        while next < items.count || !inFlight.isEmpty {
            while next < items.count && inFlight.count < window {
                let index = next
                next += 1
                var raw = RawArticle()
                raw.source = source
                raw.url = items[index].name
                raw.contentType = items[index].contentType
                raw.fetchedAt = Google_Protobuf_Timestamp(date: Date())
                raw.requestID = String(index)
                do {
                    raw.body = Data(try items[index].load())
                } catch {
                    record(index, .failed("cannot read: \(error.localizedDescription)"))
                    continue
                }
                do {
                    try socket.send(Multipart(try WireMessage(.rawArticle, raw).frames))
                } catch let error as ZMQError where error.code == .wouldBlock {
                    let reason = "cannot send to \(endpoint) within \(timeout): no connection (with CURVE on, is your key in the producer's allow-list?)"
                    for unsent in index..<items.count { record(unsent, .failed(reason)) }
                    next = items.count
                    break
                }
                inFlight[raw.requestID] = index
            }
            guard !inFlight.isEmpty else { continue }
            guard let reply = try socket.receive(timeout: timeout) else {
                for index in inFlight.values.sorted() {
                    record(index, .failed("no answer from \(endpoint) within \(timeout)"))
                }
                inFlight.removeAll()
                continue
            }
            do {
                let wire = try WireMessage(frames: reply.frames)
                switch wire.type {
                case .ack:
                    let ack = try wire.decode(Ack.self, expecting: .ack)
                    guard let index = inFlight.removeValue(forKey: ack.requestID) else { continue }
                    record(index, ack.status == .duplicate ? .duplicate(articleID: ack.articleID) : .accepted(articleID: ack.articleID))
                case .nack:
                    let nack = try wire.decode(Nack.self, expecting: .nack)
                    guard let index = inFlight.removeValue(forKey: nack.requestID) else { continue }
                    record(index, .rejected(reason: nack.reason.label, message: nack.message))
                default:
                    continue
                }
            } catch {
                FileHandle.standardError.write(Data("newswire feed: ignoring a malformed reply: \(error)\n".utf8))
            }
        }
        return summary
    }
}
