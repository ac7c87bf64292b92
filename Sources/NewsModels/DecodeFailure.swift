internal import Foundation
internal import SwiftProtobuf

/// Explains why a payload does not decode as a message, naming the field at
/// fault and what it should hold (proto-docs §8), instead of SwiftProtobuf's
/// internal error names (`malformedString`, `truncated`, …).
///
/// How: SwiftProtobuf says what went wrong but not where. The payload is split
/// into its fields (JSON members, protobuf tag–value pairs) without
/// interpreting them; each field alone is decoded again, and the first that
/// fails on its own is narrowed down the same way inside it (sub-objects,
/// array elements, embedded messages). Field names for protobuf come from the
/// message itself: a probe value at the same field number, encoded as JSON.
/// Runs only on a payload that already failed, so its cost is off the fast path.
enum DecodeFailure {
    /// The Nack message for `payload` failing to decode as `M` with `error`.
    static func explain<M: SwiftProtobuf.Message>(_ error: any Error, payload: [UInt8], contentType: ContentType, as type: M.Type) -> String {
        let what = "frame 4 (payload) is not a valid \(contentType.rawValue) \(M.protoMessageName)"
        switch contentType {
        case .json: return "\(what): \(JSONDiagnosis<M>(payload).explain(error))"
        case .protobuf: return "\(what): \(BinaryDiagnosis<M>(payload).explain(error))"
        }
    }

    /// Words for a SwiftProtobuf JSON error: what the value should have been.
    static func expectation(_ error: any Error) -> String {
        switch error {
        case let error as JSONDecodingError:
            switch error {
            case .malformedString: "expected a JSON string (UTF-8 text; base64 for a bytes field)"
            case .invalidUTF8: "is not valid UTF-8"
            case .malformedNumber, .leadingZero: "expected a number (or a string holding one)"
            case .numberRange: "the number is out of range for this field"
            case .malformedBool: "expected true or false"
            case .malformedMap: "expected an object whose values have the map's value type"
            case .unquotedMapKey: "map keys must be strings in double quotes"
            case .unrecognizedEnumValue: "is not one of this enum's names (e.g. \"REASON_BUSY\")"
            case .illegalNull: "null is not allowed here"
            case .malformedTimestamp: "expected an RFC 3339 timestamp such as \"2013-08-23T14:02:05.250Z\""
            case .malformedDuration: "expected a duration such as \"1.5s\""
            case .malformedFieldMask: "expected a field mask"
            case .conflictingOneOf: "only one field of a oneof may be set"
            case .truncated: "the JSON ends too early"
            case .trailingGarbage: "there is more after the JSON value"
            case .messageDepthLimit: "objects are nested too deeply"
            case .missingFieldNames: "an object member has no name"
            case .schemaMismatch: "the value does not have this field's type"
            case .unknownField(let name): "'\(name)' is not a field of this message"
            case .failure: "the value does not have this field's type"
            @unknown default: "the value does not have this field's type"
            }
        case let error as BinaryDecodingError:
            switch error {
            case .truncated: "the bytes end inside a field"
            case .invalidUTF8: "a string field is not valid UTF-8"
            case .malformedProtobuf: "the bytes are not protobuf fields (a bad tag, wire type or length)"
            case .trailingGarbage: "there are bytes after the last field"
            case .messageDepthLimit: "messages are nested too deeply"
            case .missingRequiredFields: "a required field is missing"
            case .internalExtensionError: "an extension could not be read"
            @unknown default: "the bytes do not decode"
            }
        default:
            "the value does not decode"
        }
    }
}

// MARK: JSON

/// Finds the JSON member at fault by decoding members alone.
struct JSONDiagnosis<M: SwiftProtobuf.Message> {
    let payload: [UInt8]
    init(_ payload: [UInt8]) { self.payload = payload }

    func explain(_ error: any Error) -> String {
        var scanner = JSONScanner(payload)
        let root: JSONScanner.Value
        do {
            root = try scanner.document()
        } catch {
            return error.description
        }
        guard case .object(let members) = root.kind else {
            return "the payload is \(root.kind.noun), expected a JSON object {…}"
        }
        if let found = locate(members, path: "", wrap: { $0 }) { return found }
        if let invalid = JSONScanner.firstInvalidUTF8(payload) {
            return "the JSON is not valid UTF-8 at byte \(invalid)"
        }
        return DecodeFailure.expectation(error)
    }

    private func fails(_ bytes: [UInt8]) -> (any Error)? {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        do {
            _ = try M(jsonUTF8Bytes: bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    private func object(_ members: [JSONScanner.Member]) -> [UInt8] {
        var bytes: [UInt8] = [0x7B]
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes += member.rawKey + [0x3A] + member.value.raw
        }
        return bytes + [0x7D]
    }

    /// The message naming the member of `members` (at `path`) that fails alone,
    /// narrowed down inside it; nil when none does.
    private func locate(_ members: [JSONScanner.Member], path: String, wrap: @escaping ([UInt8]) -> [UInt8]) -> String? {
        for member in members {
            let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
            guard let error = fails(wrap(object([member]))) else { continue }
            let wrapMember: ([UInt8]) -> [UInt8] = { inner in wrap(member.rawKey.wrappedObject(inner)) }
            switch member.value.kind {
            case .object(let inner):
                if let deeper = locate(inner, path: memberPath, wrap: wrapMember) { return deeper }
            case .array(let elements) where fails(wrapMember([0x5B, 0x5D])) == nil:
                // An empty array decodes: the fault is in an element (else it is the array itself).
                for (index, element) in elements.enumerated() {
                    let wrapElement: ([UInt8]) -> [UInt8] = { inner in wrapMember([0x5B] + inner + [0x5D]) }
                    guard let elementError = fails(wrapElement(element.raw)) else { continue }
                    let elementPath = "\(memberPath)[\(index)]"
                    if case .object(let inner) = element.kind, let deeper = locate(inner, path: elementPath, wrap: wrapElement) {
                        return deeper
                    }
                    return describe(elementPath, element, elementError, wrap: wrapElement)
                }
            default:
                break
            }
            return describe(memberPath, member.value, error, wrap: wrapMember)
        }
        // Each member decodes alone, together they do not: two members of one oneof, or one set twice.
        for (first, member) in members.enumerated() {
            for other in members[(first + 1)...] where fails(wrap(object([member, other]))) != nil {
                let where_ = path.isEmpty ? "" : " in '\(path)'"
                if member.key == other.key {
                    return "field '\(member.key)'\(where_) is given twice"
                }
                return "fields '\(member.key)' and '\(other.key)'\(where_) are both set; only one of them may be (they are a oneof)"
            }
        }
        return nil
    }

    /// "field 'a.b' is the value 42: expected …", where what is expected comes
    /// from probing the field (`wrap` puts a value in its place) or, failing
    /// that, from SwiftProtobuf's error.
    private func describe(_ path: String, _ value: JSONScanner.Value, _ error: any Error, wrap: ([UInt8]) -> [UInt8]) -> String {
        var snippet = String(decoding: value.raw.prefix(60), as: UTF8.self)
        if value.raw.count > 60 { snippet += "…" }
        var explanation = expected(wrap).map { "expected \($0)" } ?? DecodeFailure.expectation(error)
        if let invalid = JSONScanner.firstInvalidUTF8(value.raw) {
            explanation = "is not valid UTF-8 (byte \(invalid) of the value)"
        } else if case .string = value.kind, explanation.hasPrefix("expected a JSON string") {
            explanation = DecodeFailure.expectation(error)
        }
        return "field '\(path)' is \(value.kind.noun) \(snippet): \(explanation)"
    }

    /// What the field takes, found by trying one value of each JSON kind in its place.
    private func expected(_ wrap: ([UInt8]) -> [UInt8]) -> String? {
        func takes(_ text: String) -> Bool { fails(wrap(Array(text.utf8))) == nil }
        let text = takes(#""a""#), number = takes("1"), timestamp = takes(#""2013-08-23T14:02:05.250Z""#)
        if takes("[]") && !takes("{}") { return "a JSON array" }
        if timestamp && !text { return #"an RFC 3339 timestamp string such as "2013-08-23T14:02:05.250Z""# }
        if takes("true") && !number { return "true or false" }
        if number && !text { return "a number (or a string holding one) in the field's range" }
        if text && !number { return "a JSON string" }
        if takes(#""QQ==""#) && !text { return "base64 text (a bytes field)" }
        if takes("{}") && !text { return "a JSON object" }
        return nil
    }
}

extension [UInt8] {
    /// `{"key":inner}` with this raw key.
    fileprivate func wrappedObject(_ inner: [UInt8]) -> [UInt8] {
        [0x7B] + self + [0x3A] + inner + [0x7D]
    }
}

/// Splits JSON into values without interpreting scalars (SwiftProtobuf does
/// that), keeping each value's raw bytes so a member can be decoded alone.
/// Errors give the byte offset, line and column.
struct JSONScanner {
    struct Member {
        var key: String
        var rawKey: [UInt8]
        var value: Value
    }

    struct Value {
        enum Kind {
            case object([Member])
            case array([Value])
            case string
            case scalar

            var noun: String {
                switch self {
                case .object: "an object"
                case .array: "an array"
                case .string: "the string"
                case .scalar: "the value"
                }
            }
        }
        var kind: Kind
        var raw: [UInt8]
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]
    var position = 0
    /// Nesting deeper than this is left to SwiftProtobuf (which limits it too).
    static let maximumDepth = 100

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(SyntaxError) -> Value {
        let value = try self.value(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw failure("unexpected text after the JSON value", at: position) }
        return value
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> Value {
        skipSpace()
        guard position < bytes.count else { throw failure("the JSON ends where a value should be (truncated?)", at: position) }
        let start = position
        switch bytes[position] {
        case 0x7B:  // {
            guard depth < Self.maximumDepth else { throw failure("objects are nested too deeply", at: position) }
            position += 1
            var members: [Member] = []
            skipSpace()
            if peek == 0x7D {
                position += 1
                return Value(kind: .object(members), raw: Array(bytes[start..<position]))
            }
            while true {
                skipSpace()
                guard peek == 0x22 else {
                    throw failure(position >= bytes.count ? "the JSON ends inside an object (truncated?)" : "expected a field name in double quotes", at: position)
                }
                let keyStart = position
                try string()
                let rawKey = Array(bytes[keyStart..<position])
                let key = (try? JSONSerialization.jsonObject(with: Data(rawKey), options: .fragmentsAllowed) as? String) ?? String(decoding: rawKey.dropFirst().dropLast(), as: UTF8.self)
                skipSpace()
                guard peek == 0x3A else { throw failure("expected ':' after the field name \"\(key)\"", at: position) }
                position += 1
                members.append(Member(key: key, rawKey: rawKey, value: try value(depth: depth + 1)))
                skipSpace()
                if peek == 0x2C { position += 1; continue }
                if peek == 0x7D { position += 1; break }
                throw failure(position >= bytes.count ? "the JSON ends inside an object (truncated?)" : "expected ',' or '}' after the value of \"\(key)\"", at: position)
            }
            return Value(kind: .object(members), raw: Array(bytes[start..<position]))
        case 0x5B:  // [
            guard depth < Self.maximumDepth else { throw failure("arrays are nested too deeply", at: position) }
            position += 1
            var elements: [Value] = []
            skipSpace()
            if peek == 0x5D {
                position += 1
                return Value(kind: .array(elements), raw: Array(bytes[start..<position]))
            }
            while true {
                elements.append(try value(depth: depth + 1))
                skipSpace()
                if peek == 0x2C { position += 1; continue }
                if peek == 0x5D { position += 1; break }
                throw failure(position >= bytes.count ? "the JSON ends inside an array (truncated?)" : "expected ',' or ']' in an array", at: position)
            }
            return Value(kind: .array(elements), raw: Array(bytes[start..<position]))
        case 0x22:
            try string()
            return Value(kind: .string, raw: Array(bytes[start..<position]))
        default:
            while position < bytes.count, !Self.delimiters.contains(bytes[position]) { position += 1 }
            guard position > start else { throw failure("expected a value", at: position) }
            return Value(kind: .scalar, raw: Array(bytes[start..<position]))
        }
    }

    private mutating func string() throws(SyntaxError) {
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

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private func failure(_ what: String, at offset: Int) -> SyntaxError {
        let before = bytes.prefix(offset)
        let line = before.count { $0 == 0x0A } + 1
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return SyntaxError(description: "\(what) at byte \(offset) (line \(line), column \(column))")
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
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

// MARK: Protobuf

/// Finds the protobuf field at fault by decoding fields alone; names it by
/// encoding a probe value at the same field number as JSON.
struct BinaryDiagnosis<M: SwiftProtobuf.Message> {
    let payload: [UInt8]
    init(_ payload: [UInt8]) { self.payload = payload }

    /// One field on the wire: its number, wire type, and the bytes of the whole field (tag included).
    struct Field {
        var number: Int
        var wireType: Int
        var raw: [UInt8]
        /// For a length-delimited field: its content.
        var content: [UInt8]?
    }

    struct SplitError: Error {
        var description: String
        var number: Int?
    }

    func explain(_ error: any Error) -> String {
        locate(payload, path: [], wrap: { $0 }) ?? DecodeFailure.expectation(error)
    }

    private func fails(_ bytes: [UInt8]) -> (any Error)? {
        do {
            _ = try M(serializedBytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func locate(_ bytes: [UInt8], path: [Int], wrap: @escaping ([UInt8]) -> [UInt8]) -> String? {
        let fields: [Field]
        do {
            fields = try Self.split(bytes)
        } catch {
            guard let number = error.number else {
                return path.isEmpty ? error.description : "\(name(path)): \(error.description)"
            }
            return "\(name(path + [number])): \(error.description)"
        }
        for field in fields {
            guard let error = fails(wrap(field.raw)) else { continue }
            let fieldPath = path + [field.number]
            if let content = field.content, path.count < 20 {
                let tag = Array(field.raw.prefix(field.raw.count - content.count - Self.varint(UInt64(content.count)).count))
                let wrapField: ([UInt8]) -> [UInt8] = { inner in wrap(tag + Self.varint(UInt64(inner.count)) + inner) }
                // Inside: only when the content reads as fields (else it is a string or bytes field).
                if (try? Self.split(content)) != nil, let deeper = locate(content, path: fieldPath, wrap: wrapField) {
                    return deeper
                }
            }
            return "\(name(fieldPath)): \(DecodeFailure.expectation(error))"
        }
        return nil
    }

    /// "field 'article.title' (7.1)" when the probe finds a name, else "field 7.1".
    private func name(_ path: [Int]) -> String {
        let numbers = path.map(String.init).joined(separator: ".")
        guard let names = probeNames(path) else { return "field \(numbers)" }
        return "field '\(names)' (number \(numbers))"
    }

    /// The JSON names along `path`: a message holding only a probe value there, encoded as JSON.
    private func probeNames(_ path: [Int]) -> String? {
        guard let last = path.last else { return nil }
        let probes: [[UInt8]] = [
            Self.varint(UInt64(last) << 3 | 2) + [0],  // an empty message (or string, which JSON then omits)
            Self.varint(UInt64(last) << 3 | 2) + [1, 0x61],  // "a"
            Self.varint(UInt64(last) << 3 | 0) + [1],  // varint 1
            Self.varint(UInt64(last) << 3 | 1) + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F],  // fixed64: 1.0 as a double
            Self.varint(UInt64(last) << 3 | 5) + [0, 0, 0x80, 0x3F],  // fixed32: 1.0 as a float
        ]
        for probe in probes {
            var bytes = probe
            for number in path.dropLast().reversed() {
                bytes = Self.varint(UInt64(number) << 3 | 2) + Self.varint(UInt64(bytes.count)) + bytes
            }
            guard let message = try? M(serializedBytes: bytes),
                  let json = try? message.jsonUTF8Data(),
                  var node = try? JSONSerialization.jsonObject(with: json) else { continue }
            var names: [String] = []
            while let object = node as? [String: Any], object.count == 1, let (key, value) = object.first {
                names.append(key)
                node = (value as? [Any])?.first ?? value
            }
            if names.count == path.count { return names.joined(separator: ".") }
        }
        return nil
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value, bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }

    /// The fields of one message, without decoding their values.
    static func split(_ bytes: [UInt8]) throws(SplitError) -> [Field] {
        var fields: [Field] = []
        var position = 0
        func readVarint() -> UInt64? {
            var result: UInt64 = 0, shift: UInt64 = 0
            while position < bytes.count, shift < 64 {
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        while position < bytes.count {
            let start = position
            guard let tag = readVarint() else { throw SplitError(description: "the tag at byte \(start) is cut off", number: nil) }
            let number = Int(truncatingIfNeeded: tag >> 3), wireType = Int(tag & 7)
            guard number > 0 else { throw SplitError(description: "byte \(start) holds field number 0, which protobuf does not use", number: nil) }
            var content: [UInt8]?
            switch wireType {
            case 0:
                guard readVarint() != nil else { throw SplitError(description: "the number is cut off at byte \(position)", number: number) }
            case 1, 5:
                let size = wireType == 1 ? 8 : 4
                guard bytes.count - position >= size else {
                    throw SplitError(description: "needs \(size) bytes, only \(bytes.count - position) remain", number: number)
                }
                position += size
            case 2:
                guard let length = readVarint() else { throw SplitError(description: "the length is cut off at byte \(position)", number: number) }
                guard length <= UInt64(bytes.count - position) else {
                    throw SplitError(description: "says it is \(length) bytes long, only \(bytes.count - position) remain (truncated?)", number: number)
                }
                content = Array(bytes[position..<(position + Int(length))])
                position += Int(length)
            default:
                throw SplitError(description: "byte \(start) has wire type \(wireType), which this protocol does not use", number: number)
            }
            fields.append(Field(number: number, wireType: wireType, raw: Array(bytes[start..<position]), content: content))
        }
        return fields
    }
}
