internal import Foundation

/// What an extractor (plain text or HTML) found, before the shared analysis.
///
/// Paragraphs live back to back in one byte buffer, separated by "\n", which
/// is exactly the normalized body the content hash is computed over.
struct ArticleDraft {
    var title = ""
    var subtitle: String?
    var byline: String?
    var publishedAt: Date?
    var body: [UInt8] = []
    var paragraphRanges: [Range<Int>] = []
    /// Paragraphs that open the body before its first own paragraph (a visible standfirst, which
    /// is also the subtitle): the dateline is looked for after them.
    var leadParagraphs = 0
    var removedLines: [String] = []
    /// A language declared by the page (`<html lang>`), used when detection is not confident.
    var languageHint: String?
    /// A "Continue reading"-style marker followed the last paragraph.
    var endsWithTruncationMarker = false
    /// The HTML fallback passes tried, when none found article text (for the `noContent` message).
    var rungsTried: [String] = []
    /// The body's tokens, when the extractor already has them (saves tokenizing twice).
    var tokens: [Token]?

    init(capacity: Int = 0) {
        body.reserveCapacity(capacity)
    }

    /// Appends one paragraph of normalized text.
    mutating func appendParagraph(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if !body.isEmpty { body.append(0x0A) }
        let start = body.count
        body.append(contentsOf: bytes)
        paragraphRanges.append(start..<body.count)
    }

    /// Appends one paragraph and its tokens, which were computed at `origin` in another buffer.
    mutating func appendParagraph(_ bytes: UnsafeBufferPointer<UInt8>, tokens lineTokens: ArraySlice<Token>, origin: Int) {
        guard !bytes.isEmpty else { return }
        appendParagraph(bytes)
        let shift = Int32(paragraphRanges[paragraphRanges.count - 1].lowerBound - origin)
        let line = Int32(paragraphRanges.count - 1)
        // Copied in bulk, then shifted in place: appending token by token costs a uniqueness
        // and capacity check per word.
        var all = tokens ?? []
        tokens = nil
        let first = all.count
        all.append(contentsOf: lineTokens)
        all.withUnsafeMutableBufferPointer { buffer in
            for index in first..<buffer.count {
                buffer[index].start &+= shift
                buffer[index].end &+= shift
                buffer[index].line = line
            }
        }
        tokens = all
    }

    /// The text of paragraph `index`.
    func paragraph(_ index: Int) -> String {
        body.withUnsafeBufferPointer { String(copyingValidUTF8: UnsafeBufferPointer(rebasing: $0[paragraphRanges[index]])) }
    }
}
