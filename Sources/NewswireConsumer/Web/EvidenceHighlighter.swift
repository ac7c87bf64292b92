/// Marks the phrases that made each topic inside a paragraph's text, as HTML:
/// each matched range in `<mark class="tN">` (N the topic's colour), with the
/// topic and phrase in its `title`; everything else escaped.
///
/// Evidence comes as UTF-8 byte ranges (``ArticleDetail/Evidence``). Ranges
/// may overlap (two topics, or two phrases of one): the text is cut at every
/// range end, and each piece is marked with the first topic covering it and
/// titled with all of them. A range outside the text, or not on character
/// boundaries, is left out rather than cutting a character in two.
struct EvidenceHighlighter {
    struct Span {
        var start: Int
        var end: Int
        /// Colour index of the topic.
        var colour: Int
        /// "Syria peace talks: geneva conference".
        var note: String
    }

    var spans: [Span] = []

    /// `text` as HTML with the spans marked.
    func html(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func isBoundary(_ offset: Int) -> Bool {
            offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
        }
        let usable = spans.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= bytes.count && isBoundary($0.start) && isBoundary($0.end) }
        guard !usable.isEmpty else { return HTMLPage.escape(text) }
        let cuts = Set([0, bytes.count] + usable.flatMap { [$0.start, $0.end] }).sorted()
        var html = ""
        for (from, to) in zip(cuts, cuts.dropFirst()) {
            let piece = HTMLPage.escape(String(decoding: bytes[from..<to], as: UTF8.self))
            let covering = usable.filter { $0.start <= from && to <= $0.end }
            if let first = covering.first {
                var notes: [String] = []
                for span in covering where !notes.contains(span.note) { notes.append(span.note) }
                html += "<mark class=\"t\(first.colour % 6)\" title=\"\(HTMLPage.escape(notes.joined(separator: "; ")))\">\(piece)</mark>"
            } else {
                html += piece
            }
        }
        return html
    }
}
