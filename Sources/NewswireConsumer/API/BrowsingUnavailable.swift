/// A read-API query (article pages, search, detail, volume) on a store that
/// does not offer it yet: PostgreSQL, for now. Answered with 501.
struct BrowsingUnavailable: Error, CustomStringConvertible {
    /// The store, as `--db` names it (without a password).
    var location: String

    var description: String {
        "not implemented on the PostgreSQL store (\(location)) yet: article pages, search, details and volume "
            + "need a SQLite store; /api/v1/topics, /api/v1/stream, replay and /status work on both"
    }
}
