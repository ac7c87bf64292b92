/// Allocating the parser's per-article arrays.
extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` gives.
    ///
    /// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)` allocate through an
    /// unspecialized standard-library function that fetches the storage class's metadata from
    /// the runtime's locked cache on every call, about 50 ns in the parser; `reserveCapacity`
    /// allocates through specialized code with the metadata cached in place. The parser makes
    /// several such arrays per article (flags per line, mentions per token, hash tables).
    @inline(__always)
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
