internal import GRDB

/// The SQLite store as the consumer sees it: one writer, this consumer.
extension ArticleStore: ConsumerStore, ArticleBrowsing {
    public var location: String { writer.path }
    public var isShared: Bool { false }
    /// A local file: there is no server to lose.
    public var isAvailable: Bool { true }
    public var browsing: (any ArticleBrowsing)? { self }

    public func isCausedByEvent(_ error: any Error) -> Bool {
        StoreFailure.isCausedByEvent(error)
    }

    /// Nobody else writes to the file.
    public func streamNotices() -> AsyncStream<Void> {
        AsyncStream { $0.finish() }
    }

    /// Checkpoints the WAL when this is the consumer's own (writable) store. A
    /// read-only store (`newswire query`, `stats`) leaves the file alone: the
    /// consumer may be writing, and a read-only connection cannot checkpoint.
    public func close() async throws {
        guard !writer.configuration.readonly else { return }
        try checkpoint()
    }
}
