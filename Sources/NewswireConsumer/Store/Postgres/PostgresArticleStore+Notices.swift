internal import PostgresNIO
internal import Logging

extension PostgresArticleStore {
    /// Yields when stream rows may have been committed by any consumer: once
    /// each time `LISTEN newswire_stream` starts (rows committed while nobody
    /// listened are not announced again), then on every `NOTIFY`. A lost
    /// connection is listened on again, after a backoff from 0.1 s doubling to 5 s.
    public func streamNotices() -> AsyncStream<Void> {
        let client = self.client, logger = self.logger, location = self.location
        return AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let task = Task {
                var delay = Duration.milliseconds(100)
                while !Task.isCancelled {
                    let started = ContinuousClock.now
                    do {
                        try await client.withConnection { connection in
                            try await connection.listen(on: Self.streamChannel) { notifications in
                                continuation.yield()
                                for try await _ in notifications { continuation.yield() }
                            }
                        }
                    } catch {
                        if Task.isCancelled { break }
                        logger.warning("PostgreSQL stream notices lost; listening again", metadata: [
                            "db": "\(location)", "error": "\(PostgresStoreError("listen", location: location, error: error).message)",
                            "retry_in_ms": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)",
                        ])
                    }
                    if ContinuousClock.now - started > .seconds(5) { delay = .milliseconds(100) }
                    try? await Task.sleep(for: delay)
                    delay = min(delay * 2, .seconds(5))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
