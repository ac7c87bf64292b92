internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// A plain loopback TCP connection that a test drives byte by byte: an idle
/// client, a slow one, or a one-shot HTTP request it times.
///
/// Every call that waits takes a deadline and uses poll(2), so a server that
/// never answers fails the test instead of hanging it. Calls block their
/// thread for at most that deadline; connections are opened and used from one task.
public final class RawTCPConnection: @unchecked Sendable {  // one owner at a time; the descriptor is closed once, in deinit
    private let descriptor: Int32
    public let address: String

    /// Connects to `address` ("127.0.0.1:PORT"). `receiveBufferBytes` sets SO_RCVBUF
    /// before connecting (a client that holds little unread data, for slow-reader tests).
    public init(_ address: String, receiveBufferBytes: Int? = nil) throws {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else { throw ProcessFailure("bad address \(address)") }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ProcessFailure("socket(): errno \(errno)") }
        if var size = receiveBufferBytes.map(Int32.init) {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        inet_pton(AF_INET, String(parts[0]), &target.sin_addr)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw ProcessFailure("cannot connect to \(address): errno \(code)")
        }
        self.descriptor = descriptor
        self.address = address
    }

    deinit { close(descriptor) }

    /// Sends `bytes`; false when the peer has closed the connection.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads until the peer closes or `timeout` passes; nil on timeout.
    public func readToEnd(timeout: Duration) -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let left = max(deadline - ContinuousClock.now, .zero)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32((left / .milliseconds(1)).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }  // nothing more within the timeout (a zero timeout looks once)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return received }  // closed (0) or reset (-1): either way the peer is done
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// What has arrived, waiting up to `timeout` for the first byte: nil when nothing
    /// came in time, empty when the peer has closed.
    public func readAvailable(timeout: Duration) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat {
            ready = poll(&poller, 1, Int32((max(timeout, .zero) / .milliseconds(1)).rounded(.up)))
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count <= 0 ? [] : Array(buffer[0..<count])
    }

    /// Whether the peer closes the connection within `timeout` (anything it sends first is dropped).
    public func isClosedByPeer(within timeout: Duration) -> Bool {
        readToEnd(timeout: timeout) != nil
    }

    /// `GET path` on a fresh connection, read to the end: status line, body and how long it took
    /// from connect to the last byte; nil status when the server closed without answering.
    /// `headers` are sent as given (`["Authorization": "Bearer …"]`).
    public static func get(
        _ address: String, _ path: String, headers: [String: String] = [:], timeout: Duration = .seconds(5)
    ) throws -> (status: Int?, body: String, elapsed: Duration) {
        let answer = try request(address, "GET", path, headers: headers, timeout: timeout)
        return (answer.status, answer.body, answer.elapsed)
    }

    /// One HTTP/1.1 request (`method`, `path`, `headers`, `body`) on a fresh connection, read to
    /// the end: status, response header fields (names lowercased; a repeated name keeps its last
    /// value), body, and the time from connect to the last byte; nil status when the server
    /// closed without answering.
    public static func request(
        _ address: String, _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = [],
        timeout: Duration = .seconds(5)
    ) throws -> (status: Int?, headers: [String: String], body: String, elapsed: Duration) {
        let start = ContinuousClock.now
        let connection = try RawTCPConnection(address)
        var fields = headers
        if !body.isEmpty { fields["Content-Length"] = "\(body.count)" }
        let extra = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\r\n" }.joined()
        connection.send(Array("\(method) \(path) HTTP/1.1\r\nHost: \(address)\r\n\(extra)Connection: close\r\n\r\n".utf8) + body)
        guard let response = connection.readToEnd(timeout: timeout) else {
            throw ProcessFailure("\(method) \(path) at \(address): no answer within \(timeout)")
        }
        let elapsed = ContinuousClock.now - start
        let text = String(decoding: response, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return (nil, [:], text, elapsed) }
        var received: [String: String] = [:]
        for line in text[..<headerEnd.lowerBound].split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            received[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (Int(text.split(separator: " ").dropFirst().first ?? ""), received, String(text[headerEnd.upperBound...]), elapsed)
    }
}
