/// An open-addressing hash table from a word's bytes to an id, tuned for the
/// matching loop: each slot holds the word's first 16 bytes as two integers,
/// so a lookup is one multiply-shift hash, usually one slot read and two
/// integer compares. Only words longer than 16 bytes compare the rest
/// against `tails`. Sized to at most 50% load.
///
/// Words never contain a zero byte (NUL separates words), so zero padding
/// makes the length implicit for words of up to 16 bytes.
///
/// A one-bit-per-hash filter (16 bits per word, at least 4 Kbit) answers most
/// misses from a small, cache-resident bitmap before touching the slots:
/// most article words are not in the taxonomy.
struct WordTable: Sendable {
    struct Slot: BitwiseCopyable {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        var id: Int32 = 0  // 0 = empty
        var length: Int32 = 0
    }

    private let slots: FrozenBuffer<Slot>
    private let shift: UInt64
    private let mask: Int
    /// Bytes 16... of long words, at `tailOffsets[slot index]`.
    private let tails: FrozenBuffer<UInt8>
    private let tailOffsets: FrozenBuffer<Int32>
    private let filter: FrozenBuffer<UInt64>
    private let filterMask: UInt64

    /// - Parameter entries: distinct words and their ids (ids must be non-zero).
    init(_ entries: [(word: [UInt8], id: Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        shift = 64 - bits
        mask = capacity - 1
        var table = [Slot](repeating: Slot(), count: capacity)
        var offsets = [Int32](repeating: 0, count: capacity)
        var blob: [UInt8] = []
        var filterBits = 4096
        while filterBits < entries.count * 16 { filterBits <<= 1 }
        var filterWords = [UInt64](repeating: 0, count: filterBits / 64)
        filterMask = UInt64(filterBits - 1)
        for (word, id) in entries {
            let (k0, k1) = Self.prefix(word)
            let bit = Int(truncatingIfNeeded: (Self.hash(k0, k1) >> 24) & filterMask)
            filterWords[bit >> 6] |= 1 << UInt64(bit & 63)
            var position = Int(truncatingIfNeeded: Self.hash(k0, k1) >> shift)
            while table[position].id != 0 { position = (position + 1) & mask }
            table[position] = Slot(k0: k0, k1: k1, id: id, length: Int32(word.count))
            if word.count > 16 {
                offsets[position] = Int32(blob.count)
                blob.append(contentsOf: word)
            }
        }
        slots = FrozenBuffer(table)
        tails = FrozenBuffer(blob)
        tailOffsets = FrozenBuffer(offsets)
        filter = FrozenBuffer(filterWords)
    }

    /// The id of a word of at most 16 bytes given as zero-padded little-endian
    /// integers, or 0.
    @inline(__always)
    func id(_ k0: UInt64, _ k1: UInt64) -> Int32 {
        let hash = Self.hash(k0, k1)
        let bit = Int(truncatingIfNeeded: (hash >> 24) & filterMask)
        guard filter.base[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0 else { return 0 }
        var position = Int(truncatingIfNeeded: hash >> shift)
        let table = slots.base
        while true {
            let slot = table[position]
            if slot.k0 == k0, slot.k1 == k1, slot.length <= 16 { return slot.id }
            if slot.id == 0 { return 0 }
            position = (position &+ 1) & mask
        }
    }

    /// The id of `word[0..<length]`, or 0. Needs 16 readable bytes past `length`.
    func id(_ word: UnsafePointer<UInt8>, length: Int) -> Int32 {
        let raw = UnsafeRawPointer(word)
        let k0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & Self.byteMask(length)
        let k1 = length > 8
            ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & Self.byteMask(length - 8) : 0
        guard length > 16 else { return id(k0, k1) }
        var position = Int(truncatingIfNeeded: Self.hash(k0, k1) >> shift)
        let table = slots.base
        while true {
            let slot = table[position]
            if slot.id == 0 { return 0 }
            if slot.k0 == k0, slot.k1 == k1, Int(slot.length) == length {
                let offset = Int(tailOffsets[position])
                var equal = true
                for k in 16..<length where tails[offset + k] != word[k] {
                    equal = false
                    break
                }
                if equal { return slot.id }
            }
            position = (position &+ 1) & mask
        }
    }

    /// Long words hash by their first 16 bytes only; the tail is compared on
    /// lookup. Slots use the top bits, the filter bits 24 and up.
    @inline(__always)
    private static func hash(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        (k0 ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F ^ k1 >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }

    private static func prefix(_ word: [UInt8]) -> (UInt64, UInt64) {
        var k0: UInt64 = 0, k1: UInt64 = 0
        for (k, byte) in word.prefix(16).enumerated() {
            if k < 8 { k0 |= UInt64(byte) << (8 * UInt64(k)) } else { k1 |= UInt64(byte) << (8 * UInt64(k - 8)) }
        }
        return (k0, k1)
    }

    /// Keeps the low `count` bytes (all 8 when `count >= 8`).
    @inline(__always)
    static func byteMask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< (UInt64(count) &* 8)) &- 1
    }
}
