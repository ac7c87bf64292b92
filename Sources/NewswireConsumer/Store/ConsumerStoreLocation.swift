public import Logging

/// Where `--db` (`NEWSWIRE_DB`) puts the consumer's store: a
/// `postgres://` or `postgresql://` URL selects a PostgreSQL database that
/// many consumers share; anything else is the path of a SQLite file.
public enum ConsumerStoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `--db`; a PostgreSQL URL that does not parse is an error naming what is wrong.
    public init(_ setting: String) throws(PostgresURLError) {
        if PostgresURL.looksLikeURL(setting) {
            self = .postgres(try PostgresURL(setting))
        } else {
            self = .sqlite(path: setting)
        }
    }

    /// The path or the URL, without any password: safe for logs, `/status` and `--print-config`.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    /// Opens the store and brings its schema up to date (``ArticleStore/open(path:readOnly:)``
    /// or ``PostgresArticleStore/open(_:logger:)``). `readOnly` opens a SQLite
    /// file read-only and leaves a PostgreSQL schema as it is (checking only that it is not newer).
    public func open(readOnly: Bool = false, logger: Logger) async throws -> any ConsumerStore {
        switch self {
        case .sqlite(let path):
            return try ArticleStore.open(path: path, readOnly: readOnly)
        case .postgres(let url):
            return try await PostgresArticleStore.open(url, migrate: !readOnly, logger: logger)
        }
    }
}
