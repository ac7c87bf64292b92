internal import CNewsText
internal import Foundation

/// Normalizes text on UTF-8 bytes into trimmed lines.
///
/// It collapses whitespace and indentation, drops invisible characters
/// (zero-width, soft hyphen, BOM, bidi controls), turns NBSP and other Unicode
/// spaces into plain spaces. The author's quote characters („…“, «…», "…") are
/// kept: they are part of the text a reader sees. With ``foldsQuotes`` set it
/// also rewrites every double-quote style (‘‘ ’’, ``'', ,,'', „“, straight
/// quotes) to “ ”: that folded form is what the content hash is computed from
/// (``foldingQuotes(_:)``), so two copies of an article that differ only in
/// those respects hash the same. NFC is applied through Foundation only for lines
/// that hold a scalar which might compose; ASCII and precomposed Latin,
/// Cyrillic and punctuation take the byte path.
struct TextNormalizer {
    /// One output line: its bytes in ``bytes`` and the block (run of lines without a blank line) it belongs to.
    struct Line {
        var range: Range<Int>
        var block: Int
    }

    /// The normalized text; every line is followed by one "\n" (not part of its range).
    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []
    private var block = 0
    private var sawBlankLine = false
    private var lineStart = 0
    private var pendingSpace = false
    private var quoteOpen = false
    private var lastScalar: UInt32 = 0
    private var linesNeedingNFC: [Int] = []
    private var currentNeedsNFC = false
    /// HTML mode: line breaks in the input are plain whitespace; lines end only at ``endLine()``.
    var newlinesAreSpaces = false
    /// Rewrite every double-quote style to “ ” (and apostrophes to ’), for comparison only, never for output.
    var foldsQuotes = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        // Room for a line per 32 bytes: the array no longer grows 1, 2, 4, 8, 16 for an article.
        lines.reserveCapacity(capacity / 32 + 8)
    }

    /// Normalizes a whole text in one go.
    static func normalize(_ p: UnsafeBufferPointer<UInt8>) -> TextNormalizer {
        var normalizer = TextNormalizer(capacity: p.count)
        normalizer.append(p)
        normalizer.finish()
        return normalizer
    }

    /// Lines separated by "\n" (a body) with every quote style folded to “ ”: the form the
    /// content hash is computed over, so it does not change with the page's quote style.
    static func foldingQuotes(_ text: [UInt8]) -> [UInt8] {
        var normalizer = TextNormalizer(capacity: text.count + text.count / 8)
        normalizer.foldsQuotes = true
        text.withUnsafeBufferPointer { normalizer.append($0) }
        normalizer.finish()
        var bytes = normalizer.bytes
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    /// Starts a new block, as a blank line would.
    mutating func breakBlock() {
        endLine()
        sawBlankLine = true
    }

    /// Ends the current line, if it has content.
    mutating func endLine() {
        if bytes.count > lineStart {
            lines.append(Line(range: lineStart..<bytes.count, block: block))
            if currentNeedsNFC { linesNeedingNFC.append(lines.count - 1) }
            bytes.append(0x0A)
        } else if !lines.isEmpty {
            sawBlankLine = true
        }
        lineStart = bytes.count
        pendingSpace = false
        quoteOpen = false
        lastScalar = 0
        currentNeedsNFC = false
    }

    /// Ends the last line and applies NFC where needed.
    mutating func finish() {
        endLine()
        guard !linesNeedingNFC.isEmpty else { return }
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(bytes.count)
        var next = 0
        for index in lines.indices {
            let range = lines[index].range
            let start = rebuilt.count
            if next < linesNeedingNFC.count, linesNeedingNFC[next] == index {
                next += 1
                let text = String(decoding: bytes[range], as: UTF8.self)
                rebuilt.append(contentsOf: text.precomposedStringWithCanonicalMapping.utf8)
            } else {
                rebuilt.append(contentsOf: bytes[range])
            }
            lines[index].range = start..<rebuilt.count
            rebuilt.append(0x0A)
        }
        bytes = rebuilt
        linesNeedingNFC.removeAll()
    }

    @inline(__always)
    private mutating func startContent() {
        if bytes.count == lineStart {
            if sawBlankLine && !lines.isEmpty { block += 1 }
            sawBlankLine = false
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingSpace = false
    }

    @inline(__always)
    private mutating func emit(_ b: UInt8) {
        startContent()
        bytes.append(b)
        lastScalar = UInt32(b)
    }

    private mutating func emitOpeningQuote() {
        startContent()
        bytes.append(contentsOf: [0xE2, 0x80, 0x9C])
        lastScalar = 0x201C
        quoteOpen = true
    }

    private mutating func emitClosingQuote() {
        startContent()
        bytes.append(contentsOf: [0xE2, 0x80, 0x9D])
        lastScalar = 0x201D
        quoteOpen = false
    }

    private mutating func emitScalar(_ v: UInt32) {
        startContent()
        InputDecoder.appendScalar(v, to: &bytes)
        lastScalar = v
    }

    /// Appends raw text; newlines end lines, blank lines end blocks.
    mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
        (foldsQuotes ? TextNormalizer.verbatim : TextNormalizer.verbatimKeepingQuotes).withUnsafeBufferPointer {
            verbatim in append(p, verbatim: verbatim)
        }
    }

    /// Printable ASCII that is copied as is (everything but quotes, apostrophes, backticks and commas);
    /// the same set as `is_verbatim` in CNewsText, which finds where such runs end.
    static let verbatim: [Bool] = (0..<256).map { b in
        b >= 0x21 && b < 0x7F && b != 0x22 && b != 0x27 && b != 0x2C && b != 0x60
    }

    /// Printable ASCII copied as is when quotes are kept: the run scan in CNewsText stops at
    /// quotes and commas too, and the loop below simply copies them and scans on.
    static let verbatimKeepingQuotes: [Bool] = (0..<256).map { b in b >= 0x21 && b < 0x7F }

    private mutating func append(_ p: UnsafeBufferPointer<UInt8>, verbatim: UnsafeBufferPointer<Bool>) {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            if verbatim[Int(b)] {
                // The common case: a run of plain ASCII words with single spaces, copied at once.
                // Its end is found sixteen bytes at a time (SSE2, in CNewsText): a byte loop over
                // the lookup table cost about six instructions a byte, most of the normalizer.
                let j = cnewstext_verbatim_run_end(p.baseAddress!, n, i + 1)
                startContent()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j]))
                lastScalar = UInt32(p[j - 1])
                i = j
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x20, 0x09, 0x0B, 0x0C:
                    if bytes.count > lineStart { pendingSpace = true }
                case 0x0A, 0x0D:
                    if newlinesAreSpaces {
                        if bytes.count > lineStart { pendingSpace = true }
                    } else {
                        endLine()
                        if b == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                    }
                case 0x22:
                    if quoteOpen { emitClosingQuote() } else { emitOpeningQuote() }
                case 0x27:
                    if i + 1 < n, p[i + 1] == 0x27 {
                        emitClosingQuote()
                        i += 1
                    } else if !pendingSpace && bytes.count > lineStart && UTF8Scan.isWordScalar(lastScalar)
                        || !(i + 1 < n && UTF8Scan.isAlnum(p[i + 1]))
                    {
                        emitScalar(0x2019)
                    } else {
                        emitScalar(0x2018)
                    }
                case 0x2C:
                    if i + 2 < n, p[i + 1] == 0x2C, p[i + 2] > 0x20, p[i + 2] != 0x2C {
                        emitOpeningQuote()
                        i += 1
                    } else {
                        emit(b)
                    }
                case 0x60:
                    if i + 1 < n, p[i + 1] == 0x60 {
                        emitOpeningQuote()
                        i += 1
                    } else {
                        emit(b)
                    }
                default:
                    break  // other control characters are dropped
                }
                i += 1
                continue
            }
            let (v, length) = UTF8Scan.scalar(p, i)
            if !foldsQuotes, v >= 0x2018, v <= 0x201F {
                // Kept as the author wrote them (the range is NFC-stable).
                startContent()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)]))
                lastScalar = v
                i += length
                continue
            }
            switch v {
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if bytes.count > lineStart { pendingSpace = true }
            case 0xAD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0x80...0x84,
                0x86...0x9F, 0xFFFD:
                break  // invisible: dropped
            case 0x85, 0x2028, 0x2029:
                if newlinesAreSpaces {
                    if bytes.count > lineStart { pendingSpace = true }
                } else if v == 0x2029 {
                    breakBlock()
                } else {
                    endLine()
                }
            case 0x2018:
                if i + 2 * length <= n, UTF8Scan.scalar(p, i + length).value == 0x2018 {
                    emitOpeningQuote()
                    i += length
                } else {
                    emitScalar(v)
                }
            case 0x2019:
                if i + 2 * length <= n, UTF8Scan.scalar(p, i + length).value == 0x2019 {
                    emitClosingQuote()
                    i += length
                } else {
                    emitScalar(v)
                }
            case 0x201C, 0x201E, 0x201F:
                if quoteOpen && v == 0x201C { emitClosingQuote() } else { emitOpeningQuote() }
            case 0x201D:
                emitClosingQuote()
            default:
                startContent()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)]))
                lastScalar = v
                if !TextNormalizer.isNFCStable(v) { currentNeedsNFC = true }
            }
            i += length
        }
    }

    /// Whether a scalar can never change under NFC, whatever surrounds it: it is
    /// neither a combining mark nor a singleton decomposition nor a composing jamo.
    /// Conservative: anything not listed here sends its line through Foundation.
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x2FF, 0x370...0x373, 0x375...0x37D, 0x37F...0x386, 0x388...0x482, 0x48A...0x58F,
            0x600...0x64A, 0x660...0x66F, 0x671...0x6D3, 0x6EE...0x6FF, 0x1E00...0x1EFF, 0x2010...0x20CF,
            0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2FFF, 0x3000...0x3098, 0x309B...0xABFF, 0xFB50...0xFFFF,
            0x1F000...0x1FAFF:
            return true
        case 0xAC00...0xD7A3:
            return true  // precomposed Hangul syllables (a following jamo is itself unstable)
        default:
            return false
        }
    }
}
