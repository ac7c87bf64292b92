public import ZeroMQ

/// What a client needs to talk to a service with CURVE on: its own key pair
/// (whose public key is in the service's allow-list) and the service's public key.
public struct CurveClientCredentials: Sendable, Equatable {
    public var keyPair: CurveKeyPair
    public var serverPublicKey: String

    public init(keyPair: CurveKeyPair, serverPublicKey: String) {
        self.keyPair = keyPair
        self.serverPublicKey = serverPublicKey
    }

    /// Makes `socket` a CURVE client of the server; call before `connect`.
    public func apply(to socket: Socket) throws(ZMQError) {
        try socket.setCurveClient(serverKey: serverPublicKey, keyPair: keyPair)
    }
}
