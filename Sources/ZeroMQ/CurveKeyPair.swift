internal import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as libzmq and the key files use.
public struct CurveKeyPair: Sendable, Equatable {
    public var publicKey: String
    public var secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh random key pair. Needs libzmq built with CURVE (``Context/hasCurve``).
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: Self.text(publicKey), secretKey: Self.text(secretKey))
    }

    /// The public key that belongs to a secret key (Z85, 40 characters).
    ///
    /// Throws `EINVAL` for anything but 40 characters: libzmq decodes the whole
    /// string into a 32-byte buffer, so a longer one would overflow its stack and
    /// a shorter one would yield a key made from uninitialized memory.
    public static func publicKey(forSecretKey secretKey: String) throws(ZMQError) -> String {
        guard secretKey.utf8.count == 40 else {
            throw ZMQError(code: .invalidArgument, operation: "zmq_curve_public (a Z85 secret key has 40 characters, got \(secretKey.utf8.count) bytes)")
        }
        var publicKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicKey, secretKey) == 0 else { throw ZMQError.last("zmq_curve_public") }
        return text(publicKey)
    }

    private static func text(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
