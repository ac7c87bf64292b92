/// Finds people, places and organizations in tokenized body text.
///
/// Two passes over the tokens. The first finds explicit mentions: a name after
/// an honorific or title ("Mr. Kerry", "Foreign Minister Sergey V. Lavrov"),
/// a gazetteer alias, a known first name or middle initial starting a name, an
/// organization ending in a head word ("Foreign Ministry"). The second
/// resolves lone surnames through fuller mentions in the same article, then
/// through the gazetteer, so "Mr. Kerry" becomes "John Kerry".
struct EntityRecognizer {
    /// One resolved mention of a person.
    struct PersonMention {
        /// Token range of the name (honorific excluded).
        var tokens: Range<Int>
        var name: String
        var gender: Character?
    }

    struct Result {
        var people: [String] = []
        var organizations: [String] = []
        var places: [String] = []
        var personMentions: [PersonMention] = []
    }

    /// A mention found by the first pass, before surnames are resolved.
    private struct RawPerson {
        var tokens: Range<Int>
        /// Gazetteer canonical name, when the full name or surname is known.
        var gazetteer: Int?
        var gender: Character?
        var single: Bool
        /// From an honorific or title, so it is a person even when unresolved.
        var titled: Bool
    }

    let p: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// ``Gazetteer/aliasIndex`` and ``Gazetteer/entries``, fetched once: a global's every use
    /// checks its lazy initialization, and these are used for most capitalized words.
    private let aliasIndex: WordTable<Gazetteer.Match>
    private let entries: [Gazetteer.Entry]

    init(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) {
        self.p = p
        self.tokens = tokens
        aliasIndex = Gazetteer.aliasIndex
        entries = Gazetteer.entries
    }

    func text(_ range: Range<Int>) -> String {
        String(copyingValidUTF8: UnsafeBufferPointer(rebasing: p[Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)]))
    }

    /// Whether tokens `a` and `a + 1` are adjacent words of one name: same sentence, only spaces or an initial's period between.
    @inline(__always)
    func joined(_ a: Int) -> Bool {
        let left = tokens[a], right = tokens[a + 1]
        guard left.sentence == right.sentence, left.line == right.line else { return false }
        let gap = Int(right.start - left.end)
        if gap == 1 { return p[Int(left.end)] == 0x20 }
        if gap == 2 { return p[Int(left.end)] == 0x2E && p[Int(left.end) + 1] == 0x20 && !left.has(.possessive) }
        return false
    }

    /// Whether a token can be part of a person's name.
    @inline(__always)
    func isNameWord(_ t: Token) -> Bool {
        if t.has(.initial) || t.has(.particleName) { return true }
        guard t.has(.capitalized), !t.has(.hasDigit), t.stopMask == 0 || t.has(.initial) else { return false }
        if t.isA(Lexicon.notName) { return false }
        if t.isA(Lexicon.honorific) && !t.has(.possessive) { return false }
        return true
    }

    /// The end of a name starting at `start` (at most five words).
    func nameEnd(from start: Int) -> Int {
        var j = start
        while j < tokens.count, j - start < 5 {
            let t = tokens[j]
            if j > start && !joined(j - 1) { break }
            if isNameWord(t) && !(t.has(.allCaps) && t.length > 3) {
                j += 1
            } else if j > start, t.isA(Lexicon.nameParticle), t.has(.lowercased), j + 1 < tokens.count,
                tokens[j + 1].has(.capitalized), joined(j)
            {
                j += 1
            } else {
                break
            }
            let last = tokens[j - 1]
            if last.has(.possessive) || last.has(.comma) || last.has(.particleName) { break }
            if last.has(.period) && !last.has(.initial) && !last.isA(Lexicon.honorific) { break }
        }
        return j
    }

    /// A title phrase at `i` ("Mr.", "Foreign Minister", "Secretary of State"): the index after it and its gender.
    func titleEnd(at i: Int, requireHonorificFirst: Bool) -> (end: Int, gender: Character?)? {
        var j = i
        var sawTitle = false
        var gender: Character?
        while j < tokens.count, j - i < 6 {
            let t = tokens[j]
            if j > i && !(joined(j - 1) || tokens[j - 1].has(.period) && tokens[j - 1].sentence == t.sentence) { break }
            if t.isA(Lexicon.honorific), t.has(.capitalized) || sawTitle {
                sawTitle = true
                if let g = Lexicon.gender(t.lexicon) { gender = g }
                j += 1
            } else if j > i || !requireHonorificFirst, t.isA(Lexicon.titleModifier),
                t.has(.capitalized) || (sawTitle || j > i) && t.has(.lowercased)
            {
                j += 1
            } else {
                break
            }
            if j == i + 1 && requireHonorificFirst && !sawTitle { return nil }
        }
        // Trailing modifiers ("of", "the") belong to the title only before a name.
        guard sawTitle, j < tokens.count, j > i, isNameWord(tokens[j]) else { return nil }
        return (j, gender)
    }

    /// The longest gazetteer alias starting at `i`.
    func alias(at i: Int) -> (Gazetteer.Match, Int)? {
        var hash: UInt64 = 0
        var best: (Gazetteer.Match, Int)?
        var k = 0
        while k < Gazetteer.maximumAliasWords, i + k < tokens.count {
            let t = tokens[i + k]
            if k > 0 {
                // Aliases continue with capitalized words or short joiners ("Bank of England", "al-Qaeda").
                guard joined(i + k - 1), t.has(.capitalized) || t.has(.particleName) || t.has(.hasDigit) || t.stopMask != 0
                    || t.isA(Lexicon.nameParticle)
                else { break }
            }
            hash = k == 0 ? t.hash : WordHash.combine(hash, t.hash)
            k += 1
            if let match = aliasIndex[hash], match.words == k {
                if !match.capsOnly || tokens[i].has(.allCaps) || t.has(.allCaps) { best = (match, k) }
            }
            if t.has(.possessive) || t.has(.comma) { break }
        }
        return best
    }

    /// An organization ending in a head word at `i`: "Russian Foreign Ministry", "Ministry of Defense".
    func organizationEnd(at i: Int) -> Int? {
        var j = i
        var head: Int?
        while j < tokens.count, j - i < 7 {
            let t = tokens[j]
            if j > i && !joined(j - 1) { break }
            if t.has(.capitalized) && !t.has(.hasDigit) {
                if t.isA(Lexicon.organizationHead) { head = j }
            } else if j > i, t.has(.lowercased), t.stopMask != 0, j + 1 < tokens.count, tokens[j + 1].has(.capitalized),
                t.length <= 3
            {
                // "of", "for", "de" inside a name.
            } else {
                break
            }
            j += 1
            if t.has(.possessive) || t.has(.comma) { break }
        }
        guard let head else { return nil }
        var end = head + 1
        if head == i {
            // A lone head word needs an "of X" complement: "Ministry of Defense".
            guard end + 1 < tokens.count, tokens[end].stopMask != 0, tokens[end].has(.lowercased),
                tokens[end + 1].has(.capitalized), joined(head), joined(end)
            else { return nil }
            end += 2
            while end < tokens.count, tokens[end].has(.capitalized), joined(end - 1), end - head < 5 { end += 1 }
        }
        return end
    }

    /// The surname key of a name's last word, without "al-"/"el-" prefixes.
    func surnameKey(_ index: Int) -> UInt64 {
        let t = tokens[index]
        var start = Int(t.start)
        let end = Int(t.end)
        guard t.has(.particleName) else { return t.hash }  // the token's own hash covers the same bytes
        if let hyphen = (start..<end).first(where: { p[$0] == 0x2D }) { start = hyphen + 1 }
        return WordHash.hash(p.baseAddress! + start, end - start)
    }

    func recognize(extraPlaces: [String] = []) -> Result {
        var result = Result()
        var raw: [RawPerson] = []
        // Room for a mention per eight words, so the list rarely grows.
        raw.reserveCapacity(tokens.count / 8 + 8)
        var places = DistinctNames()
        var organizations = DistinctNames()
        for place in extraPlaces { _ = places.insert(place) }

        func addPlace(_ name: String) { _ = places.insert(name) }
        func addOrganization(_ name: String) { _ = organizations.insert(name) }
        // Gazetteer entries already added: their names are in the lists, so they need no hashing
        // again. Allocated at the first place or organization found.
        var entryAdded: [Bool] = []
        func isFirstMention(_ entry: Int) -> Bool {
            if entryAdded.isEmpty { entryAdded = [Bool](filledWith: false, count: entries.count) }
            if entryAdded[entry] { return false }
            entryAdded[entry] = true
            return true
        }

        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            guard t.has(.capitalized) || t.has(.particleName) else {
                i += 1
                continue
            }
            // 1. An honorific or title followed by a name.
            if t.isA(Lexicon.honorific), let (start, gender) = titleEnd(at: i, requireHonorificFirst: true) {
                let end = nameEnd(from: start)
                if end > start {
                    raw.append(person(start..<end, gender: gender, titled: true))
                    i = end
                    continue
                }
            }
            // 2. A gazetteer alias.
            if let (match, words) = alias(at: i) {
                // The entry's fields are read in place: copying the entry retained its strings.
                switch entries[match.entry].kind {
                case .place:
                    if isFirstMention(match.entry) { addPlace(entries[match.entry].canonical) }
                case .organization:
                    if isFirstMention(match.entry) { addOrganization(entries[match.entry].canonical) }
                case .person:
                    // A known full name may continue ("John F. Kerry"); take the longer written form.
                    raw.append(
                        RawPerson(
                            tokens: i..<(i + words), gazetteer: match.entry,
                            gender: entries[match.entry].gender, single: match.surnameOnly, titled: false))
                }
                i += words
                continue
            }
            // 3. A title led by a modifier: "Foreign Minister Sergei Lavrov", "Defense Secretary Chuck Hagel".
            if t.isA(Lexicon.titleModifier), let (start, gender) = titleEnd(at: i, requireHonorificFirst: false) {
                let end = nameEnd(from: start)
                if end > start {
                    raw.append(person(start..<end, gender: gender, titled: true))
                    i = end
                    continue
                }
            }
            // 4. A first name or a middle initial starting a full name.
            if isNameWord(t) && !t.has(.initial) && !t.has(.allCaps), i + 1 < n, joined(i) {
                let next = tokens[i + 1]
                let byFirstName = t.isA(Lexicon.firstName) && isNameWord(next)
                let byInitial = next.has(.initial) && i + 2 < n && joined(i + 1) && isNameWord(tokens[i + 2])
                let end = byFirstName || byInitial || isNameWord(next) ? nameEnd(from: i) : i
                // Two or three capitalized words right before or after a verb of saying: "said Jane Morris".
                let bySpeech = end >= i + 2 && end <= i + 3
                    && ((i > 0 && tokens[i - 1].sentence == t.sentence && tokens[i - 1].isA(Lexicon.speechVerb))
                        || (end < n && tokens[end].sentence == t.sentence && !tokens[end - 1].has(.comma)
                            && tokens[end].isA(Lexicon.speechVerb)))
                // "Bahnchef Richard Lehmann": a title-like word before a known first name is not part of the name.
                let firstNameLater = !byFirstName && (i + 1..<max(i + 1, end)).contains { tokens[$0].isA(Lexicon.firstName) }
                if (byFirstName || byInitial || bySpeech) && !firstNameLater {
                    if end >= i + 2 {
                        raw.append(person(i..<end, gender: nil, titled: false))
                        i = end
                        continue
                    }
                }
            }
            // 5. An organization with a head word.
            if t.stopMask == 0, let end = organizationEnd(at: i) {
                addOrganization(text(i..<end))
                i = end
                continue
            }
            // 6. A lone capitalized word: a surname candidate for the second pass.
            if isNameWord(t) && !t.has(.sentenceStart) || (isNameWord(t) && t.has(.sentenceStart) && i + 1 < n && tokens[i + 1].has(.lowercased)) {
                raw.append(
                    RawPerson(tokens: i..<(i + 1), gazetteer: nil, gender: nil, single: true, titled: false))
            }
            i += 1
        }

        // Second pass: full names give surnames to the lone mentions.
        // Full names only; lone surnames get theirs below.
        // The mentions are read in place, field by field, in these loops: iterating over them
        // copied each one, retaining and releasing its gender.
        var canonical: [String] = raw.indices.map { index in
            if raw[index].single { return "" }
            if let entry = raw[index].gazetteer { return entries[entry].canonical }
            return text(raw[index].tokens)
        }
        // Surname hash → the full-name mention whose canonical name it stands for, or -1 when
        // two different people share the surname (ambiguous). Full names keep their canonical
        // entries below, so the index stays valid.
        var bySurname = WordTable<Int>(capacityFor: raw.count)
        for index in raw.indices where !raw[index].single {
            bySurname.insert(surnameKey(raw[index].tokens.upperBound - 1), index) { owner, _ in
                owner >= 0 && canonical[owner] == canonical[index] ? owner : -1
            }
        }
        // Mentions refer to their person by index in `people`.
        var people = DistinctNames()
        var genders: [Character?] = []
        var mentionPeople: [Int] = []
        // At most one of each per mention: allocated once rather than grown.
        genders.reserveCapacity(raw.count)
        mentionPeople.reserveCapacity(raw.count)
        result.personMentions.reserveCapacity(raw.count)
        for index in raw.indices {
            var name: String?
            if raw[index].single {
                let key = surnameKey(raw[index].tokens.upperBound - 1)
                if let owner = bySurname[key], owner >= 0 {
                    name = canonical[owner]
                } else if let entry = raw[index].gazetteer {
                    name = entries[entry].canonical
                } else if let match = aliasIndex[tokens[raw[index].tokens.lowerBound].hash], match.surnameOnly,
                    entries[match.entry].kind == .person
                {
                    name = entries[match.entry].canonical
                } else if raw[index].titled {
                    name = text(raw[index].tokens)
                }
            } else {
                name = canonical[index]
            }
            guard let name else { continue }
            canonical[index] = name
            let (person, inserted) = people.insert(name)
            if inserted { genders.append(nil) }
            if let gender = raw[index].gender { genders[person] = gender }
            mentionPeople.append(person)
            result.personMentions.append(PersonMention(tokens: raw[index].tokens, name: name, gender: nil))
        }
        // A gender seen in the text wins over the gazetteer's.
        for person in people.names.indices where genders[person] == nil {
            genders[person] = Gazetteer.genderOf(people.names[person])
        }
        for index in result.personMentions.indices {
            result.personMentions[index].gender = genders[mentionPeople[index]]
        }
        result.people = people.names
        result.places = places.names
        result.organizations = organizations.names
        return result
    }

    private func person(_ range: Range<Int>, gender: Character?, titled: Bool) -> RawPerson {
        let single = range.count == 1
        var gazetteer: Int?
        if let match = aliasIndex[Gazetteer.phraseHash(tokens, range.lowerBound, range.count)],
            entries[match.entry].kind == .person, match.words == range.count
        {
            gazetteer = match.entry
        }
        return RawPerson(tokens: range, gazetteer: gazetteer, gender: gender, single: single, titled: titled)
    }
}
