import Foundation

/// A named, versioned set of topics and the evidence that signals each one.
///
/// Taxonomies are written in YAML so editors can tune topics without touching
/// code. The format, with every key:
///
/// ```yaml
/// name: newswire-default          # required, any text
/// version: "3"                    # required, any scalar; store it with results
/// topics:                         # required, 1...10,000 topics
///   - id: snowden-request         # required, ^[a-z0-9][a-z0-9-]{0,63}$, unique
///     label: Snowden handover     # required
///     description: >              # optional, for people tuning the topic
///       The US asking another country to return Edward Snowden.
///     threshold: 0.5              # optional, (0, 1], default 0.5
///     phrases:                    # a list of {text, weight} ...
///       - text: extradite snowden
///         weight: 1.5
///       - { text: snowden asylum, weight: 1.0 }
///     conditions:                 # optional proximity conditions
///       - anchor: [snowden]                            # one term or a list
///         context: [return, hand over, extradite]      # one term or a list
///         within: 12                                   # words, 1...1000
///         weight: 1.2                                  # finite number
///   - id: arms-supply
///     label: Arms to Syria
///     phrases:                    # ... or a map of text: weight
///       arms to the rebels: 1.2
///       colombia: -2              # negative weights penalise
/// ```
///
/// A fitted taxonomy adds these keys (all optional; `newswire taxonomy fit`
/// writes `terms`, `model` and `crosslingual-model`, see ``TopicModel`` and
/// ``TopicFeatures``):
///
/// ```yaml
/// languages: [en, fr]             # top level: languages covered, the first is the phrases' language
/// topics:
///   - id: snowden-request
///     subject: { any: [snowden] }                          # or a plain list, for any language
///     refers: { en: [whistleblower] }                      # subject mentions only where the subject is named
///     action: { en: [extradite, asylum], fr: [extradition, asile] }
///     terms: [hong kong, transit zone]                     # selected words and word pairs
///     model: { bias: -4.2, threshold: 0.5, weights: { subject: 0.6, "phrase:extradite snowden": 0.3 } }
///     crosslingual-model: { bias: -3.9, threshold: 0.5, weights: { subject: 0.7, action-near: 0.9 } }
/// ```
///
/// A topic needs at least one phrase, condition or subject term. Phrase and term text is
/// normalized exactly like article text (see ``TopicClassifier``): case,
/// punctuation and simple inflections do not matter, and two phrases of one
/// topic that normalize to the same words are rejected.
///
/// Parsing is strict and bounded: unknown keys are errors (they are usually
/// typos that would silently disable a setting), input is limited to
/// ``maximumSize`` bytes, ``maximumTopics`` topics and ``maximumPhrases``
/// phrases plus condition terms, each phrase to ``maximumPhraseWords`` words
/// of at most ``maximumWordBytes`` bytes, and weights must be finite numbers.
/// Errors carry the file, line and column; see ``TaxonomyError``.
public struct Taxonomy: Sendable, Equatable {
    public var name: String
    public var version: String
    public var topics: [TopicDefinition]
    /// Languages the taxonomy covers (ISO 639-1), the first being the one
    /// its phrases are written in; empty means any language. An article in
    /// another language is not classified but marked
    /// `unclassified: language xx` (see ``ClassificationOutcome``).
    public var languages: [String]

    /// Largest taxonomy text accepted, in bytes (1 MiB).
    public static let maximumSize = 1 << 20
    public static let maximumTopics = 10_000
    /// Limit on phrases plus condition terms, over all topics.
    public static let maximumPhrases = 100_000
    /// Longest phrase or condition term, in words.
    public static let maximumPhraseWords = 16
    /// Longest word in a phrase, in normalized UTF-8 bytes; longer article
    /// words are never matched.
    public static let maximumWordBytes = 64

    /// A taxonomy built in code. It is not validated; the classifier ignores
    /// phrases that normalize to no words or whose weight is not finite.
    public init(name: String, version: String, topics: [TopicDefinition], languages: [String] = []) {
        self.name = name
        self.version = version
        self.topics = topics
        self.languages = languages
    }

    /// The hand-written rules alone: no fitted models or selected terms, so
    /// every topic is decided by its phrase sum (see ``TopicClassifier``).
    public var unfitted: Taxonomy {
        var copy = self
        for index in copy.topics.indices {
            copy.topics[index].model = nil
            copy.topics[index].crosslingualModel = nil
            copy.topics[index].terms = []
        }
        return copy
    }

    /// Whether articles in `language` are classified: always when the
    /// taxonomy names no languages, and for "und" (language not detected).
    public func covers(language: String) -> Bool {
        languages.isEmpty || language == "und" || language.isEmpty || languages.contains(language)
    }

    /// Parses and validates a taxonomy from YAML text.
    /// - Parameter source: shown in error messages, usually the file path.
    public init(yaml: String, source: String = "<inline>") throws(TaxonomyError) {
        guard yaml.utf8.count <= Self.maximumSize else {
            throw TaxonomyError(
                code: .tooLarge, source: source,
                message: "taxonomy is \(yaml.utf8.count) bytes; the limit is \(Self.maximumSize) bytes (1 MiB)")
        }
        var parser = TaxonomyParser(yaml: yaml, source: source)
        self = try parser.parse()
    }

    /// Reads and parses a taxonomy file, refusing files over ``maximumSize``
    /// before reading them whole.
    public init(contentsOf path: String) throws(TaxonomyError) {
        let text = try Self.readLimited(path: path)
        try self.init(yaml: text, source: path)
    }

    private static func readLimited(path: String) throws(TaxonomyError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw TaxonomyError(code: .unreadable, source: path, message: "cannot open taxonomy file (\(reason))")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw TaxonomyError(code: .unreadable, source: path, message: "cannot read taxonomy file: \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else {
            throw TaxonomyError(
                code: .tooLarge, source: path,
                message: "taxonomy file is larger than \(maximumSize) bytes (1 MiB); split it or remove unused phrases")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TaxonomyError(code: .unreadable, source: path, message: "taxonomy file is not valid UTF-8")
        }
        return text
    }
}
