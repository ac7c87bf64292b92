/// Everything the parser knows about single words, looked up once per word.
///
/// The tokenizer probes this table for every word and stores the bits in
/// ``Token/lexicon``; later stages (boilerplate scoring, entities, quotes,
/// metadata) test bits instead of probing their own tables again. The word
/// lists themselves stay with the code that owns them (``StopwordProfiles``,
/// ``BoilerplateRules``, ``Gazetteer``, ``QuoteExtractor``...).
enum Lexicon {
    // Bits 0...7 are the stopword languages of ``StopwordProfiles/languages``.
    static let stopwords: UInt32 = 0xFF
    static let navigation: UInt32 = 1 << 8
    static let speechVerb: UInt32 = 1 << 9
    static let honorific: UInt32 = 1 << 10
    static let male: UInt32 = 1 << 11
    static let female: UInt32 = 1 << 12
    static let titleModifier: UInt32 = 1 << 13
    static let nameParticle: UInt32 = 1 << 14
    static let notName: UInt32 = 1 << 15
    static let firstName: UInt32 = 1 << 16
    static let month: UInt32 = 1 << 17
    static let organizationHead: UInt32 = 1 << 18
    static let pronoun: UInt32 = 1 << 19
    static let abbreviation: UInt32 = 1 << 20
    static let bylinePrefix: UInt32 = 1 << 21
    static let auxiliary: UInt32 = 1 << 22
    static let article: UInt32 = 1 << 23

    static let table: WordTable<UInt32> = {
        var entries: [(String, UInt32)] = []
        for (bit, language) in StopwordProfiles.languages.enumerated() {
            for word in StopwordProfiles.words[language, default: ""].split(separator: " ") {
                entries.append((String(word), UInt32(1) << UInt32(bit)))
            }
        }
        func add(_ words: some Sequence<String>, _ bits: UInt32) {
            for word in words { entries.append((word, bits)) }
        }
        add(BoilerplateRules.navigationWords, navigation)
        add(QuoteExtractor.speechVerbWords, speechVerb)
        for (word, gender) in Gazetteer.honorifics {
            entries.append((word, honorific | (gender == "m" ? male : gender == "f" ? female : 0)))
        }
        add(Gazetteer.titleModifiers, titleModifier)
        add(Gazetteer.nameParticles, nameParticle)
        add(Gazetteer.notNames, notName)
        add(Gazetteer.firstNames, firstName)
        add(DateParser.months.keys, month)
        add(Gazetteer.organizationHeads, organizationHead)
        for (word, gender) in QuoteExtractor.pronounWords {
            entries.append((word, pronoun | (gender == "m" ? male : female)))
        }
        add(WordTokenizer.abbreviationWords, abbreviation)
        add(BylineParser.prefixWordList, bylinePrefix)
        add(QuoteExtractor.auxiliaryWords, auxiliary)
        add(QuoteExtractor.articleWords, article)
        return WordTable(entries, combine: |)
    }()

    /// The gender bits as "m", "f" or nil.
    static func gender(_ bits: UInt32) -> Character? {
        if bits & male != 0 { return "m" }
        if bits & female != 0 { return "f" }
        return nil
    }
}
