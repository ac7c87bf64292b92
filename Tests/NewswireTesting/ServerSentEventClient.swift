internal import Foundation

/// A test's client of a server-sent-event stream over a plain loopback TCP
/// connection: it sends the GET, reads the status and headers, undoes the
/// chunked transfer encoding, and splits the body into events and comments.
///
/// It reads only when asked (``read(until:timeout:)``), so a test can also
/// play a client that stops reading. Reads block their thread for at most
/// their timeout; use it from one task or thread at a time.
public final class ServerSentEventClient: @unchecked Sendable {  // one owner at a time, like RawTCPConnection
    /// One event: its `id:` (nil when it had none), `event:` type ("message" by default) and `data:`.
    public struct Event: Sendable, Equatable {
        public var id: String?
        public var type: String
        public var data: String

        /// `data` parsed as a JSON object (empty when it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]) ?? [:]
        }
    }

    private let connection: RawTCPConnection
    private var raw: [UInt8] = []
    private var body: [UInt8] = []
    private var headerDone = false
    private var chunked = false
    private var bodyDone = false
    /// The response's status code, once its head has arrived.
    public private(set) var status: Int?
    /// The response's header fields, names lowercased.
    public private(set) var headers: [String: String] = [:]
    /// Every event received so far, in order.
    public private(set) var events: [Event] = []
    /// Every comment line received so far (`: keep-alive` → "keep-alive").
    public private(set) var comments: [String] = []
    /// The server closed the connection.
    public private(set) var closed = false

    /// Connects and sends `GET path` with `headers`.
    public init(_ address: String, _ path: String, headers: [String: String] = [:], receiveBufferBytes: Int? = nil) throws {
        connection = try RawTCPConnection(address, receiveBufferBytes: receiveBufferBytes)
        let extra = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\r\n" }.joined()
        guard connection.send(Array("GET \(path) HTTP/1.1\r\nHost: \(address)\r\nAccept: text/event-stream\r\n\(extra)\r\n".utf8)) else {
            throw ProcessFailure("GET \(path) at \(address): the server closed the connection")
        }
    }

    /// Reads until `condition` holds for what has arrived, the server closes, or
    /// `timeout` passes; returns whether the condition holds.
    @discardableResult
    public func read(until condition: (ServerSentEventClient) -> Bool, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            if closed { return false }
            let left = deadline - ContinuousClock.now
            if left <= .zero { return false }
            guard let bytes = connection.readAvailable(timeout: min(left, .milliseconds(200))) else { continue }
            if bytes.isEmpty { closed = true } else { take(bytes) }
        }
        return true
    }

    /// Reads until `count` events in all have arrived.
    @discardableResult
    public func read(events count: Int, timeout: Duration) -> Bool {
        read(until: { $0.events.count >= count }, timeout: timeout)
    }

    /// Reads until the server closes the connection.
    @discardableResult
    public func readToClose(timeout: Duration) -> Bool {
        read(until: { $0.closed }, timeout: timeout)
    }

    private func take(_ bytes: [UInt8]) {
        raw += bytes
        if !headerDone {
            guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
            let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            chunked = headers["transfer-encoding"]?.lowercased() == "chunked"
            raw.removeSubrange(..<end.upperBound)
            headerDone = true
        }
        if chunked {
            // Each chunk: its size in hex, CRLF, the bytes, CRLF; size 0 ends the body.
            while !bodyDone, let lineEnd = raw.firstRange(of: [13, 10]) {
                let sizeText = String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
                guard raw.count >= lineEnd.upperBound + size + 2 else { break }
                body += raw[lineEnd.upperBound..<(lineEnd.upperBound + size)]
                raw.removeSubrange(..<(lineEnd.upperBound + size + 2))
                if size == 0 { bodyDone = true }
            }
        } else {
            body += raw
            raw = []
        }
        parseEvents()
    }

    /// Splits complete blocks (ended by a blank line) into events and comments.
    private func parseEvents() {
        while let end = body.firstRange(of: [10, 10]) {
            let block = String(decoding: body[..<end.lowerBound], as: UTF8.self)
            body.removeSubrange(..<end.upperBound)
            var event = Event(id: nil, type: "message", data: "")
            var dataLines: [String] = []
            var isEvent = false
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") {
                    comments.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
                    continue
                }
                let (field, value) = line.firstIndex(of: ":").map {
                    (String(line[..<$0]), String(line[line.index(after: $0)...].drop { $0 == " " }))
                } ?? (String(line), "")
                switch field {
                case "id": event.id = value; isEvent = true
                case "event": event.type = value; isEvent = true
                case "data": dataLines.append(value); isEvent = true
                default: break  // retry: and unknown fields
                }
            }
            event.data = dataLines.joined(separator: "\n")
            if isEvent { events.append(event) }
        }
    }
}
