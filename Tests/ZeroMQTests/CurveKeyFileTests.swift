import Foundation
import NewswireTesting
import Testing
import ZeroMQ

@Suite("CURVE key files and allow-lists", .enabled(if: Context.hasCurve, "libzmq was built without CURVE support"))
struct CurveKeyFileTests {
    static func permissions(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("write makes NAME.key (0600, both keys) and NAME.pub (public only) that read back")
    func writeAndRead() throws {
        let directory = try TemporaryDirectory()
        let pair = try CurveKeyPair.generate()
        let written = try CurveKeyFile.write(pair, name: "scraper-1", directory: directory.path("keys"))
        #expect(written.secretPath == directory.path("keys/scraper-1.key"))
        #expect(written.publicPath == directory.path("keys/scraper-1.pub"))
        #expect(try Self.permissions(written.secretPath) == 0o600)
        #expect(try Self.permissions(written.publicPath) == 0o644)

        let secret = try CurveKeyFile(contentsOf: written.secretPath)
        #expect(try secret.keyPair() == pair)
        #expect(secret.name == "scraper-1")
        let `public` = try CurveKeyFile(contentsOf: written.publicPath)
        #expect(try `public`.requiredPublicKey() == pair.publicKey)
        #expect(`public`.secretKey == nil)
        let publicText = try String(contentsOfFile: written.publicPath, encoding: .utf8)
        #expect(publicText.contains("    public-key = \"\(pair.publicKey)\"\n"))
        #expect(!publicText.contains(pair.secretKey))
        let secretText = try String(contentsOfFile: written.secretPath, encoding: .utf8)
        #expect(secretText.contains("    secret-key = \"\(pair.secretKey)\"\n"))
    }

    @Test("write never overwrites, and leaves no half pair behind")
    func noOverwrite() throws {
        let directory = try TemporaryDirectory()
        try CurveKeyFile.write(try CurveKeyPair.generate(), name: "a", directory: directory.path(""))
        let before = try String(contentsOfFile: directory.path("a.key"), encoding: .utf8)
        let error = #expect(throws: CurveKeyFileError.self) {
            try CurveKeyFile.write(try CurveKeyPair.generate(), name: "a", directory: directory.path(""))
        }
        #expect(error?.path == directory.path("a.key"))
        #expect(error?.reason.contains("already exists") == true)
        #expect(try String(contentsOfFile: directory.path("a.key"), encoding: .utf8) == before)

        // Only the .pub is in the way: nothing is written.
        try "taken".write(toFile: directory.path("b.pub"), atomically: true, encoding: .utf8)
        #expect(throws: CurveKeyFileError.self) { try CurveKeyFile.write(try CurveKeyPair.generate(), name: "b", directory: directory.path("")) }
        #expect(!FileManager.default.fileExists(atPath: directory.path("b.key")))
    }

    @Test("names are plain file names", arguments: ["", ".hidden", "a/b", "../up", "a b", "é", String(repeating: "x", count: 101)])
    func badNames(_ name: String) throws {
        #expect(CurveKeyFile.nameProblem(name) != nil)
        let directory = try TemporaryDirectory()
        #expect(throws: CurveKeyFileError.self) { try CurveKeyFile.write(try CurveKeyPair.generate(), name: name, directory: directory.path("")) }
    }

    @Test("pyzmq's certificates (unquoted metadata, no name) read too")
    func pyzmqFormat() throws {
        let pair = try CurveKeyPair.generate()
        let text = """
            #   ****  Generated on 2026-11-23 by pyzmq  ****
            #   ZeroMQ CURVE **Secret** Certificate
            #   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.

            metadata
                email = ops@example.com
            curve
                public-key = "\(pair.publicKey)"
                secret-key = '\(pair.secretKey)'
            """
        #expect(try CurveKeyFile(parsing: text, path: "client.key_secret").keyPair() == pair)
        // A secret key alone is enough: the public key is derived.
        #expect(try CurveKeyFile(parsing: "secret-key = \(pair.secretKey)", path: "s").keyPair() == pair)
    }

    static let validKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"

    @Test("malformed files fail naming the line and the reason", arguments: [
        ("curve\n    public-key = \"short\"\n", 2, "public-key: 5 characters"),
        ("public-key = \"\(String(validKey.dropLast()))~\"", 1, "'~' is not a Z85 character"),
        ("public-key = \"\(String(repeating: "#", count: 40))\"", 1, "out of range"),
        ("curve\npublic-key = \"\(validKey)\"\n\npublic-key = \"\(validKey)\"", 4, "a second public-key"),
        ("# comment\nthis is not a key file", 2, "expected `name = \"value\"`"),
        ("public-key = \"\(validKey)", 1, "unterminated"),
        ("  = \"\(validKey)\"", 1, "property name"),
    ] as [(String, Int, String)])
    func malformed(_ text: String, _ line: Int, _ reason: String) {
        let error = #expect(throws: CurveKeyFileError.self) { try CurveKeyFile(parsing: text, path: "k.pub") }
        #expect(error?.path == "k.pub")
        #expect(error?.line == line)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("k.pub:\(line): ") == true)
    }

    @Test("a file with no key, a public key that does not match, and the wrong kind of file are refused")
    func wrongContents() throws {
        let empty = #expect(throws: CurveKeyFileError.self) { try CurveKeyFile(parsing: "# nothing\nmetadata\n", path: "empty.key") }
        #expect(empty?.line == nil)
        #expect(empty?.reason.contains("no public-key or secret-key") == true)

        let pair = try CurveKeyPair.generate(), other = try CurveKeyPair.generate()
        let mismatch = #expect(throws: CurveKeyFileError.self) {
            try CurveKeyFile(parsing: "curve\n  public-key = \"\(other.publicKey)\"\n  secret-key = \"\(pair.secretKey)\"\n", path: "mixed.key")
        }
        #expect(mismatch?.line == 2)
        #expect(mismatch?.reason.contains("does not belong") == true)

        let publicOnly = try CurveKeyFile(parsing: "public-key = \"\(pair.publicKey)\"", path: "client.pub")
        let noSecret = #expect(throws: CurveKeyFileError.self) { try publicOnly.keyPair() }
        #expect(noSecret?.reason.contains("no secret-key") == true)
        let secretOnly = try CurveKeyFile(parsing: "secret-key = \"\(pair.secretKey)\"", path: "client.key")
        #expect(throws: CurveKeyFileError.self) { try secretOnly.requiredPublicKey() }
    }

    @Test("reading a missing file or a folder says so")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        let missing = #expect(throws: CurveKeyFileError.self) { try CurveKeyFile(contentsOf: directory.path("nope.key")) }
        #expect(missing?.reason == "no such file")
        let folder = #expect(throws: CurveKeyFileError.self) { try CurveKeyFile(contentsOf: directory.path("")) }
        #expect(folder?.reason.contains("folder") == true)
    }

    @Test("an allow-list folder holds the *.pub files, named by file; other files are ignored")
    func allowListFolder() throws {
        let directory = try TemporaryDirectory()
        let keys = directory.path("keys"), allow = directory.path("allow")
        let first = try CurveKeyPair.generate(), second = try CurveKeyPair.generate(), outsider = try CurveKeyPair.generate()
        try CurveKeyFile.write(first, name: "scraper-1", directory: keys)
        try CurveKeyFile.write(second, name: "tail-ops", directory: keys)
        try FileManager.default.createDirectory(atPath: allow, withIntermediateDirectories: true)
        for name in ["scraper-1.pub", "tail-ops.pub"] { try FileManager.default.copyItem(atPath: "\(keys)/\(name)", toPath: "\(allow)/\(name)") }
        try "not a key".write(toFile: "\(allow)/README.md", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: "\(keys)/scraper-1.key", toPath: "\(allow)/scraper-1.key")

        let list = try CurveAllowList(directory: allow)
        #expect(list.count == 2)
        #expect(list.name(ofKey: first.publicKey) == "scraper-1")
        #expect(list.name(ofKey: try #require(Z85.decodeKey(second.publicKey))) == "tail-ops")
        #expect(list.name(ofKey: outsider.publicKey) == nil)
        #expect(list == (try CurveAllowList([first.publicKey: "scraper-1", second.publicKey: "tail-ops"])))
    }

    @Test("a bad *.pub, a missing folder or a file fail naming the path")
    func badAllowList() throws {
        let directory = try TemporaryDirectory()
        try "curve\n    public-key = \"nope\"\n".write(toFile: directory.path("broken.pub"), atomically: true, encoding: .utf8)
        let broken = #expect(throws: CurveKeyFileError.self) { try CurveAllowList(directory: directory.path("")) }
        #expect(broken?.path == directory.path("broken.pub"))
        #expect(broken?.line == 2)
        let missing = #expect(throws: CurveKeyFileError.self) { try CurveAllowList(directory: directory.path("absent")) }
        #expect(missing?.reason == "no such folder")
        let file = #expect(throws: CurveKeyFileError.self) { try CurveAllowList(directory: directory.path("broken.pub")) }
        #expect(file?.reason.contains("not a folder") == true)
        #expect(throws: CurveKeyFileError.self) { try CurveAllowList(["not a key": "x"]) }
    }

    @Test("Z85 keys round-trip; other text does not decode")
    func z85() throws {
        for _ in 0..<20 {
            let key = (0..<32).map { _ in UInt8.random(in: 0...255) }
            let text = try #require(Z85.encodeKey(key))
            #expect(text.count == 40)
            #expect(Z85.decodeKey(text) == key)
            #expect(Z85.keyProblem(text) == nil)
        }
        #expect(Z85.encodeKey([1, 2, 3]) == nil)
        for text in ["", "abc", String(repeating: "0", count: 45), String(repeating: "~", count: 40), String(repeating: "#", count: 40)] {
            #expect(Z85.decodeKey(text) == nil)
            #expect(Z85.keyProblem(text) != nil)
        }
    }
}
