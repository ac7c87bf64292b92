/// Why an input could not be turned into an article.
///
/// Every failure of ``ArticleParser`` is one of these: the parser never traps
/// on bad input. `message` explains what is wrong and what to do, with numbers;
/// `byteOffset` points at the offending byte when there is one.
public struct ArticleParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure (its `rawValue` is safe to log and count).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The input is empty or holds only whitespace and invisible characters.
        public static let empty = Code(rawValue: "empty")
        /// The input holds NUL bytes or too many control bytes to be text.
        public static let binary = Code(rawValue: "binary")
        /// The bytes are not valid UTF-8 and no supported charset explains them.
        public static let invalidEncoding = Code(rawValue: "invalidEncoding")
        /// The input is larger than ``ArticleParser/Configuration/maximumInputBytes``.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// Nothing article-like is left once navigation and boilerplate are removed.
        public static let noContent = Code(rawValue: "noContent")

        public var description: String { rawValue }
    }

    public var code: Code
    public var message: String
    public var byteOffset: Int?

    init(_ code: Code, _ message: String, byteOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.byteOffset = byteOffset
    }

    public var description: String {
        if let byteOffset {
            return "\(code): \(message) (at byte \(byteOffset))"
        }
        return "\(code): \(message)"
    }
}

extension ArticleParseError {
    /// Formats a count with a space every three digits ("33 554 432"), so sizes read at a glance.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(" ") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
