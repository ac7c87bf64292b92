/// A key file or allow-list folder that cannot be used, with where and why.
///
/// `description` reads `path:line: reason` (or `path: reason`), the form
/// editors and people jump to.
public struct CurveKeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder at fault.
    public var path: String
    /// The 1-based line at fault, when the problem is on one line.
    public var line: Int?
    /// What is wrong, and what would fix it.
    public var reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}
