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

    /// Four bits spread to the low bit of four sixteen-bit lanes: 0b1011 → 0x0001_0000_0001_0001.
    static let laneSpread: [UInt64] = (0..<16).map { (bits: UInt64) in
        (0..<4).reduce(0) { lanes, lane in lanes | (((bits &>> UInt64(lane)) & 1) &<< UInt64(lane * 16)) }
    }

    static func detect(_ tokens: [Token]) -> String {
        let languages = StopwordProfiles.languages.count
        precondition(languages <= 8, "Lexicon.stopwords has eight language bits")
        var words = 0
        var best = 0
        var second = 0
        var bestIndex = 0
        // Counted in unsafe buffers (this runs once per word), on the stack rather than in an array.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: languages) { counts in
            counts.initialize(repeating: 0)
            tokens.withUnsafeBufferPointer { tokens in
                // Without a branch per word: whether a word has letters and which languages list
                // it as a stopword vary from word to word, so both are added as zeros and ones.
                // The eight language bits are summed in sixteen-bit lanes of two words, four
                // languages each, spread out by a table; at most `maximumTokens` words are
                // counted, so no lane overflows.
                var low: UInt64 = 0
                var high: UInt64 = 0
                LanguageDetector.laneSpread.withUnsafeBufferPointer { spread in
                    for token in tokens.prefix(maximumTokens) {
                        let letter: UInt32 = token.has(.hasLetter) ? 1 : 0
                        words &+= Int(letter)
                        let mask = token.stopMask & (0 &- letter)
                        low &+= spread[Int(mask & 0x0F)]
                        high &+= spread[Int(mask &>> 4 & 0x0F)]
                    }
                }
                for index in 0..<languages {
                    let lanes = index < 4 ? low : high
                    counts[index] = Int(truncatingIfNeeded: lanes &>> UInt64((index & 3) &* 16) & 0xFFFF)
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
