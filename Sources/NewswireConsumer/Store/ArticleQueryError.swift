/// A query the store cannot answer as asked: which parameter and why
/// (the HTTP API answers it 400, `newswire search` exits with it).
public struct ArticleQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter at fault: `q`, `cursor`, `limit`, `since`, …
    public var parameter: String
    public var reason: String

    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }

    public var description: String { "\(parameter): \(reason)" }
}
