/// One occurrence of an automaton pattern: where it is in words (for
/// proximity) and in bytes (for evidence).
struct PatternHit: Sendable {
    var pattern: Int32
    /// -1 for the title, otherwise the paragraph index.
    var segment: Int32
    /// First word index and one past the last, within the segment.
    var firstWord: Int32
    var endWord: Int32
    var start: Int
    var end: Int
}
