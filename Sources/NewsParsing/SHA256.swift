/// A hand-written SHA-256 (FIPS 180-4).
///
/// NewsParsing has no dependencies, and content hashes and article ids must be
/// identical on every platform, so the digest is computed here rather than
/// through CryptoKit (Apple only) or OpenSSL. It is tested against the FIPS
/// example vectors.
public struct SHA256: Sendable {
    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var state = State()
        if let done: Void = bytes.withContiguousStorageIfAvailable({ state.update($0) }) {
            _ = done
        } else {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { state.update($0) }
        }
        return state.finish()
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal characters.
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        let digest = hash(bytes)
        let alphabet: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { out in
            alphabet.withUTF8Buffer { hex in
                for (index, byte) in digest.enumerated() {
                    out[index * 2] = hex[Int(byte >> 4)]
                    out[index * 2 + 1] = hex[Int(byte & 0x0F)]
                }
            }
            return 64
        }
    }
}

extension SHA256 {
    /// The running state of one digest: eight working words, a partial block and the length.
    struct State {
        private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
            0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        private var buffer: [UInt8] = []
        private var length: UInt64 = 0

        init() {}

        /// Feeds more bytes; whole 64-byte blocks are compressed straight from `bytes`.
        mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard var base = bytes.baseAddress, !bytes.isEmpty else { return }
            var count = bytes.count
            length &+= UInt64(count)
            if !buffer.isEmpty {
                let take = min(64 - buffer.count, count)
                buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
                base += take
                count -= take
                if buffer.count == 64 {
                    buffer.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            let blocks = count / 64
            if blocks > 0 {
                compress(base, blocks: blocks)
                base += blocks * 64
                count -= blocks * 64
            }
            if count > 0 {
                buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
            }
        }

        /// Pads the message and returns the digest.
        mutating func finish() -> [UInt8] {
            let bitLength = length &* 8
            var tail = buffer
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: $0.count / 64) }
            var digest: [UInt8] = []
            digest.reserveCapacity(32)
            for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
                digest.append(UInt8(truncatingIfNeeded: word >> 24))
                digest.append(UInt8(truncatingIfNeeded: word >> 16))
                digest.append(UInt8(truncatingIfNeeded: word >> 8))
                digest.append(UInt8(truncatingIfNeeded: word))
            }
            return digest
        }

        @inline(__always)
        private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
            (x &>> n) | (x &<< (32 &- n))
        }

        /// One compression round; the caller rotates the roles of the eight words.
        @inline(__always)
        private static func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
            _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
        ) {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
            d = d &+ t1
            h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        }

        /// Compresses `blocks` consecutive 64-byte blocks starting at `pointer`.
        private mutating func compress(_ pointer: UnsafePointer<UInt8>, blocks: Int) {
            var state = h
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
                SHA256.roundConstants.withUnsafeBufferPointer { constants in
                    let w = buffer.baseAddress!
                    let k = constants.baseAddress!
                    let raw = UnsafeRawPointer(pointer)
                    for block in 0..<blocks {
                        let base = raw + block * 64
                        for i in 0..<16 {
                            w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                        }
                        for i in 16..<64 {
                            let x = w[i - 15]
                            let y = w[i - 2]
                            let s0 = State.rotr(x, 7) ^ State.rotr(x, 18) ^ (x &>> 3)
                            let s1 = State.rotr(y, 17) ^ State.rotr(y, 19) ^ (y &>> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var a = state.0, b = state.1, c = state.2, d = state.3
                        var e = state.4, f = state.5, g = state.6, hh = state.7
                        var i = 0
                        while i < 64 {
                            State.round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
                            State.round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                            State.round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                            State.round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                            State.round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
                            State.round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
                            State.round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
                            State.round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
                            i += 8
                        }
                        state.0 &+= a; state.1 &+= b; state.2 &+= c; state.3 &+= d
                        state.4 &+= e; state.5 &+= f; state.6 &+= g; state.7 &+= hh
                    }
                }
            }
            h = state
        }
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
