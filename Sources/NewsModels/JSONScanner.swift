/// Reads the structure of JSON text without interpreting scalars (SwiftProtobuf
/// does that): checks the syntax of the whole document with O(1) memory, and
/// lists the members of one object or the elements of one array as byte
/// ranges, so a member can be decoded alone. Errors give the byte offset,
/// line and column.
struct JSONScanner {
    /// What a value is, from its first byte.
    enum Kind {
        case object, array, string, scalar

        var noun: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "the string"
            case .scalar: "the value"
            }
        }
    }

    struct Value {
        var kind: Kind
        var range: Range<Int>
    }

    struct Member {
        var key: String
        var keyRange: Range<Int>
        var value: Value
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]
    /// Deeper nesting is refused here (SwiftProtobuf refuses past 100 too).
    static let maximumDepth = 100

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Checks the whole document; returns its top-level value.
    func validate() throws(SyntaxError) -> Value {
        var position = 0
        let value = try skipValue(&position, depth: 0)
        skipSpace(&position)
        guard position == bytes.count else { throw failure("unexpected text after the JSON value", at: position) }
        return value
    }

    /// The members of the object at `range` (already validated), at most `limit` of them.
    func members(of range: Range<Int>, limit: Int) -> [Member] {
        var members: [Member] = []
        var position = range.lowerBound + 1
        while members.count < limit {
            skipSpace(&position)
            guard position < range.upperBound, bytes[position] == 0x22 else { break }
            let keyStart = position
            guard (try? skipString(&position)) != nil else { break }
            let keyRange = keyStart..<position
            skipSpace(&position)
            position += 1  // ':'
            guard let value = try? skipValue(&position, depth: 0) else { break }
            members.append(Member(key: Self.text(of: bytes[keyRange]), keyRange: keyRange, value: value))
            skipSpace(&position)
            guard position < range.upperBound, bytes[position] == 0x2C else { break }
            position += 1
        }
        return members
    }

    /// The elements of the array at `range` (already validated), at most `limit` of them.
    func elements(of range: Range<Int>, limit: Int) -> [Value] {
        var elements: [Value] = []
        var position = range.lowerBound + 1
        while elements.count < limit {
            skipSpace(&position)
            guard position < range.upperBound, bytes[position] != 0x5D, let value = try? skipValue(&position, depth: 0) else { break }
            elements.append(value)
            skipSpace(&position)
            guard position < range.upperBound, bytes[position] == 0x2C else { break }
            position += 1
        }
        return elements
    }

    /// A key's text: the common escapes undone; others left as written.
    private static func text(of raw: ArraySlice<UInt8>) -> String {
        String(decoding: raw.dropFirst().dropLast(), as: UTF8.self).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
    }

    private func skipValue(_ position: inout Int, depth: Int) throws(SyntaxError) -> Value {
        skipSpace(&position)
        guard position < bytes.count else { throw failure("the JSON ends where a value should be (truncated?)", at: position) }
        let start = position
        switch bytes[position] {
        case 0x7B:  // {
            guard depth < Self.maximumDepth else { throw failure("objects are nested too deeply", at: position) }
            position += 1
            skipSpace(&position)
            if peek(position) == 0x7D {
                position += 1
                return Value(kind: .object, range: start..<position)
            }
            while true {
                skipSpace(&position)
                guard peek(position) == 0x22 else {
                    throw failure(position >= bytes.count ? "the JSON ends inside an object (truncated?)" : "expected a field name in double quotes", at: position)
                }
                let keyStart = position
                try skipString(&position)
                let keyRange = keyStart..<position  // its text is made only for an error message
                skipSpace(&position)
                guard peek(position) == 0x3A else {
                    throw failure("expected ':' after the field name \"\(Self.text(of: bytes[keyRange]))\"", at: position)
                }
                position += 1
                _ = try skipValue(&position, depth: depth + 1)
                skipSpace(&position)
                if peek(position) == 0x2C { position += 1; continue }
                if peek(position) == 0x7D { position += 1; break }
                throw failure(position >= bytes.count ? "the JSON ends inside an object (truncated?)"
                              : "expected ',' or '}' after the value of \"\(Self.text(of: bytes[keyRange]))\"", at: position)
            }
            return Value(kind: .object, range: start..<position)
        case 0x5B:  // [
            guard depth < Self.maximumDepth else { throw failure("arrays are nested too deeply", at: position) }
            position += 1
            skipSpace(&position)
            if peek(position) == 0x5D {
                position += 1
                return Value(kind: .array, range: start..<position)
            }
            while true {
                _ = try skipValue(&position, depth: depth + 1)
                skipSpace(&position)
                if peek(position) == 0x2C { position += 1; continue }
                if peek(position) == 0x5D { position += 1; break }
                throw failure(position >= bytes.count ? "the JSON ends inside an array (truncated?)" : "expected ',' or ']' in an array", at: position)
            }
            return Value(kind: .array, range: start..<position)
        case 0x22:
            try skipString(&position)
            return Value(kind: .string, range: start..<position)
        default:
            while position < bytes.count, !Self.delimiters.contains(bytes[position]) { position += 1 }
            guard position > start else { throw failure("expected a value", at: position) }
            return Value(kind: .scalar, range: start..<position)
        }
    }

    private func skipString(_ position: inout Int) throws(SyntaxError) {
        let start = position
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case 0x22:
                position += 1
                return
            case 0x5C:
                position += 2
            default:
                position += 1
            }
        }
        throw failure("the JSON ends inside a string (truncated?)", at: start)
    }

    private static let delimiters: Set<UInt8> = [0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09, 0x3A, 0x7B, 0x5B, 0x22]

    private func peek(_ position: Int) -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private func skipSpace(_ position: inout Int) {
        while let byte = peek(position), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private func failure(_ what: String, at offset: Int) -> SyntaxError {
        let before = bytes.prefix(offset)
        let line = before.count { $0 == 0x0A } + 1
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return SyntaxError(description: "\(what) at byte \(offset) (line \(line), column \(column))")
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
