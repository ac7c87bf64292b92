internal import Foundation

/// Reads publication dates from meta values and from date lines near the top.
///
/// Hand-written on bytes (no `DateFormatter`, no locale): ISO 8601
/// ("2013-07-02T09:45:00-04:00"), month names in the supported languages
/// ("Tuesday, July 2, 2013 9:45 AM EDT", "2. Juli 2013", "2 de julio de 2013"),
/// and numeric dates ("02.07.2013", "2013/07/02"). Without a zone, UTC is assumed,
/// so the result never depends on the machine it runs on.
enum DateParser {
    /// Month names and abbreviations → month number.
    static let months: [String: Int] = {
        let lists: [[String]] = [
            ["january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "janv", "ene", "gen", "jän", "jänner"],
            ["february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "févr", "fév", "fev"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mär", "mrt"],
            ["april", "apr", "avril", "abril", "aprile", "avr", "abr"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "mag"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "junho", "giu"],
            ["july", "jul", "juli", "juillet", "julio", "luglio", "julho", "juil", "lug"],
            ["august", "aug", "août", "aout", "agosto", "augustus", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "set"],
            ["october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "ott", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "dez", "déc", "dic"],
        ]
        var result: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names where result[name] == nil { result[name] = index + 1 }
        }
        return result
    }()

    /// Whether tokenized text may hold a date: a number next to a month name, or a number with separators.
    static func mayContainDate(_ p: UnsafeBufferPointer<UInt8>, _ tokens: ArraySlice<Token>) -> Bool {
        var digits = false
        for token in tokens {
            if token.isA(Lexicon.month) { return tokens.contains { $0.has(.hasDigit) } }
            if token.has(.hasDigit) {
                if digits { return true }
                digits = true
                // "2013-06-04" is one token.
                if token.length >= 8 { return true }
            }
        }
        return false
    }

    /// Time zone abbreviations → offset from UTC in minutes.
    static let zones: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "mez": 60, "mesz": 120, "bst": 60, "eet": 120,
        "eest": 180, "msk": 180, "jst": 540, "ist": 330,
    ]

    /// Words that may surround a date on a date line.
    static let dateLineWords: Set<String> = [
        "published", "updated", "posted", "last", "modified", "on", "at", "am", "pm", "a", "m", "p", "uhr",
        "veröffentlicht", "aktualisiert", "am", "um", "publié", "le", "à", "mis", "jour", "publicado", "el", "de",
        "actualizado", "pubblicato", "il", "alle", "gepubliceerd", "op", "om", "et", "updated:", "published:",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
        "giovedì", "venerdì", "sabato", "domenica", "time", "date", "er", "st", "nd", "rd", "th", "h",
    ]

    /// A word or number on a line.
    private struct Atom {
        var word: String?
        var number: Int?
        var digits = 0
        /// The byte right after the atom.
        var next: UInt8 = 0
    }

    private static func atoms(_ p: UnsafeBufferPointer<UInt8>) -> [Atom] {
        var result: [Atom] = []
        var i = 0
        while i < p.count {
            let b = p[i]
            if (b &- 0x30) < 10 {
                var value = 0
                var digits = 0
                while i < p.count, (p[i] &- 0x30) < 10, digits < 9 {
                    value = value * 10 + Int(p[i] - 0x30)
                    digits += 1
                    i += 1
                }
                result.append(Atom(word: nil, number: value, digits: digits, next: i < p.count ? p[i] : 0))
            } else if b >= 0x80 || ((b | 0x20) &- 0x61) < 26 {
                let start = i
                while i < p.count, p[i] >= 0x80 || ((p[i] | 0x20) &- 0x61) < 26 { i += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self).lowercased()
                result.append(Atom(word: word, number: nil, next: i < p.count ? p[i] : 0))
            } else {
                i += 1
            }
        }
        return result
    }

    /// Parses a date anywhere in `p`; `coverage` is the share of words and numbers that belong to the date.
    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> (date: Date, coverage: Double)? {
        if let date = parseISO(p) { return (date, 1) }
        let list = atoms(p)
        guard !list.isEmpty else { return nil }
        var used = [Bool](filledWith: false, count: list.count)
        var year: Int?
        var month: Int?
        var day: Int?
        // Month by name, with the day next to it.
        for (index, atom) in list.enumerated() {
            guard let word = atom.word, let m = months[word.hasSuffix(".") ? String(word.dropLast()) : word] else { continue }
            month = m
            used[index] = true
            if index + 1 < list.count, let d = list[index + 1].number, list[index + 1].digits <= 2, (1...31).contains(d) {
                day = d
                used[index + 1] = true
            } else if index > 0, let d = list[index - 1].number, list[index - 1].digits <= 2, (1...31).contains(d) {
                day = d
                used[index - 1] = true
            } else if index > 1, list[index - 1].word == "de", let d = list[index - 2].number, (1...31).contains(d) {
                day = d
                used[index - 2] = true
                used[index - 1] = true
            }
            break
        }
        if let m = month, day != nil {
            month = m
            for (index, atom) in list.enumerated() where !used[index] && atom.digits == 4 {
                if let y = atom.number, (1900...2100).contains(y) {
                    year = y
                    used[index] = true
                    break
                }
            }
        } else {
            // Numeric: d.m.y, m/d/y, y-m-d, y/m/d.
            month = nil
            day = nil
            var index = 0
            while index + 2 < list.count {
                let a = list[index], b = list[index + 1], c = list[index + 2]
                if let x = a.number, let y = b.number, let z = c.number, isDateSeparator(a.next), a.next == b.next {
                    if a.digits == 4 {
                        (year, month, day) = (x, y, z)
                    } else if c.digits == 4 || c.digits == 2 {
                        let fullYear = c.digits == 2 ? 2000 + z : z
                        if a.next == 0x2F && x <= 12 {
                            (year, month, day) = (fullYear, x, y)  // US style m/d/y
                        } else {
                            (year, month, day) = (fullYear, y, x)
                        }
                    }
                    if year != nil {
                        used[index] = true
                        used[index + 1] = true
                        used[index + 2] = true
                        break
                    }
                }
                index += 1
            }
        }
        guard let y = year, let m = month, let d = day, (1...12).contains(m), (1...31).contains(d), (1900...2100).contains(y) else {
            return nil
        }
        // Time and zone.
        var seconds = 0
        var offsetMinutes = 0
        var index = 0
        while index + 1 < list.count {
            let a = list[index]
            if !used[index], let hour = a.number, a.next == 0x3A || (a.next == 0x2E && list[index + 1].digits == 2 && index + 2 < list.count && list[index + 2].word == "uhr"),
                let minute = list[index + 1].number, hour < 24, minute < 60
            {
                var h = hour
                used[index] = true
                used[index + 1] = true
                var k = index + 2
                if list[index + 1].next == 0x3A, k < list.count, let second = list[k].number, second < 60 {
                    seconds += second
                    used[k] = true
                    k += 1
                }
                if k < list.count, let word = list[k].word {
                    if word == "pm" || (word == "p" && k + 1 < list.count && list[k + 1].word == "m") {
                        if h < 12 { h += 12 }
                    } else if word == "am" || (word == "a" && k + 1 < list.count && list[k + 1].word == "m") {
                        if h == 12 { h = 0 }
                    }
                }
                seconds += h * 3600 + minute * 60
                break
            }
            index += 1
        }
        for atom in list {
            if let word = atom.word, let zone = zones[word] {
                offsetMinutes = zone
                break
            }
        }
        var words = 0
        var dateWords = 0
        for (index, atom) in list.enumerated() {
            words += 1
            if used[index] || (atom.word.map { dateLineWords.contains($0) || zones[$0] != nil || months[$0] != nil } ?? false) {
                dateWords += 1
            }
        }
        let days = daysFromCivil(year: y, month: m, day: d)
        let interval = Double(days * 86_400 + seconds - offsetMinutes * 60)
        return (Date(timeIntervalSince1970: interval), Double(dateWords) / Double(max(words, 1)))
    }

    private static func isDateSeparator(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2F || b == 0x2D
    }

    /// ISO 8601 at the start of `p` (after spaces): a date, optionally a time and zone.
    static func parseISO(_ p: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        while i < p.count, p[i] == 0x20 { i += 1 }
        func number(_ count: Int) -> Int? {
            guard i + count <= p.count else { return nil }
            var value = 0
            for k in 0..<count {
                let b = p[i + k]
                guard (b &- 0x30) < 10 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += count
            return value
        }
        func accept(_ b: UInt8) -> Bool {
            if i < p.count, p[i] == b {
                i += 1
                return true
            }
            return false
        }
        guard let year = number(4), accept(0x2D), let month = number(2), accept(0x2D), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = 0
        var offset = 0
        if accept(0x54) || accept(0x74) || accept(0x20) {
            guard let hour = number(2), accept(0x3A), let minute = number(2) else { return nil }
            seconds = hour * 3600 + minute * 60
            if accept(0x3A), let second = number(2) { seconds += second }
            if accept(0x2E) || accept(0x2C) { while i < p.count, (p[i] &- 0x30) < 10 { i += 1 } }
            if accept(0x5A) || accept(0x7A) {
                offset = 0
            } else if i < p.count, p[i] == 0x2B || p[i] == 0x2D {
                let sign = p[i] == 0x2D ? -1 : 1
                i += 1
                guard let hours = number(2) else { return nil }
                _ = accept(0x3A)
                let minutes = number(2) ?? 0
                offset = sign * (hours * 60 + minutes)
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + seconds - offset * 60))
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Parses a date in a Swift string (meta values, `<time datetime>`).
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { parse($0)?.date }
    }
}
