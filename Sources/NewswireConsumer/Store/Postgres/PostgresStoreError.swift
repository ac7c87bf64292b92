internal import PostgresNIO

/// A PostgreSQL store operation that failed, saying what was done, against
/// which database, and what the server or the connection said.
///
/// Why a type of its own: PostgresNIO's own errors describe themselves as a
/// generic "database error" (so they cannot leak data by accident), which
/// tells an operator nothing; this keeps the SQLSTATE and the server's message
/// (never a query's bound values) and the class of failure that decides
/// between a Nack for the event and a retry (``isCausedByEvent``).
public struct PostgresStoreError: Error, CustomStringConvertible {
    /// What the store was doing, e.g. "store 200 articles".
    public var operation: String
    /// The URL, without its password.
    public var location: String
    /// The SQLSTATE the server sent (e.g. `23505`), nil when the connection failed.
    public var sqlState: String?
    /// The server's message, or the client's failure.
    public var message: String

    init(_ operation: String, location: String, error: any Error) {
        self.operation = operation
        self.location = location
        var error = error
        if let transaction = error as? PostgresTransactionError {
            error = transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? transaction.rollbackError ?? error
        }
        if let already = error as? PostgresStoreError {
            self.sqlState = already.sqlState
            self.message = already.message
        } else if let psql = error as? PSQLError {
            self.sqlState = psql.serverInfo?[.sqlState]
            if let serverMessage = psql.serverInfo?[.message] {
                let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
                self.message = serverMessage + detail
            } else {
                self.message = "\(psql.code)" + (psql.underlying.map { ": \($0)" } ?? "")
            }
        } else {
            self.sqlState = nil
            self.message = "\(error)"
        }
    }

    /// Whether the event's own data failed (a data exception, a constraint, a
    /// value too large: SQLSTATE classes 22, 23, 54), not the database or the
    /// connection; only those may send an event to the dead letters.
    public var isCausedByEvent: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("22") || sqlState.hasPrefix("23") || sqlState.hasPrefix("54")
    }

    /// Whether the server was reached and answered (even with an error).
    var serverAnswered: Bool {
        guard let sqlState else { return false }
        // 08: connection exception; 57: operator intervention (shutdown); 53: out of resources.
        return !(sqlState.hasPrefix("08") || sqlState.hasPrefix("57") || sqlState.hasPrefix("53"))
    }

    public var description: String {
        "PostgreSQL \(location): \(operation) failed: \(message)" + (sqlState.map { " [SQLSTATE \($0)]" } ?? "")
    }
}

/// The database's schema is newer than this consumer: it was migrated by a
/// newer release. Starting would write rows the newer schema may not expect.
public struct PostgresSchemaTooNewError: Error, CustomStringConvertible {
    public var location: String
    public var databaseVersion: Int
    public var knownVersion: Int

    public var description: String {
        "PostgreSQL \(location): schema version \(databaseVersion) is newer than this consumer knows (\(knownVersion)): "
            + "it was migrated by a newer newswire; run that release, or a database of this release's schema"
    }
}
