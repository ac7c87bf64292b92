internal import SwiftProtobuf

/// Finds the JSON member at fault by decoding members alone (``DecodeFailure``),
/// and what the field takes by decoding one value of each JSON kind in its place.
struct JSONDiagnosis<M: SwiftProtobuf.Message> {
    let payload: [UInt8]
    let scanner: JSONScanner
    let budget: DiagnosisBudget
    /// Members or elements looked at per level, and levels descended: the budget
    /// bounds the decodes, these bound the scanning.
    static var breadth: Int { 512 }
    static var depth: Int { 12 }

    init(_ payload: [UInt8]) {
        self.payload = payload
        self.scanner = JSONScanner(payload)
        self.budget = DiagnosisBudget(payloadBytes: payload.count)
    }

    func explain(_ error: any Error) -> String {
        let root: JSONScanner.Value
        do {
            root = try scanner.validate()
        } catch {
            return error.description
        }
        guard root.kind == .object else {
            return "the payload is \(root.kind.noun), expected a JSON object {…}"
        }
        do {
            if let found = try locate(root, path: "", level: 0, wrap: { $0 }) { return found }
        } catch {
            // Out of budget: say what went wrong without the field.
        }
        if let invalid = JSONScanner.firstInvalidUTF8(payload[...]) {
            return "the JSON is not valid UTF-8 at byte \(invalid)"
        }
        return DecodeFailure.expectation(error)
    }

    /// The error of decoding `bytes` as `M`, nil when it decodes.
    private func fails(_ bytes: [UInt8]) throws(DiagnosisBudget.Exhausted) -> (any Error)? {
        try budget.spend(bytes.count)
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        do {
            _ = try M(jsonUTF8Bytes: bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    private func objectBytes(_ members: [JSONScanner.Member]) -> [UInt8] {
        var bytes: [UInt8] = [0x7B]
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes += payload[member.keyRange]
            bytes.append(0x3A)
            bytes += payload[member.value.range]
        }
        bytes.append(0x7D)
        return bytes
    }

    /// The message naming the member of `object` (at `path`) that fails alone,
    /// narrowed down inside it; nil when none does.
    private func locate(_ object: JSONScanner.Value, path: String, level: Int, wrap: @escaping ([UInt8]) -> [UInt8]) throws(DiagnosisBudget.Exhausted) -> String? {
        let members = scanner.members(of: object.range, limit: Self.breadth)
        for member in members {
            let memberPath = path.isEmpty ? member.key : "\(path).\(member.key)"
            guard let error = try fails(wrap(objectBytes([member]))) else { continue }
            let key = Array(payload[member.keyRange])
            let wrapMember: ([UInt8]) -> [UInt8] = { inner in wrap([0x7B] + key + [0x3A] + inner + [0x7D]) }
            if level < Self.depth {
                switch member.value.kind {
                case .object:
                    if let deeper = try locate(member.value, path: memberPath, level: level + 1, wrap: wrapMember) { return deeper }
                case .array:
                    // When an empty array decodes, the fault is in an element (else it is the array itself).
                    guard try fails(wrapMember([0x5B, 0x5D])) == nil else { break }
                    for (index, element) in scanner.elements(of: member.value.range, limit: Self.breadth).enumerated() {
                        let wrapElement: ([UInt8]) -> [UInt8] = { inner in wrapMember([0x5B] + inner + [0x5D]) }
                        guard let elementError = try fails(wrapElement(Array(payload[element.range]))) else { continue }
                        let elementPath = "\(memberPath)[\(index)]"
                        if element.kind == .object, let deeper = try locate(element, path: elementPath, level: level + 1, wrap: wrapElement) {
                            return deeper
                        }
                        return try describe(elementPath, element, elementError, wrap: wrapElement)
                    }
                default:
                    break
                }
            }
            return try describe(memberPath, member.value, error, wrap: wrapMember)
        }
        // Each member decodes alone, together they do not: two members of one oneof, or one set twice.
        guard members.count <= 32 else { return nil }
        for (first, member) in members.enumerated() {
            for other in members[(first + 1)...] where try fails(wrap(objectBytes([member, other]))) != nil {
                let inPath = path.isEmpty ? "" : " in '\(path)'"
                if member.key == other.key {
                    return "field '\(member.key)'\(inPath) is given twice"
                }
                return "fields '\(member.key)' and '\(other.key)'\(inPath) are both set; only one of them may be (they are a oneof)"
            }
        }
        return nil
    }

    /// "field 'a.b' is the value 42: expected …", where what is expected comes
    /// from probing the field (`wrap` puts a value in its place) or, failing
    /// that, from SwiftProtobuf's error.
    private func describe(_ path: String, _ value: JSONScanner.Value, _ error: any Error, wrap: ([UInt8]) -> [UInt8]) throws(DiagnosisBudget.Exhausted) -> String {
        let raw = payload[value.range]
        var snippet = String(decoding: raw.prefix(60), as: UTF8.self)
        if raw.count > 60 { snippet += "…" }
        var explanation = try expected(wrap).map { "expected \($0)" } ?? DecodeFailure.expectation(error)
        if let invalid = JSONScanner.firstInvalidUTF8(raw) {
            explanation = "is not valid UTF-8 (byte \(invalid) of the value)"
        } else if value.kind == .string, explanation.hasPrefix("expected a JSON string") {
            explanation = DecodeFailure.expectation(error)
        }
        return "field '\(path)' is \(value.kind.noun) \(snippet): \(explanation)"
    }

    /// What the field takes, found by trying one value of each JSON kind in its place.
    private func expected(_ wrap: ([UInt8]) -> [UInt8]) throws(DiagnosisBudget.Exhausted) -> String? {
        func takes(_ text: String) throws(DiagnosisBudget.Exhausted) -> Bool { try fails(wrap(Array(text.utf8))) == nil }
        let text = try takes(#""a""#), number = try takes("1"), timestamp = try takes(#""2013-08-23T14:02:05.250Z""#)
        if try takes("[]"), try !takes("{}") { return "a JSON array" }
        if timestamp && !text { return #"an RFC 3339 timestamp string such as "2013-08-23T14:02:05.250Z""# }
        if try takes("true"), !number { return "true or false" }
        if number && !text { return "a number (or a string holding one) in the field's range" }
        if text && !number { return "a JSON string" }
        if try takes(#""QQ==""#), !text { return "base64 text (a bytes field)" }
        if try takes("{}"), !text { return "a JSON object" }
        return nil
    }
}
