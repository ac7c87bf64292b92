/// A direct quotation in an article body.
public struct Quote: Sendable, Equatable, Codable {
    /// The quoted words, without the quote marks and without a trailing comma.
    public var text: String
    /// Who said it: the canonical full name when it can be resolved ("John Kerry"),
    /// else the name as written without honorific; nil when unattributed or ambiguous.
    public var speaker: String?
    /// Index into ``ParsedArticle/paragraphs`` of the paragraph holding the quote.
    public var paragraph: Int

    public init(text: String, speaker: String? = nil, paragraph: Int) {
        self.text = text
        self.speaker = speaker
        self.paragraph = paragraph
    }
}
