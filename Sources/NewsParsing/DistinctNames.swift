/// Names in first-seen order without repeats, for the people, places and organizations of
/// one article.
///
/// An article names a handful of each, so the first few are found by comparing Strings,
/// with no table to allocate. Beyond that a name is found by the ``WordHash`` of its bytes in
/// a ``WordTable`` rather than through `Set<String>`, whose SipHash dominated entity
/// recognition: the text is NFC-normalized and the gazetteer's names are NFC literals, so
/// equal names have equal bytes, and two different names with one hash (they differ only in
/// letter case) fall back to a search.
struct DistinctNames {
    /// Up to this many names are searched one by one.
    static let linearLimit = 8

    private(set) var names: [String] = []
    private var hashes: [UInt64] = []
    private var indexByHash: WordTable<Int>?
    private var capacity = 0

    /// The position of `name` in ``names``, appending it when it is new.
    mutating func insert(_ name: String) -> (index: Int, inserted: Bool) {
        guard indexByHash != nil else {
            if let found = names.firstIndex(of: name) { return (found, false) }
            // Room for the names searched one by one, allocated once instead of growing 1, 2, 4, 8.
            if names.isEmpty { names.reserveCapacity(DistinctNames.linearLimit) }
            names.append(name)
            if names.count > DistinctNames.linearLimit {
                hashes = names.map { WordHash.hash(bytesOf: $0) }
                rebuild(capacity: 2 * DistinctNames.linearLimit)
            }
            return (names.count - 1, true)
        }
        let hash = WordHash.hash(bytesOf: name)
        if let found = indexByHash![hash] {
            if names[found] == name { return (found, false) }
            if let other = names.firstIndex(of: name) { return (other, false) }
        }
        let index = names.count
        names.append(name)
        hashes.append(hash)
        if names.count > capacity {
            rebuild(capacity: 2 * capacity)
        } else {
            indexByHash!.insert(hash, index) { first, _ in first }
        }
        return (index, true)
    }

    /// A table for `capacity` names (at most half full), holding every name so far.
    private mutating func rebuild(capacity: Int) {
        self.capacity = capacity
        var table = WordTable<Int>(capacityFor: capacity)
        for (position, key) in hashes.enumerated() { table.insert(key, position) { first, _ in first } }
        indexByHash = table
    }
}
