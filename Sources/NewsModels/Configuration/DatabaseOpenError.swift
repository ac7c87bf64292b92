/// A service could not open its SQLite file at start. Names the setting and
/// the file, says what SQLite said, and suggests the usual cause.
///
///     --db /var/lib/newswire/newswire.db: cannot open the database for writing:
///     SQLite error 8: attempt to write a readonly database (the file or its
///     folder is read-only: check the volume's mount and permissions)
public struct DatabaseOpenError: Error, CustomStringConvertible {
    /// The flag that names the file, e.g. "--db" or "--outbox".
    public var setting: String
    public var path: String
    public var underlying: any Error

    public init(setting: String, path: String, underlying: any Error) {
        self.setting = setting
        self.path = path
        self.underlying = underlying
    }

    public var description: String {
        let reason = "\(underlying)"
        let lowered = reason.lowercased()
        let hint: String
        if lowered.contains("readonly") || lowered.contains("read-only") {
            hint = " (the file or its folder is read-only: check the volume's mount and permissions)"
        } else if lowered.contains("full") {
            hint = " (the disk is full: make room, then start again)"
        } else if lowered.contains("unable to open") {
            hint = " (check that the folder exists, is writable, and is not on a read-only volume)"
        } else if lowered.contains("not a database") {
            hint = " (the file is not a SQLite database: wrong path?)"
        } else {
            hint = ""
        }
        return "\(setting) \(path): cannot open the database for writing: \(reason)\(hint)"
    }
}
