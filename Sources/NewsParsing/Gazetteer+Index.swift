/// Lookup tables built once from the gazetteer's lists.
extension Gazetteer {
    /// Every person, place and organization, in list order.
    static let entries: [Entry] = {
        var result: [Entry] = []
        for (kind, list) in [(Kind.person, people), (.place, places), (.organization, organizations)] {
            for line in list {
                let (aliases, gender) = parse(line)
                result.append(Entry(kind: kind, canonical: aliases[0].text, gender: gender))
            }
        }
        return result
    }()

    /// Phrase hash of every alias → its entry. Earlier entries win.
    static let aliasIndex: WordTable<Match> = {
        var pairs: [(UInt64, Match)] = []
        var entryIndex = 0
        for list in [people, places, organizations] {
            for line in list {
                for alias in parse(line).aliases {
                    let bytes = Array(alias.text.utf8)
                    let (hash, words) = bytes.withUnsafeBufferPointer { p in
                        let tokens = WordTokenizer.tokenize(p)
                        return (phraseHash(tokens, 0, tokens.count), tokens.count)
                    }
                    let acronym = alias.text.count <= 4 && alias.text.allSatisfy { $0.isUppercase || $0 == "." }
                    pairs.append((hash, Match(entry: entryIndex, surnameOnly: alias.surnameOnly, words: words, capsOnly: acronym)))
                }
                entryIndex += 1
            }
        }
        return WordTable(hashedEntries: pairs, keepFirst: true)
    }()

    /// Longest alias in the gazetteer, in words.
    static let maximumAliasWords = 5

    /// Splits "Canonical|alias|*surname (m)" into aliases and gender.
    static func parse(_ line: String) -> (aliases: [(text: String, surnameOnly: Bool)], gender: Character?) {
        var body = Substring(line)
        var gender: Character?
        if body.hasSuffix(" (m)") || body.hasSuffix(" (f)") {
            gender = body[body.index(body.endIndex, offsetBy: -2)]
            body = body.dropLast(4)
        }
        let aliases = body.split(separator: "|").map { part -> (text: String, surnameOnly: Bool) in
            part.hasPrefix("*") ? (String(part.dropFirst()), true) : (String(part), false)
        }
        return (aliases, gender)
    }

    /// The hash of `count` tokens from `first`, as aliases are hashed.
    @inline(__always)
    static func phraseHash(_ tokens: [Token], _ first: Int, _ count: Int) -> UInt64 {
        var hash = tokens[first].hash
        for index in (first + 1)..<(first + count) { hash = WordHash.combine(hash, tokens[index].hash) }
        return hash
    }

    /// The gender recorded for a canonical person name, if any.
    ///
    /// Looked up by the name's ``WordHash`` in ``genderEntryByHash`` rather than by SipHash in
    /// ``genderByName``, which cost more than the rest of resolving an article's people. The
    /// entry found is confirmed by comparing names; only when a different name shares the hash
    /// (it differs in letter case) does the dictionary answer.
    static func genderOf(_ canonical: String) -> Character? {
        guard let entry = genderEntryByHash[WordHash.hash(bytesOf: canonical)] else { return nil }
        if entries[entry].canonical == canonical { return entries[entry].gender }
        return genderByName[canonical]
    }

    /// ``WordHash`` of a person's canonical name → the last entry with that name and a gender,
    /// as in ``genderByName``.
    static let genderEntryByHash: WordTable<Int> = {
        var pairs: [(UInt64, Int)] = []
        for (index, entry) in entries.enumerated() where entry.kind == .person && entry.gender != nil {
            pairs.append((WordHash.hash(bytesOf: entry.canonical), index))
        }
        return WordTable(hashedEntries: pairs, keepFirst: false)
    }()

    static let genderByName: [String: Character] = {
        var result: [String: Character] = [:]
        for entry in entries where entry.kind == .person {
            if let gender = entry.gender { result[entry.canonical] = gender }
        }
        return result
    }()
}
