internal import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#endif

/// A minimal HTTP/1.1 server for `/metrics`, `/healthz` and `/readyz`.
///
/// It answers GET requests one at a time, each on a fresh connection
/// (`Connection: close`): plenty for a Prometheus scrape every few seconds and
/// a health probe, without pulling an HTTP stack into the build. The listening
/// socket and every connection are owned by the endpoint's own thread.
final class HTTPEndpoint: Sendable {
    struct Response: Sendable {
        var status: Int
        var contentType: String
        var body: [UInt8]
    }

    /// The address actually bound, e.g. "127.0.0.1:9102" (port chosen when 0 was asked).
    let boundAddress: String
    private let listenFD: Int32
    private let stopping = Atomic<Bool>(false)
    private let finished = Mutex<[CheckedContinuation<Void, Never>]?>([])

    /// Binds `address` ("HOST:PORT"; port 0 picks a free one).
    init(address: String) throws(HTTPEndpointError) {
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw HTTPEndpointError("'\(address)' is not HOST:PORT (for example 127.0.0.1:9102)")
        }
        let host = String(address[..<colon])
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host.isEmpty ? "0.0.0.0" : host, &socketAddress.sin_addr) == 1 else {
            throw HTTPEndpointError("'\(host)' is not an IPv4 address")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPEndpointError("socket(): \(String(cString: strerror(errno)))") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw HTTPEndpointError("cannot listen on \(address): \(message)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listenFD = fd
        boundAddress = "\(host.isEmpty ? "0.0.0.0" : host):\(UInt16(bigEndian: actual.sin_port))"
    }

    /// Serves requests on a thread of its own until ``stop()``.
    func start(_ handler: @escaping @Sendable (_ method: String, _ path: String) -> Response) {
        let thread = Thread { [self] in
            serve(handler)
            close(listenFD)
            let waiters = finished.withLock { waiters in
                defer { waiters = nil }
                return waiters ?? []
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.name = "http:\(boundAddress)"
        thread.start()
    }

    /// Stops serving and waits for the thread to finish.
    func stop() async {
        stopping.store(true, ordering: .releasing)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = finished.withLock { waiters -> Bool in
                if waiters == nil { return true }
                waiters!.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func serve(_ handler: @Sendable (String, String) -> Response) {
        while !stopping.load(ordering: .acquiring) {
            var poller = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let connection = accept(listenFD, nil, nil)
            guard connection >= 0 else { continue }
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            respond(on: connection, handler)
            close(connection)
        }
    }

    private func respond(on connection: Int32, _ handler: @Sendable (String, String) -> Response) {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while request.count < 16 * 1024 {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { break }
            request.append(contentsOf: buffer[0..<count])
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
        }
        let firstLine = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        let response: Response
        if firstLine.count >= 2 {
            let path = String(firstLine[1].split(separator: "?", maxSplits: 1).first ?? "")
            response = handler(String(firstLine[0]), path)
        } else {
            response = Response(status: 400, contentType: "text/plain", body: Array("bad request\n".utf8))
        }
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error", 503: "Service Unavailable"][response.status] ?? "Status"
        let head = "HTTP/1.1 \(response.status) \(reason)\r\nContent-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            sent += count
        }
    }
}

/// The metrics address could not be used.
public struct HTTPEndpointError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
