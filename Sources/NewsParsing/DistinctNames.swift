/// Names in first-seen order without repeats, for the people, places and organizations of
/// one article.
///
/// A name is found by the ``WordHash`` of its bytes in a ``WordTable`` rather than through
/// `Set<String>`, whose SipHash dominated entity recognition. The text is NFC-normalized and
/// the gazetteer's names are NFC literals, so equal names have equal bytes; two different
/// names with one hash (they differ only in letter case) fall back to a search.
struct DistinctNames {
    private(set) var names: [String] = []
    private var hashes: [UInt64] = []
    private var indexByHash = WordTable<Int>(capacityFor: 8)
    private var capacity = 8

    /// The position of `name` in ``names``, appending it when it is new.
    mutating func insert(_ name: String) -> (index: Int, inserted: Bool) {
        let hash = WordHash.hash(bytesOf: name)
        if let found = indexByHash[hash] {
            if names[found] == name { return (found, false) }
            if let other = names.firstIndex(of: name) { return (other, false) }
        }
        let index = names.count
        names.append(name)
        hashes.append(hash)
        if names.count > capacity {
            // Keep the table at most half full: rebuild it twice as large.
            capacity *= 2
            indexByHash = WordTable(capacityFor: capacity)
            for (position, key) in hashes.enumerated() { indexByHash.insert(key, position) { first, _ in first } }
        } else {
            indexByHash.insert(hash, index) { first, _ in first }
        }
        return (index, true)
    }
}
