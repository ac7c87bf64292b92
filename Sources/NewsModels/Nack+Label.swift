extension Nack.Reason {
    /// A short, stable name for logs, metric labels and command-line output.
    public var label: String {
        switch self {
        case .malformed: "malformed"
        case .unsupportedVersion: "unsupported-version"
        case .unsupportedType: "unsupported-type"
        case .tooLarge: "too-large"
        case .invalidArticle: "invalid-article"
        case .busy: "busy"
        case .internal: "internal"
        default: "unspecified"
        }
    }
}
