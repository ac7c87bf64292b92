/// One word of normalized text: where it is, its case shape and its hash.
struct Token {
    var start: Int32
    var end: Int32
    /// ``WordHash`` of the lowercased word.
    var hash: UInt64
    var flags: Flags
    /// What ``Lexicon`` knows about the word: stopword languages and role bits.
    var lexicon: UInt32
    /// Sentence number, counted over the whole text.
    var sentence: Int32
    /// Line (paragraph) number within the tokenized text.
    var line: Int32

    /// Bit flags (a plain struct rather than an `OptionSet`, whose generic operations are slow in debug builds).
    struct Flags: Equatable {
        var rawValue: UInt16
        /// Starts with an uppercase letter.
        static let capitalized = Flags(rawValue: 1 << 0)
        /// Has at least two letters, all uppercase.
        static let allCaps = Flags(rawValue: 1 << 1)
        static let hasDigit = Flags(rawValue: 1 << 2)
        static let hasLetter = Flags(rawValue: 1 << 3)
        /// Immediately followed by ".".
        static let period = Flags(rawValue: 1 << 4)
        /// Immediately followed by ",".
        static let comma = Flags(rawValue: 1 << 5)
        /// A single uppercase letter followed by "." ("J." in "Edward J. Snowden").
        static let initial = Flags(rawValue: 1 << 6)
        /// Followed by a possessive "’s", which is not part of the token.
        static let possessive = Flags(rawValue: 1 << 7)
        /// First token of its sentence.
        static let sentenceStart = Flags(rawValue: 1 << 8)
        /// Starts with a lowercase letter.
        static let lowercased = Flags(rawValue: 1 << 9)
        /// A lowercase name particle joined to a capitalized part ("al-Assad").
        static let particleName = Flags(rawValue: 1 << 10)
        static let none = Flags(rawValue: 0)

        @inline(__always) func contains(_ flag: Flags) -> Bool { rawValue & flag.rawValue == flag.rawValue }
        @inline(__always) mutating func insert(_ flag: Flags) { rawValue |= flag.rawValue }
        @inline(__always) mutating func remove(_ flag: Flags) { rawValue &= ~flag.rawValue }
    }

    var length: Int { Int(end - start) }
    /// Bit per language (see ``StopwordProfiles``) for which this word is a stopword.
    var stopMask: UInt32 { lexicon & Lexicon.stopwords }
    /// Whether the word has any of the ``Lexicon`` bits.
    @inline(__always) func isA(_ bits: UInt32) -> Bool { lexicon & bits != 0 }
    func has(_ flag: Flags) -> Bool { flags.contains(flag) }
}
