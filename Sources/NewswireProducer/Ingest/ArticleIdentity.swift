internal import NewsParsing

/// How an article's id is derived (proto-docs/README.md, "Article ids").
public enum ArticleIdentity {
    /// Lowercase hex of the first 16 bytes of SHA-256(source + "\n" + contentHash):
    /// the same text from the same source always gets the same id, whatever its
    /// whitespace or quote style.
    public static func id(source: String, contentHash: String) -> String {
        // One buffer in, one string out (was a string per byte, then a join).
        var input: [UInt8] = []
        input.reserveCapacity(source.utf8.count + 1 + contentHash.utf8.count)
        input += source.utf8
        input.append(UInt8(ascii: "\n"))
        input += contentHash.utf8
        return String(SHA256.hexDigest(input).prefix(32))
    }
}
