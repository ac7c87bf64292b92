/// Decides whether an article's text was cut off.
///
/// A body is truncated when its last paragraph ends without terminal
/// punctuation (. ! ? … optionally followed by a closing quote or parenthesis),
/// or ends with an ellipsis ("...", "…", "[…]"), or was followed by a
/// "Continue reading"-style marker (see ``BoilerplateRules/truncationMarkers``).
enum TruncationDetector {
    static func isTruncated(_ p: UnsafeBufferPointer<UInt8>, lastParagraph range: Range<Int>, markerFollowed: Bool) -> Bool {
        if markerFollowed { return true }
        var end = range.upperBound
        while end > range.lowerBound, p[end - 1] == 0x20 { end -= 1 }
        guard end > range.lowerBound else { return true }
        // "[…]" and "[...]".
        if p[end - 1] == 0x5D { return true }
        // "..." and "…".
        if end - range.lowerBound >= 3, p[end - 1] == 0x2E, p[end - 2] == 0x2E, p[end - 3] == 0x2E { return true }
        if end - range.lowerBound >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80, p[end - 1] == 0xA6 { return true }
        return !BoilerplateClassifier.endsWithTerminal(p, range.lowerBound..<end)
    }
}
