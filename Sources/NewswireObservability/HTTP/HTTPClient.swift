internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// A small blocking HTTP/1.1 GET, for `newswire status` and `newswire health`
/// to ask the services' HTTP endpoint (no TLS, no redirects, no proxies).
///
/// It needs nothing beyond the C library, so the slim runtime image can probe
/// a service without curl. Every call blocks its thread for at most about
/// twice `timeout` (connect, then each read); call it from a thread that may block.
public enum HTTPClient {
    /// A response's status code and body.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// GETs `url`: `http://HOST:PORT/PATH`, or `HOST:PORT/PATH` (HOST a name or an IPv4 address),
    /// sending `bearerToken` (a service's `--http-token-file`) when given.
    public static func get(_ url: String, timeout: Duration = .seconds(3), bearerToken: BearerToken? = nil) throws(HTTPClientError) -> Response {
        let target = try Target(url)
        let fd = try connect(target, timeout: timeout)
        defer { close(fd) }
        let authorization = bearerToken.map { "Authorization: Bearer \(String(decoding: $0.value, as: UTF8.self))\r\n" } ?? ""
        let request = "GET \(target.path) HTTP/1.1\r\nHost: \(target.host):\(target.port)\r\nUser-Agent: newswire\r\n\(authorization)Connection: close\r\n\r\n"
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw HTTPClientError(url: target.url, reason: "cannot send the request: \(errorText())") }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw HTTPClientError(url: target.url, reason: errno == EAGAIN ? "no answer within \(timeout)" : "cannot read the answer: \(errorText())")
            }
            response.append(contentsOf: buffer[0..<count])
        }
        return try parse(response, url: target.url)
    }

    /// Splits a raw answer into status and body.
    static func parse(_ response: [UInt8], url: String) throws(HTTPClientError) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = response.indices.first(where: { response[$0...].starts(with: separator) }) else {
            throw HTTPClientError(url: url, reason: response.isEmpty ? "the connection closed without an answer" : "the answer is not HTTP")
        }
        let statusLine = String(decoding: response[..<headerEnd].prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else {
            throw HTTPClientError(url: url, reason: "the answer is not HTTP")
        }
        return Response(status: status, body: Array(response[(headerEnd + separator.count)...]))
    }

    /// Resolves the host and connects, waiting at most `timeout`.
    private static func connect(_ target: Target, timeout: Duration) throws(HTTPClientError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(target.host, String(target.port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw HTTPClientError(url: target.url, reason: "cannot resolve \(target.host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
            if limit.tv_sec == 0 && limit.tv_usec == 0 { limit.tv_usec = 1000 }
            // On Linux SO_SNDTIMEO bounds connect() too; SO_RCVTIMEO bounds each read.
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
            lastError = errno == EINPROGRESS || errno == EAGAIN ? "no connection within \(timeout)" : errorText()
            close(fd)
        }
        throw HTTPClientError(url: target.url, reason: "cannot connect: \(lastError)")
    }

    private static func errorText() -> String { String(cString: strerror(errno)).lowercased() }

    /// Where a URL points.
    struct Target {
        var host: String
        var port: Int
        var path: String
        /// The URL as a person would write it, for messages.
        var url: String { "http://\(host):\(port)\(path)" }

        init(_ url: String) throws(HTTPClientError) {
            var rest = Substring(url)
            if rest.hasPrefix("http://") { rest = rest.dropFirst("http://".count) }
            if rest.hasPrefix("https://") { throw HTTPClientError(url: url, reason: "https is not supported; the services serve plain HTTP") }
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            path = slash == rest.endIndex ? "/" : String(rest[slash...])
            let authority = rest[..<slash]
            guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]), (1...65535).contains(port), colon > authority.startIndex else {
                throw HTTPClientError(url: url, reason: "not HOST:PORT or http://HOST:PORT/PATH")
            }
            host = String(authority[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            self.port = port
        }
    }
}

/// An HTTP request that got no usable answer: the URL asked and why.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    public var url: String
    public var reason: String
    public var description: String { "\(url): \(reason)" }

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }
}
