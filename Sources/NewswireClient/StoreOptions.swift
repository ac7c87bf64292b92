public import ArgumentParser
internal import Foundation
internal import Logging
internal import NewsModels
internal import NewswireConsumer

/// `--db`, the consumer's store, for the commands that read it (`query`,
/// `stats`, `search`): one flag, one environment twin, one check.
public struct StoreOptions: ParsableArguments {
    @Option(help: "The consumer's store: its SQLite file, or postgres://USER@HOST:PORT/DATABASE (password from PGPASSWORD). (env: NEWSWIRE_DB)")
    var db: String = EnvironmentDefault.string("NEWSWIRE_DB", "newswire.db")

    public init() {}

    /// Opens the SQLite store read-only; a missing file is a usage error naming
    /// it (opening would otherwise create an empty database). For the commands
    /// that only SQLite serves (`search`).
    func openReadOnly() throws -> ArticleStore {
        let location = try ConsumerStoreLocation(db)
        guard case .sqlite(let path) = location else {
            throw ValidationError("--db: \(location): this command needs the consumer's SQLite file; the PostgreSQL store does not offer it yet")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("--db: \(path) does not exist") }
        return try ArticleStore.open(path: path, readOnly: true)
    }

    /// Opens either store to read: a SQLite file read-only (a missing one is a
    /// usage error), a PostgreSQL database without migrating it.
    func openStore() async throws -> any ConsumerStore {
        let location = try ConsumerStoreLocation(db)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--db: \(path) does not exist")
        }
        var logger = Logger(label: "newswire")
        logger.logLevel = .warning
        return try await location.open(readOnly: true, logger: logger)
    }
}

/// `--topic` and `--source`, the filters `query` and `search` share.
public struct ArticleSelectionOptions: ParsableArguments {
    @Option(help: "Only articles with this topic.")
    var topic: String?

    @Option(help: "Only articles from this source.")
    var source: String?

    public init() {}
}
