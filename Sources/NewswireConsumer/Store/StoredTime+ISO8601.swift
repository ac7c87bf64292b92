extension StoredTime {
    /// ISO 8601 in UTC to the millisecond, `2026-11-23T12:35:07.123Z`: how the HTTP API shows times.
    var iso8601: String {
        var text = self.text
        text.replace(" ", with: "T", maxReplacements: 1)
        return text + "Z"
    }

    /// A stored time column's text as ISO 8601; nil for NULL or text the store did not write.
    static func iso8601(column text: String?) -> String? {
        text.flatMap(StoredTime.init(text:))?.iso8601
    }
}
