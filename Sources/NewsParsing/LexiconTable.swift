/// The ``Lexicon``'s bits by word hash, looked up by the tokenizer for every word.
///
/// Unlike ``WordTable``, a lookup here needs no branch on its outcome. Whether a word is in the
/// lexicon is about as predictable as whether it is a stopword (half the words of prose), and
/// ``WordTable``'s branches on its filter bit and key were the tokenizer's most mispredicted
/// ones. So every key lives in its home bucket of four slots (the table is built large enough
/// for that, doubling until no bucket overflows), and a lookup compares the hash with all four
/// keys and combines the matching slot's bits with masks: zero means "not in the lexicon".
struct LexiconTable: Sendable {
    static let bucketSize = 4

    /// Word hashes (zero: an empty slot) and their bits, four slots per bucket.
    private let keys: [UInt64]
    private let values: [UInt32]
    private let bucketMask: Int

    /// Builds the table from `(word, bits)` pairs hashed with ``WordHash``; the bits of a
    /// word listed more than once are or-ed together.
    init(_ entries: [(String, UInt32)]) {
        var merged: [UInt64: UInt32] = [:]
        for (word, bits) in entries { merged[WordHash.hash(word), default: 0] |= bits }
        var buckets = 16
        while buckets * LexiconTable.bucketSize < merged.count * 2 { buckets *= 2 }
        while true {
            if let (keys, values) = LexiconTable.layout(merged, buckets: buckets) {
                self.keys = keys
                self.values = values
                bucketMask = buckets - 1
                return
            }
            buckets *= 2
        }
    }

    /// Every key in its home bucket, or nil when some bucket would need more than four slots.
    private static func layout(_ entries: [UInt64: UInt32], buckets: Int) -> ([UInt64], [UInt32])? {
        var keys = [UInt64](repeating: 0, count: buckets * bucketSize)
        var values = [UInt32](repeating: 0, count: buckets * bucketSize)
        for (key, bits) in entries {
            let first = (Int(truncatingIfNeeded: key) & (buckets - 1)) * bucketSize
            guard let slot = (first..<(first + bucketSize)).first(where: { keys[$0] == 0 }) else { return nil }
            keys[slot] = key
            values[slot] = bits
        }
        return (keys, values)
    }

    /// The bits of the word with this ``WordHash`` (never zero), or zero for a word not in the lexicon.
    @inline(__always)
    func bits(forHash hash: UInt64) -> UInt32 {
        let first = (Int(truncatingIfNeeded: hash) & bucketMask) &* LexiconTable.bucketSize
        return keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                // All ones for the slot that holds the hash, zero for the others.
                @inline(__always)
                func match(_ slot: Int) -> UInt32 {
                    values[slot] & (0 &- UInt32(truncatingIfNeeded: (keys[slot] == hash ? 1 : 0) as UInt8))
                }
                return match(first) | match(first &+ 1) | match(first &+ 2) | match(first &+ 3)
            }
        }
    }
}
