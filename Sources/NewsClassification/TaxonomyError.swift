/// Why a taxonomy could not be loaded, and where.
///
/// Every error names the file (`source`), and where the YAML parser knows it,
/// the 1-based line and column, so `description` reads like a compiler
/// diagnostic: `topics.yaml:14:5: topic 'arms-supply': phrase weight must be a
/// number, got 'heavy'`. The message says what to fix.
public struct TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure. Compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be opened or read, or is not UTF-8.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The file is larger than ``Taxonomy/maximumSize``.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// The text is not well-formed YAML (includes duplicate mapping keys).
        public static let syntax = Code(rawValue: "syntax")
        /// A mapping has a key the format does not define (often a typo).
        public static let unknownKey = Code(rawValue: "unknownKey")
        /// A required key is absent.
        public static let missingField = Code(rawValue: "missingField")
        /// A value has the wrong type or is out of range.
        public static let invalidField = Code(rawValue: "invalidField")
        /// Two topics share an id.
        public static let duplicateTopic = Code(rawValue: "duplicateTopic")
        /// Two phrases of one topic normalize to the same words.
        public static let duplicatePhrase = Code(rawValue: "duplicatePhrase")
        /// The document is empty or has no topics.
        public static let emptyTaxonomy = Code(rawValue: "emptyTaxonomy")
        /// More topics or phrases than the loader accepts.
        public static let limitExceeded = Code(rawValue: "limitExceeded")
    }

    public var code: Code
    /// The file path given to the loader, or `<inline>`.
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when known.
    public var column: Int?
    public var message: String

    public init(code: Code, source: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.code = code
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `source:line:column: message`, dropping the parts that are unknown.
    public var description: String {
        var location = source
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
