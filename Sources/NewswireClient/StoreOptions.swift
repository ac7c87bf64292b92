public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireConsumer

/// `--db`, the consumer's SQLite file, for the commands that read the store
/// (`query`, `stats`, `search`): one flag, one environment twin, one check.
public struct StoreOptions: ParsableArguments {
    @Option(help: "The consumer's SQLite file. (env: NEWSWIRE_DB)")
    var db: String = EnvironmentDefault.string("NEWSWIRE_DB", "newswire.db")

    public init() {}

    /// Opens the store read-only; a missing file is a usage error naming it
    /// (opening would otherwise create an empty database).
    func openReadOnly() throws -> ArticleStore {
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("--db: \(db) does not exist") }
        return try ArticleStore.open(path: db, readOnly: true)
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
