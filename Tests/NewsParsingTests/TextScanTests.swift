import CNewsText
import Testing

/// The byte scans in CNewsText: the SSE2 code (on x86-64) against the portable code and
/// against the byte loops they replaced in TextNormalizer and InputDecoder, on random text
/// built from the bytes the scans treat differently, at every start offset.
@Suite("Text scans")
struct TextScanTests {
    /// Bytes on both sides of every boundary the scans test: spaces, commas, quotes,
    /// backticks, letters, DEL, control bytes, newlines and UTF-8 lead and continuation bytes.
    static let alphabet: [UInt8] = [
        0x20, 0x20, 0x2C, 0x2C, 0x22, 0x27, 0x60, 0x61, 0x61, 0x61, 0x5A, 0x2E, 0x21, 0x7E, 0x7F, 0x0A, 0x09,
        0x1F, 0x00, 0x80, 0xBF, 0xC3, 0xE2, 0xFF,
    ]

    /// Random texts of every length up to 80 bytes, mostly letters so runs get long; a fixed
    /// seed (xorshift) makes failures reproducible.
    static func samples() -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        var result: [[UInt8]] = []
        for length in 0...80 {
            for _ in 0..<24 {
                let plainShare = next() % 4  // 0: any byte; higher: more letters and single spaces
                result.append(
                    (0..<length).map { _ in
                        let r = next()
                        if r % 4 < plainShare { return r % 7 == 0 ? 0x20 : UInt8(0x61 + r % 26) }
                        return alphabet[Int((r >> 8) % UInt64(alphabet.count))]
                    })
            }
        }
        return result
    }

    /// The loop TextNormalizer ran before: where a verbatim run that continues at `from` ends.
    static func verbatimRunEnd(_ p: [UInt8], from: Int) -> Int {
        func verbatim(_ b: UInt8) -> Bool { b >= 0x21 && b < 0x7F && b != 0x22 && b != 0x27 && b != 0x2C && b != 0x60 }
        let n = p.count
        var j = from
        while j < n {
            let c = p[j]
            if verbatim(c) {
                j += 1
            } else if c == 0x20, j + 1 < n, verbatim(p[j + 1]) {
                j += 2
            } else if c == 0x2C, !(j + 1 < n && p[j + 1] == 0x2C) {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    @Test("Verbatim runs end where the byte loop ended them")
    func verbatimRuns() {
        for sample in Self.samples() where !sample.isEmpty {
            sample.withUnsafeBufferPointer { p in
                for from in 0...sample.count {
                    let expected = Self.verbatimRunEnd(sample, from: from)
                    let fast = cnewstext_verbatim_run_end(p.baseAddress!, sample.count, from)
                    let portable = cnewstext_verbatim_run_end_portable(p.baseAddress!, sample.count, from)
                    #expect(fast == expected, "SSE2 scan from \(from) in \(sample)")
                    #expect(portable == expected, "portable scan from \(from) in \(sample)")
                }
            }
        }
    }

    @Test("Control and non-ASCII bytes are found where a byte loop finds them")
    func controlOrNonASCII() {
        for sample in Self.samples() where !sample.isEmpty {
            sample.withUnsafeBufferPointer { p in
                for from in 0...sample.count {
                    let expected = sample[from...].firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? sample.count
                    let fast = cnewstext_first_control_or_non_ascii(p.baseAddress!, sample.count, from)
                    let portable = cnewstext_first_control_or_non_ascii_portable(p.baseAddress!, sample.count, from)
                    #expect(fast == expected, "SSE2 scan from \(from) in \(sample)")
                    #expect(portable == expected, "portable scan from \(from) in \(sample)")
                }
            }
        }
    }
}
