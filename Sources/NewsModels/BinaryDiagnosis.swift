internal import Foundation
internal import SwiftProtobuf

/// Finds the protobuf field at fault by decoding fields alone (``DecodeFailure``);
/// names it by decoding a probe value at the same field number and reading
/// the field's JSON name from the message's JSON encoding.
struct BinaryDiagnosis<M: SwiftProtobuf.Message> {
    let payload: [UInt8]
    let budget: DiagnosisBudget
    /// Embedded messages descended into, at most.
    static var depth: Int { 12 }

    init(_ payload: [UInt8]) {
        self.payload = payload
        self.budget = DiagnosisBudget(payloadBytes: payload.count)
    }

    /// One field on the wire: number, wire type, the bytes of the whole field
    /// (tag included) and, when length-delimited, of its content.
    struct Field {
        var number: Int
        var range: Range<Int>
        var content: Range<Int>?
    }

    struct SplitError: Error {
        var description: String
        var number: Int?
    }

    func explain(_ error: any Error) -> String {
        do {
            if let found = try locate(0..<payload.count, path: [], wrap: { $0 }) { return found }
        } catch {
            // Out of budget: say what went wrong without the field.
        }
        return DecodeFailure.expectation(error)
    }

    private func fails(_ bytes: [UInt8]) throws(DiagnosisBudget.Exhausted) -> (any Error)? {
        try budget.spend(bytes.count)
        do {
            _ = try M(serializedBytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func locate(_ range: Range<Int>, path: [Int], wrap: @escaping ([UInt8]) -> [UInt8]) throws(DiagnosisBudget.Exhausted) -> String? {
        var position = range.lowerBound
        while position < range.upperBound {
            let field: Field
            do {
                field = try Self.field(in: payload, at: &position, end: range.upperBound)
            } catch {
                guard let number = error.number else {
                    return path.isEmpty ? error.description : "\(try name(path)): \(error.description)"
                }
                return "\(try name(path + [number])): \(error.description)"
            }
            guard let error = try fails(wrap(Array(payload[field.range]))) else { continue }
            let fieldPath = path + [field.number]
            if let content = field.content, path.count < Self.depth, Self.isMessage(payload, content) {
                let tag = Array(payload[field.range.lowerBound..<(content.lowerBound - Self.varint(UInt64(content.count)).count)])
                let wrapField: ([UInt8]) -> [UInt8] = { inner in wrap(tag + Self.varint(UInt64(inner.count)) + inner) }
                if let deeper = try locate(content, path: fieldPath, wrap: wrapField) { return deeper }
            }
            return "\(try name(fieldPath)): \(DecodeFailure.expectation(error))"
        }
        return nil
    }

    /// Whether `range` reads as protobuf fields (else the field is a string or bytes).
    private static func isMessage(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound {
            guard (try? field(in: bytes, at: &position, end: range.upperBound)) != nil else { return false }
        }
        return true
    }

    /// "field 'article.title' (number 7.1)" when a probe finds the names, else "field 7.1".
    private func name(_ path: [Int]) throws(DiagnosisBudget.Exhausted) -> String {
        let numbers = path.map(String.init).joined(separator: ".")
        guard let names = try probeNames(path) else { return "field \(numbers)" }
        return "field '\(names)' (number \(numbers))"
    }

    /// The JSON names along `path`: a message holding only a probe value there, encoded as JSON.
    private func probeNames(_ path: [Int]) throws(DiagnosisBudget.Exhausted) -> String? {
        guard let last = path.last else { return nil }
        let probes: [[UInt8]] = [
            Self.varint(UInt64(last) << 3 | 2) + [0],  // an empty message (or string: JSON omits it, then the next probe)
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
            try budget.spend(bytes.count)
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

    /// Reads the field at `position` (before `end`) without decoding its value.
    static func field(in bytes: [UInt8], at position: inout Int, end: Int) throws(SplitError) -> Field {
        func readVarint() -> UInt64? {
            var result: UInt64 = 0, shift: UInt64 = 0
            while position < end, shift < 64 {
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        let start = position
        guard let tag = readVarint() else { throw SplitError(description: "the tag at byte \(start) is cut off", number: nil) }
        let number = Int(truncatingIfNeeded: tag >> 3), wireType = Int(tag & 7)
        guard number > 0, number < 1 << 29 else {
            throw SplitError(description: "byte \(start) holds field number \(number), which protobuf does not allow", number: nil)
        }
        var content: Range<Int>?
        switch wireType {
        case 0:
            guard readVarint() != nil else { throw SplitError(description: "the number is cut off at byte \(position)", number: number) }
        case 1, 5:
            let size = wireType == 1 ? 8 : 4
            guard end - position >= size else {
                throw SplitError(description: "needs \(size) bytes, only \(end - position) remain (truncated?)", number: number)
            }
            position += size
        case 2:
            guard let length = readVarint() else { throw SplitError(description: "the length is cut off at byte \(position)", number: number) }
            guard length <= UInt64(end - position) else {
                throw SplitError(description: "says it is \(length) bytes long, only \(end - position) remain (truncated?)", number: number)
            }
            content = position..<(position + Int(length))
            position += Int(length)
        default:
            throw SplitError(description: "byte \(start) has wire type \(wireType), which this protocol does not use", number: number)
        }
        return Field(number: number, range: start..<position, content: content)
    }
}
