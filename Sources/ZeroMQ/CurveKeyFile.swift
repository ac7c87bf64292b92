internal import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A CURVE key file: czmq's certificate format (a subset of ZPL), which
/// `newswire keygen` writes and pyzmq's `zmq.auth.load_certificate` reads.
///
/// ```
/// #   ZeroMQ CURVE Secret Certificate
/// metadata
///     name = "scraper-1"
/// curve
///     public-key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
///     secret-key = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"
/// ```
///
/// `NAME.key` holds both keys (keep it private, mode 0600); `NAME.pub` holds only
/// `public-key` (hand it to the servers' allow-lists). Reading rules: lines are
/// UTF-8; blank lines and lines starting with `#` are skipped; `name = value`
/// sets a property (value optionally in `"…"` or `'…'`); a bare word is a
/// section header (`metadata`, `curve`). Only `public-key`, `secret-key` (40
/// Z85 characters each, at most once) and `name` mean something; other
/// properties are ignored. Anything else is an error naming the line.
public struct CurveKeyFile: Sendable, Equatable {
    /// File name extension of a key pair file (secret).
    public static let secretExtension = "key"
    /// File name extension of a public key file.
    public static let publicExtension = "pub"

    /// The `name` property: who the key belongs to.
    public var name: String?
    public var publicKey: String?
    public var secretKey: String?
    /// Where it was read from, for error messages.
    public var path: String

    public init(name: String?, publicKey: String?, secretKey: String?, path: String = "") {
        self.name = name
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.path = path
    }

    /// Reads and parses the file at `path`.
    public init(contentsOf path: String) throws(CurveKeyFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CurveKeyFileError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw CurveKeyFileError(path: path, reason: "is a folder, not a key file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CurveKeyFileError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard data.count <= 64 * 1024 else { throw CurveKeyFileError(path: path, reason: "\(data.count) bytes; too large for a key file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CurveKeyFileError(path: path, reason: "not UTF-8 text") }
        try self.init(parsing: text, path: path)
    }

    /// Parses key file text; `path` only names the source in errors.
    public init(parsing text: String, path: String) throws(CurveKeyFileError) {
        self.path = path
        var publicKeyLine = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                if line.contains(where: \.isWhitespace) {
                    throw CurveKeyFileError(path: path, line: number, reason: "expected `name = \"value\"`, a section name or a # comment")
                }
                continue  // a section header: metadata, curve
            }
            let property = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !property.isEmpty, !property.contains(where: \.isWhitespace) else {
                throw CurveKeyFileError(path: path, line: number, reason: "expected a property name before '='")
            }
            let value = try Self.unquoted(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), path: path, line: number)
            switch property {
            case "public-key", "secret-key":
                if let problem = Z85.keyProblem(value) {
                    throw CurveKeyFileError(path: path, line: number, reason: "\(property): \(problem)")
                }
                if property == "public-key" {
                    guard publicKey == nil else { throw CurveKeyFileError(path: path, line: number, reason: "a second public-key") }
                    publicKey = value
                    publicKeyLine = number
                } else {
                    guard secretKey == nil else { throw CurveKeyFileError(path: path, line: number, reason: "a second secret-key") }
                    secretKey = value
                }
            case "name":
                name = value
            default:
                continue  // other metadata
            }
        }
        guard publicKey != nil || secretKey != nil else {
            throw CurveKeyFileError(path: path, reason: "no public-key or secret-key line; expected a key file written by `newswire keygen`")
        }
        if let publicKey, let secretKey, let derived = try? CurveKeyPair.publicKey(forSecretKey: secretKey), derived != publicKey {
            throw CurveKeyFileError(path: path, line: publicKeyLine, reason: "public-key does not belong to the secret-key in this file")
        }
    }

    /// The key pair, for a service's or client's own identity. Needs `secret-key`;
    /// the public key is derived from it when the file has none.
    public func keyPair() throws(CurveKeyFileError) -> CurveKeyPair {
        guard let secretKey else {
            throw CurveKeyFileError(path: path, reason: "no secret-key: this is a public key file; give the .\(Self.secretExtension) file written with it")
        }
        if let publicKey { return CurveKeyPair(publicKey: publicKey, secretKey: secretKey) }
        do {
            return CurveKeyPair(publicKey: try CurveKeyPair.publicKey(forSecretKey: secretKey), secretKey: secretKey)
        } catch {
            throw CurveKeyFileError(path: path, reason: "cannot derive the public key: \(error)")
        }
    }

    /// The public key, for an allow-list or a server to connect to. Needs `public-key`.
    public func requiredPublicKey() throws(CurveKeyFileError) -> String {
        guard let publicKey else { throw CurveKeyFileError(path: path, reason: "no public-key line") }
        return publicKey
    }

    /// The file's text: a secret certificate when `secretKey` is set, else a public one.
    public var text: String {
        var lines = secretKey == nil
            ? ["#   ZeroMQ CURVE Public Certificate",
               "#   Written by `newswire keygen`. Share it: servers accept the client whose",
               "#   public key is in their allow-list folder (--curve-allow)."]
            : ["#   ZeroMQ CURVE **Secret** Certificate",
               "#   Written by `newswire keygen`. DO NOT PROVIDE THIS FILE TO OTHER USERS",
               "#   nor change its permissions; hand out the .\(Self.publicExtension) file instead."]
        lines += ["", "metadata"]
        if let name { lines.append("    name = \"\(name)\"") }
        lines.append("curve")
        if let publicKey { lines.append("    public-key = \"\(publicKey)\"") }
        if let secretKey { lines.append("    secret-key = \"\(secretKey)\"") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why `name` cannot name a key file, or nil: letters, digits, `.`, `_` and `-`, not starting with `.`.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.hasPrefix(".") { return "must not start with '.'" }
        if name.utf8.count > 100 { return "at most 100 characters" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0))) }) {
            return "'\(bad)' is not allowed; use letters, digits, '.', '_' and '-'"
        }
        return nil
    }

    /// Writes `NAME.key` (both keys, mode 0600) and `NAME.pub` (public key) into
    /// `directory`, creating it if needed. Never overwrites: an existing file is an error.
    @discardableResult
    public static func write(_ keyPair: CurveKeyPair, name: String, directory: String) throws(CurveKeyFileError) -> (secretPath: String, publicPath: String) {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let secretPath = folder.appendingPathComponent("\(name).\(secretExtension)").path
        let publicPath = folder.appendingPathComponent("\(name).\(publicExtension)").path
        if let problem = nameProblem(name) { throw CurveKeyFileError(path: secretPath, reason: "name '\(name)': \(problem)") }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CurveKeyFileError(path: directory, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        for path in [secretPath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw CurveKeyFileError(path: path, reason: "already exists; not overwritten (remove it or choose another name)")
        }
        let secret = CurveKeyFile(name: name, publicKey: keyPair.publicKey, secretKey: keyPair.secretKey, path: secretPath)
        let `public` = CurveKeyFile(name: name, publicKey: keyPair.publicKey, secretKey: nil, path: publicPath)
        try createExclusively(secretPath, secret.text, mode: 0o600)
        do {
            try createExclusively(publicPath, `public`.text, mode: 0o644)
        } catch {
            unlink(secretPath)  // no half-written pair
            throw error
        }
        return (secretPath, publicPath)
    }

    /// A property value without its surrounding quotes.
    private static func unquoted(_ value: String, path: String, line: Int) throws(CurveKeyFileError) -> String {
        guard let quote = value.first, quote == "\"" || quote == "'" else { return value }
        guard value.count >= 2, value.last == quote else {
            throw CurveKeyFileError(path: path, line: line, reason: "unterminated \(quote) quote")
        }
        return String(value.dropFirst().dropLast())
    }
}

/// Creates `path` (failing if it exists) with exactly `mode`, whatever the
/// umask, and writes `text`. Outside ``CurveKeyFile`` so `write` is the POSIX call.
private func createExclusively(_ path: String, _ text: String, mode: mode_t) throws(CurveKeyFileError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
    guard fd >= 0 else { throw CurveKeyFileError(path: path, reason: "cannot create: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    guard fchmod(fd, mode) == 0 else { throw CurveKeyFileError(path: path, reason: "cannot set mode: \(String(cString: strerror(errno)))") }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { throw CurveKeyFileError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        written += count
    }
}
