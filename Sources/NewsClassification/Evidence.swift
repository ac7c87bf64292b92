/// One piece of text that moved a topic's score, with where it was found.
///
/// Offsets are UTF-8 byte offsets into the title (`paragraph == -1`) or into
/// `paragraphs[paragraph]` exactly as passed to the classifier, so a UI can
/// highlight `start..<end`; `matched` is that slice.
public struct Evidence: Sendable, Equatable, Codable {
    /// The taxonomy phrase that fired, or for a proximity condition
    /// `"anchor + context (within N words)"`.
    public var phrase: String
    /// The text exactly as it appears at `start..<end`.
    public var matched: String
    /// -1 for the title, otherwise the index into the paragraphs.
    public var paragraph: Int
    /// UTF-8 byte offset of the first matched byte.
    public var start: Int
    /// UTF-8 byte offset one past the last matched byte.
    public var end: Int
    /// What this occurrence added to the topic's sum, after the title boost and
    /// repeat damping (see ``TopicClassifier``); negative when it penalised.
    public var weight: Double

    public init(phrase: String, matched: String, paragraph: Int, start: Int, end: Int, weight: Double) {
        self.phrase = phrase
        self.matched = matched
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.weight = weight
    }
}
