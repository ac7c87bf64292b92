/// The database predates full-text search and was opened without migrating
/// (read-only): start the consumer on it once to build the index.
public struct MissingSearchIndex: Error, Sendable, CustomStringConvertible {
    public var description: String {
        "this database has no full-text index (table articles_fts) yet: start newswire-consumer on it once, which builds the index"
    }
}
