/// A stored column that does not hold what the store writes there: a JSON
/// column that does not decode, or an `event` that is not a protobuf `ArticleEvent`.
public struct StoredJSONError: Error, Sendable, CustomStringConvertible {
    public var column: String
    public var articleID: String
    public var underlying: String
    public var description: String { "\(column) of article \(articleID) is not what the store writes there: \(underlying)" }
}
