internal import CZeroMQ

/// Z85 (ZeroMQ RFC 32): the text form of CURVE keys, 5 characters per 4 bytes.
///
/// Only 32-byte keys (40 characters) are handled: that is all CURVE needs, and
/// checking the length and alphabet here keeps libzmq's decoder from writing
/// past its 32-byte buffer or reading uninitialized memory.
public enum Z85 {
    /// The 85 characters Z85 uses, in value order.
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)
    private static let alphabetSet = Set(alphabet)

    /// Why `text` is not a 40-character Z85 key, or nil when it is one.
    public static func keyProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 40 else { return "\(bytes.count) characters; a Z85 key has 40" }
        if let bad = text.first(where: { !$0.isASCII || !alphabetSet.contains($0.asciiValue!) }) {
            return "'\(bad)' is not a Z85 character"
        }
        if decodeKey(text) == nil { return "not a valid Z85 key (a 5-character group is out of range)" }
        return nil
    }

    /// The 32 bytes of a 40-character Z85 key; nil when it is not one.
    public static func decodeKey(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count == 40, bytes.allSatisfy(alphabetSet.contains) else { return nil }
        var key = [UInt8](repeating: 0, count: 32)
        let decoded = key.withUnsafeMutableBufferPointer { buffer in
            zmq_z85_decode(buffer.baseAddress, text) != nil
        }
        return decoded ? key : nil
    }

    /// The 40-character Z85 text of a 32-byte key; nil for any other length.
    public static func encodeKey(_ key: [UInt8]) -> String? {
        guard key.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, key, key.count) != nil else { return nil }
        return String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
