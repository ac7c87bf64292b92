internal import Foundation

/// A request handed to a service's own routes (``MetricsService/Routes``): the
/// path and the decoded query, with no HTTP server types, so a service can add
/// endpoints without depending on the server library.
public struct HTTPRouteRequest: Sendable {
    /// The path, e.g. "/api/v1/articles".
    public var path: String
    /// The query's name-value pairs in order, percent- and `+`-decoded; a name may repeat.
    public var query: [(name: String, value: String)]
    /// The request's header fields in order, names as sent.
    public var headers: [(name: String, value: String)]

    public init(path: String, query: [(name: String, value: String)], headers: [(name: String, value: String)] = []) {
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The first value of the header field `name` (compared without regard to case), nil when absent.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The values given for `name`, in order.
    public func values(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// Decodes a raw query string (`a=1&b=two+words&c=%C3%A9`); nil names the part that is not valid percent-encoding.
    public static func decodeQuery(_ raw: String) -> Result<[(name: String, value: String)], HTTPQueryError> {
        var pairs: [(name: String, value: String)] = []
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decodeComponent(pieces[0]), let value = decodeComponent(pieces.count > 1 ? pieces[1] : "") else {
                return .failure(HTTPQueryError(part: String(part)))
            }
            pairs.append((name, value))
        }
        return .success(pairs)
    }

    private static func decodeComponent(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

/// A query string part that is not valid percent-encoded UTF-8.
public struct HTTPQueryError: Error, Sendable, CustomStringConvertible {
    public var part: String
    public var description: String { "the query part '\(part)' is not valid percent-encoded UTF-8" }
}

/// A service route's answer: a whole body, or a ``HTTPBodyStream`` written as it is produced.
public struct HTTPRouteResponse: Sendable {
    /// The HTTP status code, e.g. 200.
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    /// Header fields besides `Content-Type` (`Cache-Control`, `Retry-After`, …).
    public var headers: [(name: String, value: String)]
    /// When set, the body is this stream (chunked), and ``body`` is not sent.
    public var stream: HTTPBodyStream?

    public init(status: Int, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
        self.stream = nil
    }

    /// A response whose body `stream` produces piece by piece (server-sent events).
    public init(status: Int, contentType: String, headers: [(name: String, value: String)] = [], stream: HTTPBodyStream) {
        self.status = status
        self.contentType = contentType
        self.body = []
        self.headers = headers
        self.stream = stream
    }
}
