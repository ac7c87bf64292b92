internal import CNewsHash

/// SHA-256 (FIPS 180-4) of a byte sequence.
///
/// NewsParsing has no package dependencies, and content hashes and article ids must be
/// identical on every platform, so the digest comes from our own C target (CNewsHash)
/// rather than CryptoKit (Apple only) or OpenSSL. It runs on the CPU's SHA extensions
/// where there are any (x86-64 SHA-NI, about eight times faster) and on portable C
/// elsewhere; both are tested against the FIPS example vectors.
public struct SHA256: Sendable {
    /// Which code computes the digest; both give the same result.
    public enum Implementation: Sendable, CaseIterable {
        /// The CPU's SHA extensions when it has them, the portable code otherwise.
        case automatic
        /// The portable code, whatever the CPU: lets tests check it on machines with SHA extensions.
        case portable
    }

    /// Whether ``Implementation/automatic`` uses the CPU's SHA extensions on this machine.
    public static var usesCPUExtensions: Bool { cnewshash_sha256_uses_cpu_extensions() }

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>, implementation: Implementation = .automatic) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
            withDigest(of: bytes, implementation: implementation) { digest.baseAddress!.update(from: $0, count: 32) }
            count = 32
        }
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal characters.
    public static func hexDigest(_ bytes: some Sequence<UInt8>, implementation: Implementation = .automatic) -> String {
        withDigest(of: bytes, implementation: implementation) { digest in
            let alphabet: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: 64) { out in
                alphabet.withUTF8Buffer { hex in
                    for index in 0..<32 {
                        let byte = digest[index]
                        out[index * 2] = hex[Int(byte >> 4)]
                        out[index * 2 + 1] = hex[Int(byte & 0x0F)]
                    }
                }
                return 64
            }
        }
    }

    /// Computes the digest into a temporary buffer and hands it to `body`.
    private static func withDigest<Result>(
        of bytes: some Sequence<UInt8>, implementation: Implementation, _ body: (UnsafePointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            let out = digest.baseAddress!
            let hashed: Void? = bytes.withContiguousStorageIfAvailable { input in
                compute(input, implementation, into: out)
            }
            if hashed == nil {
                Array(bytes).withUnsafeBufferPointer { compute($0, implementation, into: out) }
            }
            return body(out)
        }
    }

    private static func compute(
        _ input: UnsafeBufferPointer<UInt8>, _ implementation: Implementation, into digest: UnsafeMutablePointer<UInt8>
    ) {
        switch implementation {
        case .automatic: cnewshash_sha256(input.baseAddress, input.count, digest)
        case .portable: cnewshash_sha256_portable(input.baseAddress, input.count, digest)
        }
    }
}
