internal import GRDB

/// Tells failures caused by one event's data from failures of the database
/// itself, so that only the first kind can ever send an event to the dead
/// letters. A locked, read-only, full or broken database fails every event
/// alike; those events are refused with `internal` and redelivered until the
/// database recovers, however long that takes.
enum StoreFailure {
    static func isCausedByEvent(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else {
            // Not SQLite: encoding the event's own data failed.
            return true
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE:
            return true
        default:
            return false
        }
    }
}
