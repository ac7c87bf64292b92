/// How services write their logs (`--log-format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// swift-log's human-readable line: time, level, label, metadata, message.
    case text
    /// One JSON object per line: `{"ts":…,"level":…,"logger":…,"msg":…, metadata…}`.
    case json
    /// `key=value` pairs per line, for logfmt tooling.
    case logfmt
}
