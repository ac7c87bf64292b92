/// A JSON column that does not hold what the store writes there.
public struct StoredJSONError: Error, Sendable, CustomStringConvertible {
    public var column: String
    public var articleID: String
    public var underlying: String
    public var description: String { "\(column) of article \(articleID) is not the JSON the store writes: \(underlying)" }
}
