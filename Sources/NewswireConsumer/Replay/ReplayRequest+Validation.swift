public import NewsModels
internal import NewsClassification

extension ReplayRequest {
    /// Most topic ids one request may list: a taxonomy has at most this many
    /// topics, and each id becomes one SQL parameter (SQLite takes 32,766 by
    /// default, Debian's build 250,000; a 1 MiB request can carry 349,000).
    public static let maximumTopics = Taxonomy.maximumTopics

    /// Checks what decoding cannot: a request the store could not answer is the
    /// client's error (``WireError/Code/malformed``), not the server's.
    public func validate() throws(WireError) {
        guard topics.count <= Self.maximumTopics else {
            throw WireError(.malformed, "field 'topics' lists \(topics.count) topic ids; at most \(Self.maximumTopics) are allowed")
        }
    }
}
