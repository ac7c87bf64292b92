/// Reads author names from "By …" lines and byline elements.
///
/// "By Michael R. Gordon" gives "Michael R. Gordon"; the prefix may be in any
/// supported language ("Von", "Par", "Por", "Di", "Door"). Trailing roles and
/// outlets ("…, Associated Press", "… | Staff Writer", "… on June 4") are cut.
enum BylineParser {
    static let prefixes: Set<String> = ["by", "von", "par", "por", "di", "door", "de", "written by", "story by", "text:", "autor:", "author:"]
    /// Words that end the names: roles and outlets.
    static let roleWords: Set<String> = [
        "staff", "writer", "reporter", "correspondent", "editor", "associated", "press", "reuters", "news", "times",
        "bureau", "chief", "senior", "contributor", "contributing", "columnist", "special", "agency", "the", "for",
        "and", "et", "und", "y", "e", "en", "updated", "published", "redaktion", "rédaction", "redacción",
    ]
    /// Joiners between several names.
    static let joiners: Set<String> = ["and", "und", "et", "y", "e", "en", "&"]
    /// First words of byline prefixes, to rule lines out without building strings.
    static let prefixWordList = ["by", "von", "par", "por", "di", "door", "de", "written", "story", "text", "autor", "author"]

    /// A byline longer than this (in words) is a sentence, not a byline.
    static let maximumWords = 12

    /// The names in a byline line, or nil when the line is not a byline.
    /// With `requirePrefix` false (HTML byline elements), a bare "Anna Keller" is accepted.
    static func parse(_ line: String, requirePrefix: Bool = true) -> String? {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty, words.count <= maximumWords + 2 else { return nil }
        let first = words[0].lowercased().trimming(":")
        if prefixes.contains(first) || prefixes.contains(words[0].lowercased()) {
            words.removeFirst()
        } else if words.count > 1, prefixes.contains((words[0] + " " + words[1]).lowercased()) {
            words.removeFirst(2)
        } else if requirePrefix {
            return nil
        }
        if let firstName = words.first, firstName == ":" { words.removeFirst() }
        var names: [String] = []
        for word in words {
            let lower = word.lowercased()
            if word == "|" || word == "—" || word == "–" || word == "-" || word == "•" || word == "·" { break }
            // An initial ("E.", "J.R.") is part of a name even where its letter is also a joiner or
            // role word in some language ("E." in "ANDREW E. KRAMER" is not Portuguese "e").
            if isInitial(word) {
                names.append(word)
                continue
            }
            if joiners.contains(lower) {
                if names.isEmpty { return nil }
                names.append(word)
                continue
            }
            guard let first = word.unicodeScalars.first, first.properties.isUppercase || word.count <= 3 && word.hasSuffix(".") else {
                break
            }
            if roleWords.contains(lower.trimming(",.")) { break }
            if word.hasSuffix(",") {
                names.append(String(word.dropLast()))
                names.append(",")
                continue
            }
            names.append(word)
        }
        while let last = names.last, joiners.contains(last.lowercased()) || last == "," { names.removeLast() }
        guard !names.isEmpty, names.contains(where: { $0.count > 2 }) else { return nil }
        // Names set in capitals ("ANDREW E. KRAMER", a typographic style) are given in title case;
        // a lone capitalised word is left alone, as it is more often an agency ("AFP") than a name.
        if names.allSatisfy({ $0 == "," || $0.uppercased() == $0 }),
            names.count(where: { $0 != "," && !isInitial($0) && !joiners.contains($0.lowercased()) }) >= 2
        {
            names = names.map { joiners.contains($0.lowercased()) ? $0.lowercased() : titleCased($0) }
        }
        var result = ""
        for name in names {
            if name == "," {
                result += ","
            } else {
                result += result.isEmpty ? name : " " + name
            }
        }
        return result
    }

    /// "E.", "J.R.", "É.": capital letters each followed by a period.
    static func isInitial(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
        for index in stride(from: 0, to: scalars.count, by: 2)
        where !scalars[index].properties.isUppercase || scalars[index + 1] != "." {
            return false
        }
        return true
    }

    /// "KRAMER" → "Kramer", "JEAN-PIERRE" → "Jean-Pierre", "O'BRIEN" → "O'Brien"; initials stay.
    static func titleCased(_ word: String) -> String {
        var result = ""
        var atStart = true
        for character in word {
            result += atStart ? character.uppercased() : character.lowercased()
            atStart = character == "-" || character == "'" || character == "’" || character == "."
        }
        return result
    }
}
