/// Guesses the language of a text from its stopword profile.
///
/// Each language's share of stopwords among the words is compared; the result
/// is "und" unless the best profile covers enough of the text and clearly
/// beats the runner-up.
enum LanguageDetector {
    /// Words beyond this many are not looked at; the opening is representative.
    static let maximumTokens = 1500
    /// Fewer words than this are too few to judge.
    static let minimumTokens = 8
    /// The best profile must cover at least this share of the words…
    static let minimumCoverage = 0.12
    /// …and have at least this many times the hits of the runner-up.
    static let minimumMargin = 1.25

    static func detect(_ tokens: [Token]) -> String {
        let languages = StopwordProfiles.languages.count
        var words = 0
        var best = 0
        var second = 0
        var bestIndex = 0
        // Counted in unsafe buffers (this runs once per word), on the stack rather than in an array.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: languages) { counts in
            counts.initialize(repeating: 0)
            tokens.withUnsafeBufferPointer { tokens in
                for token in tokens.prefix(maximumTokens) where token.has(.hasLetter) {
                    words &+= 1
                    var mask = token.stopMask
                    while mask != 0 {
                        counts[mask.trailingZeroBitCount] &+= 1
                        mask &= mask &- 1
                    }
                }
            }
            for (index, count) in counts.enumerated() {
                if count > best {
                    second = best
                    best = count
                    bestIndex = index
                } else if count > second {
                    second = count
                }
            }
        }
        guard words >= minimumTokens else { return "und" }
        guard Double(best) >= Double(words) * minimumCoverage, Double(best) >= Double(second) * minimumMargin else {
            return "und"
        }
        return StopwordProfiles.languages[bestIndex]
    }
}
