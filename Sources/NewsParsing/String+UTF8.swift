/// Building the output's strings from the parser's UTF-8 buffers.
extension String {
    /// The string of the UTF-8 `bytes`, which must be valid UTF-8 cut at scalar boundaries, as
    /// every parser buffer is: the decoder validates (or rescues) the input, the normalizer
    /// copies only whole scalars, and lines, tokens and quotes begin and end on whole scalars.
    ///
    /// The bytes are copied without validating them again. Validation went byte by byte through
    /// any text with a curly quote or a dash in it and cost about five times the copy: most of
    /// making an article's paragraphs and quotes. Debug builds still check the precondition.
    /// Where `UTF8Span` is not available (macOS before 26) the bytes are validated as before.
    init(copyingValidUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(UTF8Scan.firstInvalidOffset(bytes) == nil, "not valid UTF-8: \(Array(bytes))")
        if #available(macOS 26, *) {
            // Known ASCII as validation would have found it, so the string's flags are the same.
            let isASCII = ByteSearch.firstNonASCII(in: bytes, from: 0, to: bytes.count) == bytes.count
            self.init(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        } else {
            self.init(unsafeUninitializedCapacity: bytes.count) { storage in
                _ = storage.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
