/// Terms of one kind (a topic's subject or its action words), per language.
///
/// The key is an ISO 639-1 code as the parser detects it (`en`, `fr`, …) or
/// ``anyLanguage`` for terms that hold in every language (names such as
/// "Snowden"). An article uses the terms of its own language plus the
/// language-free ones.
public struct LanguageTerms: Sendable, Equatable {
    /// The key for terms used whatever the article's language.
    public static let anyLanguage = "any"

    /// Language code and its terms, in the order the file lists them.
    public var entries: [(language: String, terms: [String])]

    public init(_ entries: [(language: String, terms: [String])] = []) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.allSatisfy { $0.terms.isEmpty } }

    public static func == (a: LanguageTerms, b: LanguageTerms) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.language == $1.language && $0.terms == $1.terms }
    }
}
