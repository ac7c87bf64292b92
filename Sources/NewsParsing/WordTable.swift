/// An immutable open-addressing table from word hashes to small values.
///
/// The hot paths look up every word of an article (stopwords, gazetteer heads),
/// so they hash bytes in place and probe this table instead of building a
/// `String` per word and going through `Dictionary`. Keys and values sit side
/// by side, so a probe touches one cache line. Most words of a text are in no
/// table, and the large tables (the lexicon, gazetteer aliases) do not stay in
/// the L1 cache, so a bit filter one sixteenth of their size answers most
/// misses first: a clear bit proves the hash absent.
struct WordTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Value?
    }

    private var slots: [Slot]
    private let mask: Int
    /// One bit per eight slots' worth of hashes, set for every stored key.
    private var filter: [UInt64]
    private let filterMask: Int

    /// Builds the table from `(phrase, value)` pairs; phrases are hashed with ``WordHash``.
    /// When a phrase repeats, `combine` merges the values.
    init(_ entries: [(String, Value)], combine: (Value, Value) -> Value = { _, new in new }) {
        self.init(capacityFor: entries.count)
        for (phrase, value) in entries {
            insert(WordHash.hash(phrase), value, combine: combine)
        }
    }

    /// Builds the table from already hashed keys; with `keepFirst`, the first value for a key wins.
    init(hashedEntries: [(UInt64, Value)], keepFirst: Bool) {
        self.init(capacityFor: hashedEntries.count)
        for (key, value) in hashedEntries {
            insert(key, value, combine: { old, new in keepFirst ? old : new })
        }
    }

    /// An empty table with room for `count` keys, filled with ``insert(_:_:combine:)``.
    init(capacityFor count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        slots = Array(filledWith: Slot(key: 0, value: nil), count: capacity)
        mask = capacity - 1
        filter = Array(filledWith: 0, count: capacity / 8)
        filterMask = capacity * 8 - 1
    }

    /// The filter bit of a hash: taken from its high bits, as the slot comes from the low ones.
    @inline(__always)
    private func filterBit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash &>> 40) & filterMask
    }

    /// Stores `value` under a word or phrase hash (never zero); `combine` merges it with a value already there.
    mutating func insert(_ key: UInt64, _ value: Value, combine: (Value, Value) -> Value) {
        let bit = filterBit(key)
        filter[bit &>> 6] |= 1 &<< UInt64(bit & 63)
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == key, let old = slots[slot].value {
            slots[slot].value = combine(old, value)
        } else {
            slots[slot] = Slot(key: key, value: value)
        }
    }

    /// The value stored for a phrase hash, if any.
    @inline(__always)
    subscript(hash: UInt64) -> Value? {
        let bit = filterBit(hash)
        let word = filter.withUnsafeBufferPointer { $0[bit &>> 6] }
        if word & (1 &<< UInt64(bit & 63)) == 0 { return nil }
        return slots.withUnsafeBufferPointer { table in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let key = table[slot].key
                if key == hash { return table[slot].value }
                if key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
