internal import NewsParsing

/// How an article's id is derived (proto-docs/README.md, "Article ids").
public enum ArticleIdentity {
    /// Lowercase hex of the first 16 bytes of SHA-256(source + "\n" + contentHash):
    /// the same text from the same source always gets the same id, whatever its
    /// whitespace or quote style.
    public static func id(source: String, contentHash: String) -> String {
        let digest = SHA256.hash(Array((source + "\n" + contentHash).utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
