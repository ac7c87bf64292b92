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
/// Runs only on a payload that already failed, off the fast path, and within a
/// ``DiagnosisBudget``: a hostile payload cannot turn one refusal into seconds
/// of work; past the budget the answer is the kind of error without the field.
enum DecodeFailure {
    /// The Nack message for `payload` failing to decode as `M` with `error`.
    static func explain<M: SwiftProtobuf.Message>(_ error: any Error, payload: [UInt8], contentType: ContentType, as type: M.Type) -> String {
        let what = "frame 4 (payload) is not a valid \(contentType.rawValue) \(M.protoMessageName)"
        switch contentType {
        case .json: return "\(what): \(JSONDiagnosis<M>(payload).explain(error))"
        case .protobuf: return "\(what): \(BinaryDiagnosis<M>(payload).explain(error))"
        }
    }

    /// The `request_id` of a payload that does not decode as a whole, read
    /// from the first top-level field that decodes alone and sets it; empty
    /// when there is none. At most 64 fields are tried.
    static func requestID<M: SwiftProtobuf.Message>(in payload: [UInt8], contentType: ContentType, as _: M.Type) -> String {
        var candidates: [[UInt8]] = []
        switch contentType {
        case .json:
            let scanner = JSONScanner(payload)
            guard let root = try? scanner.validate(), root.kind == .object else { return "" }
            for member in scanner.members(of: root.range, limit: 64) where member.value.kind == .string {
                candidates.append([0x7B] + payload[member.keyRange] + [0x3A] + payload[member.value.range] + [0x7D])
            }
        case .protobuf:
            var position = 0
            while candidates.count < 64, position < payload.count,
                  let field = try? BinaryDiagnosis<M>.field(in: payload, at: &position, end: payload.count) {
                if field.content != nil { candidates.append(Array(payload[field.range])) }
            }
        }
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        for candidate in candidates {
            let message = contentType == .json ? try? M(jsonUTF8Bytes: candidate, options: options) : try? M(serializedBytes: candidate)
            if let id = (message as? any RequestTagged)?.requestID, !id.isEmpty { return id }
        }
        return ""
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
