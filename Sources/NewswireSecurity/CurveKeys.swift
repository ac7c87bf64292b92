public import ZeroMQ

/// A service's CURVE keys, read from the files ``CurveSettings`` names.
public struct CurveKeys: Sendable, Equatable {
    /// The service's own key pair: its server key, and its client key towards other servers.
    public var keyPair: CurveKeyPair
    /// The clients its server sockets accept.
    public var allowList: CurveAllowList
    /// The public keys of the servers it connects to: none, one for all, or one per endpoint.
    public var serverPublicKeys: [String]

    public init(keyPair: CurveKeyPair, allowList: CurveAllowList, serverPublicKeys: [String] = []) {
        self.keyPair = keyPair
        self.allowList = allowList
        self.serverPublicKeys = serverPublicKeys
    }

    /// The public key of the server at `index` among the endpoints connected to; nil when none was given.
    public func serverPublicKey(forEndpointAt index: Int) -> String? {
        if serverPublicKeys.count == 1 { return serverPublicKeys[0] }
        return serverPublicKeys.indices.contains(index) ? serverPublicKeys[index] : nil
    }
}
