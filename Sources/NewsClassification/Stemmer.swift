/// Folds simple English inflections so "talks", "talked" and "talking" all
/// match a phrase written as "talk". Deliberately small and predictable
/// (a few Porter-style suffix rules) rather than linguistically complete;
/// both phrases and article words go through it, so it only has to be
/// consistent. Words under 4 bytes are left alone. In order:
///
/// 1. Plurals, in words of 5+ bytes: `-ies` → `-y` (supplies → supply);
///    `-es` after s, x, z, ch, sh is dropped (taxes → tax); otherwise a
///    final `-s` is dropped unless the word ends in `ss`, `us` or `is`
///    (talks → talk, weapons → weapon, but Damascus, process, crisis stay).
///    Four-letter plurals keep their `s`, which keeps "arms" (weapons) apart
///    from arm/armed/arming and "news" apart from "new".
/// 2. Verb endings: `-ied` → `-y` (supplied → supply); `-ed` and `-ing` are
///    dropped when at least 3 bytes with a vowel remain (talked, talking →
///    talk; supplying → supply), then a doubled final consonant other than
///    l, s, z is undoubled (shipped → ship).
/// 3. If step 2 removed nothing: `-tion`/`-sion` lose `-ion` when 5+ bytes
///    remain (extradition → extradit, transition → transit).
/// 4. If step 2 removed nothing: a final `-e` is dropped from words of 4+
///    bytes (extradite → extradit, conference → conferenc, negotiate →
///    negotiat), which lines up with step 2 (extradited → extradit).
///
/// So talk/talks/talked/talking → `talk`, supply/supplies/supplied/supplying
/// → `supply`, weapon/weapons → `weapon`, extradite/extradited/extradition →
/// `extradit`. Known misses: "expelled" → `expell` (the l is not undoubled),
/// irregular forms (sent, gave) and -ion nouns after other letters.
enum Stemmer {
    /// Stems the ASCII suffix of `word[0..<length]` in place; returns the new length.
    @inline(__always)
    static func stem(_ word: UnsafeMutablePointer<UInt8>, length: Int) -> Int {
        var n = length
        guard n >= 4 else { return n }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e"), y = UInt8(ascii: "y")
        let last = word[n - 1]
        guard last == s || last == e || last == UInt8(ascii: "d") || last == UInt8(ascii: "g")
            || last == UInt8(ascii: "n") else { return n }

        // 1. Plurals.
        if last == s {
            let before = word[n - 2]
            if n >= 5, before == e, word[n - 3] == UInt8(ascii: "i") {
                word[n - 3] = y
                n -= 2
            } else if n >= 5, before == e, isSibilant(word, n - 2) {
                n -= 2
            } else if n >= 5, before != s, before != UInt8(ascii: "u"), before != UInt8(ascii: "i") {
                n -= 1
            }
        }

        // 2. Verb endings.
        var removed = false
        if n >= 5, ends(word, n, "ied") {
            word[n - 3] = y
            n -= 2
            removed = true
        } else if n - 2 >= 3, ends(word, n, "ed"), hasVowel(word, n - 2) {
            n = undouble(word, n - 2)
            removed = true
        } else if n - 3 >= 3, ends(word, n, "ing"), hasVowel(word, n - 3) {
            n = undouble(word, n - 3)
            removed = true
        }
        guard !removed else { return n }

        // 3. -tion / -sion.
        if n >= 8, ends(word, n, "ion"), word[n - 4] == UInt8(ascii: "t") || word[n - 4] == s {
            return n - 3
        }
        // 4. Final e.
        if n >= 4, word[n - 1] == e { n -= 1 }
        return n
    }

    @inline(__always)
    private static func ends(_ word: UnsafeMutablePointer<UInt8>, _ n: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard n >= count else { return false }
        let bytes = suffix.utf8Start
        for k in 0..<count where word[n - count + k] != bytes[k] { return false }
        return true
    }

    /// Whether `word[0..<end]` ends in s, x, z, ch or sh.
    @inline(__always)
    private static func isSibilant(_ word: UnsafeMutablePointer<UInt8>, _ end: Int) -> Bool {
        let c = word[end - 1]
        if c == UInt8(ascii: "s") || c == UInt8(ascii: "x") || c == UInt8(ascii: "z") { return true }
        if c == UInt8(ascii: "h"), end >= 2 {
            let b = word[end - 2]
            return b == UInt8(ascii: "c") || b == UInt8(ascii: "s")
        }
        return false
    }

    @inline(__always)
    private static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "y")
    }

    @inline(__always)
    private static func hasVowel(_ word: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where isVowel(word[k]) { return true }
        return false
    }

    /// Drops one of a doubled final consonant, except l, s and z.
    @inline(__always)
    private static func undouble(_ word: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        guard n >= 2 else { return n }
        let c = word[n - 1]
        guard c == word[n - 2], c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z"), !isVowel(c),
              c != UInt8(ascii: "l"), c != UInt8(ascii: "s"), c != UInt8(ascii: "z") else { return n }
        return n - 1
    }
}
