extension ArticleParser {
    /// The media types the parser reads. A hint naming any other type (a PDF,
    /// an image, JSON) would only be sniffed as text and stored as garbage, so
    /// the producer refuses it at ingest instead.
    public static let supportedMediaTypes = ["text/plain", "text/html", "application/xhtml+xml"]

    /// The media type of a content-type hint: lowercased, without parameters;
    /// empty when the hint names none ("" or "; charset=utf-8").
    public static func mediaType(of contentType: String) -> String {
        InputDecoder.ContentType(contentType)?.mediaType ?? ""
    }

    /// Whether the parser reads content of this type: a supported media type,
    /// or none at all (the parser sniffs text or HTML from the bytes).
    public static func supports(contentType: String) -> Bool {
        let mediaType = mediaType(of: contentType)
        return mediaType.isEmpty || supportedMediaTypes.contains(mediaType)
    }
}
