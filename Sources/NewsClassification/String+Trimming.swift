extension String {
    /// The string without leading and trailing ASCII whitespace and newlines
    /// (YAML block scalars end with a newline).
    func trimmingWhitespace() -> String {
        let bytes = Array(utf8)
        var lower = 0
        var upper = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower == 0, upper == bytes.count { return self }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
