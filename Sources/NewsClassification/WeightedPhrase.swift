/// A phrase whose every occurrence adds `weight` to its topic's evidence.
///
/// The text is matched after normalization (case, punctuation and simple
/// inflections are folded), so `"peace talks"` also finds "Peace Talk" and
/// "peace-talks". A negative weight penalises: use it for words that signal
/// a different subject (for example `colombia: -2` on a Syria topic).
public struct WeightedPhrase: Sendable, Equatable {
    public var text: String
    public var weight: Double

    public init(text: String, weight: Double) {
        self.text = text
        self.weight = weight
    }
}
