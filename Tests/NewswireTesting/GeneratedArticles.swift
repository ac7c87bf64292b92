internal import Foundation

/// Realistic articles in any number, made from the fixture articles so they
/// parse and classify like real ones. Shared by the integration tests and the
/// pipeline benchmark, so both feed the same kind of traffic.
///
/// Article `index`:
/// - opens with a fixture article that has at least one topic of the default
///   taxonomy (the labelled classification fixtures and the two seeds), taken
///   in turn, so every article reaches the topic stream;
/// - grows to a size drawn from `sizes` (UTF-8 bytes) with body paragraphs of
///   other on-topic fixtures, so topics vary and combine. Off-topic fixtures
///   are left out of the filler: some carry phrases the taxonomy weighs
///   against a topic, which could leave an article with none, and an article
///   without a topic never shows on the stream that the benchmark times;
/// - closes its body with a numbered paragraph, so each index has its own
///   content hash and article id.
///
/// A lead's trailing chrome (short lines such as "Share this article" or
/// "Leave a comment" after the last paragraph) stays at the end, after the
/// filler and the numbered paragraph, where a page has it: the parser ends an
/// article's body at such lines, so text placed after them would not count.
/// A lead's own first block is its title and always stays first.
///
/// The same index always gives the same text.
public struct GeneratedArticles: Sendable {
    /// The size range the text is grown into; a range at or below a lead's
    /// size leaves the lead as it is (plus the numbered paragraph).
    public let sizes: ClosedRange<Int>
    private let leads: [String]
    private let paragraphs: [String]

    /// The sizes of real wire stories: 2 to 8 KB.
    public static let realisticSizes = 2048...8192

    /// Reads the fixtures. `sizes` defaults to ``realisticSizes``.
    public init(sizes: ClosedRange<Int> = GeneratedArticles.realisticSizes) throws {
        let labels = try JSONDecoder().decode([String: [String]].self, from: Fixtures.data("classification/labels.json"))
        var leads: [String] = []
        var paragraphs: [String] = []
        for file in try Fixtures.files(in: "classification") where file.pathExtension == "txt" {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard labels[file.lastPathComponent]?.isEmpty == false else { continue }
            leads.append(text)
            // Body paragraphs only: the first block is the title, and blocks of fewer than
            // six words are the page's chrome ("Advertisement", "Share this article"), which
            // in the middle of a body could end the article there.
            paragraphs += text.components(separatedBy: "\n\n").dropFirst()
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.split(separator: " ").count >= 6 }
        }
        for file in try Fixtures.files(in: "seeds") where file.pathExtension == "txt" {
            leads.append(try String(contentsOf: file, encoding: .utf8))
        }
        guard !leads.isEmpty, !paragraphs.isEmpty else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: Fixtures.url("classification").path])
        }
        self.sizes = sizes
        self.leads = leads
        self.paragraphs = paragraphs
    }

    /// The text of article `index`.
    public func text(_ index: Int) -> String {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: index))
        let closing = "\n\nThis is dispatch number \(index) of the generated run."
        let (body, chrome) = Self.splitTrailingChrome(leads[index % leads.count])
        var text = body
        let reserved = closing.utf8.count + chrome.utf8.count
        let target = sizes.lowerBound + Int(random.next() % UInt64(sizes.count)) - reserved
        while text.utf8.count < target {
            let paragraph = paragraphs[Int(random.next() % UInt64(paragraphs.count))]
            if text.utf8.count + 2 + paragraph.utf8.count > sizes.upperBound - reserved { break }
            text += "\n\n" + paragraph
        }
        return text + closing + chrome
    }

    /// A lead split into its body and its trailing chrome: the last blocks of
    /// fewer than six words (a page's share and comment lines), with the blank
    /// lines before them. The title block is never taken as chrome.
    static func splitTrailingChrome(_ lead: String) -> (body: String, chrome: String) {
        var blocks = lead.components(separatedBy: "\n\n")
        var chrome: [String] = []
        while blocks.count > 2, let last = blocks.last,
              last.split(whereSeparator: { $0 == " " || $0 == "\n" }).count < 6 {
            chrome.insert(blocks.removeLast(), at: 0)
        }
        let body = blocks.joined(separator: "\n\n")
        return chrome.isEmpty ? (body, "") : (body, "\n\n" + chrome.joined(separator: "\n\n"))
    }

    /// The UTF-8 bytes of article `index`.
    public func bytes(_ index: Int) -> [UInt8] {
        Array(text(index).utf8)
    }
}
