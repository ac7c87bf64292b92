import Foundation
import NewsParsing
import Testing

/// SHA-256 against FIPS 180-2 example vectors and boundary lengths, on the CPU's SHA
/// extensions (where this machine has them) and on the portable code.
@Suite("SHA-256")
struct SHA256Tests {
    static let fipsVectors = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("FIPS 180-2 vectors", arguments: SHA256.Implementation.allCases, fipsVectors)
    func vectors(_ implementation: SHA256.Implementation, _ vector: (message: String, digest: String)) {
        #expect(SHA256.hexDigest(Array(vector.message.utf8), implementation: implementation) == vector.digest)
    }

    @Test("One million “a”", arguments: SHA256.Implementation.allCases)
    func millionA(_ implementation: SHA256.Implementation) {
        let digest = SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000), implementation: implementation)
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    static let paddingLengths = [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ]

    @Test("Padding boundaries", arguments: SHA256.Implementation.allCases, paddingLengths)
    func boundaries(_ implementation: SHA256.Implementation, _ boundary: (length: Int, digest: String)) {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: boundary.length), implementation: implementation) == boundary.digest)
    }

    @Test("Both implementations agree on every length up to three blocks and on varied bytes")
    func implementationsAgree() {
        for length in 0...200 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            #expect(SHA256.hash(bytes) == SHA256.hash(bytes, implementation: .portable), "length \(length)")
        }
    }

    @Test("The CPU's SHA extensions are used exactly when the CPU reports them")
    func detection() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }.map { Set($0.split(separator: " ")) } ?? []
        let expected = flags.contains("sha_ni") && flags.contains("ssse3") && flags.contains("sse4_1")
        #expect(SHA256.usesCPUExtensions == expected, "/proc/cpuinfo flags: sha_ni \(flags.contains("sha_ni"))")
        #elseif !arch(x86_64)
        #expect(!SHA256.usesCPUExtensions)
        #endif
    }

    @Test("Non-contiguous sequences hash like arrays; the raw digest has 32 bytes")
    func sequences() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hexDigest(message.utf8) == SHA256.hexDigest(Array(message.utf8)))
        #expect(SHA256.hexDigest(message.utf8.lazy.map { $0 }) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let raw = SHA256.hash(Array("abc".utf8))
        #expect(raw.count == 32)
        #expect(raw.prefix(4) == [0xBA, 0x78, 0x16, 0xBF])
    }
}
