internal import Foundation

/// The client public keys a CURVE server accepts, each with a name for logs
/// (the ZAP handler reports it as the peer's User-Id).
///
/// Loaded from a folder of `*.pub` key files (see ``CurveKeyFile``): the name
/// is the file name without `.pub`. Other files in the folder are ignored, so
/// it may hold a README; a `.pub` file that does not parse is an error, since
/// a silently skipped key would lock that client out.
public struct CurveAllowList: Sendable, Equatable {
    /// 32-byte public key → name.
    private var names: [[UInt8]: String]

    /// An allow-list of Z85 public keys (40 characters) → names; throws for a malformed key.
    public init(_ keys: [String: String] = [:]) throws(CurveKeyFileError) {
        names = [:]
        for (key, name) in keys {
            guard let bytes = Z85.decodeKey(key) else {
                throw CurveKeyFileError(path: "allow-list entry '\(name)'", reason: "public key '\(key)': \(Z85.keyProblem(key) ?? "not a Z85 key")")
            }
            names[bytes] = name
        }
    }

    /// Reads every `*.pub` file in `directory` (not recursively), in name order;
    /// when two files hold the same key the first name is kept.
    public init(directory: String) throws(CurveKeyFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw CurveKeyFileError(path: directory, reason: "no such folder")
        }
        guard isDirectory.boolValue else { throw CurveKeyFileError(path: directory, reason: "not a folder; give the folder that holds the *.\(CurveKeyFile.publicExtension) files") }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CurveKeyFileError(path: directory, reason: "cannot list: \(error.localizedDescription)")
        }
        names = [:]
        let suffix = "." + CurveKeyFile.publicExtension
        for entry in entries.sorted() where entry.hasSuffix(suffix) && !entry.hasPrefix(".") {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(entry).path
            let key = try CurveKeyFile(contentsOf: path).requiredPublicKey()
            // Parsing checked the key, so it decodes.
            guard let bytes = Z85.decodeKey(key) else { continue }
            if names[bytes] == nil { names[bytes] = String(entry.dropLast(suffix.count)) }
        }
    }

    /// How many distinct keys are allowed.
    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }

    /// The name of an allowed 32-byte public key (as ZAP delivers it), nil when not allowed.
    public func name(ofKey key: [UInt8]) -> String? { names[key] }

    /// The name of an allowed Z85 public key, nil when not allowed or not a key.
    public func name(ofKey key: String) -> String? { Z85.decodeKey(key).flatMap { names[$0] } }
}
