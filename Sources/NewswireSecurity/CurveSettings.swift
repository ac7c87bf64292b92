internal import ZeroMQ

/// A service's CURVE settings as given on the command line: paths, read at start.
///
/// With ``secretKeyPath`` set, every server socket of the service encrypts and
/// accepts only the clients in ``allowListDirectory``; unset, CURVE is off and
/// the sockets are plain ZeroMQ, as before.
public struct CurveSettings: Sendable, Equatable {
    /// `--curve-secret-key`: the service's own key pair file (`NAME.key`). nil: CURVE off.
    public var secretKeyPath: String?
    /// `--curve-allow`: the folder of client public keys (`*.pub`) the server sockets accept.
    public var allowListDirectory: String?
    /// `--consumer-public-key` (producer only): the public key files of the
    /// servers this service connects to, one for all or one per endpoint, in order.
    /// The service authenticates to them with its own key pair.
    public var serverPublicKeyPaths: [String] = []

    public init(secretKeyPath: String? = nil, allowListDirectory: String? = nil, serverPublicKeyPaths: [String] = []) {
        self.secretKeyPath = secretKeyPath
        self.allowListDirectory = allowListDirectory
        self.serverPublicKeyPaths = serverPublicKeyPaths
    }

    public var isEnabled: Bool { secretKeyPath != nil }

    /// Problems that must stop the service at start, each naming its flag.
    /// - Parameter serverCount: the endpoints the service connects to (`--consumer`).
    public func problems(serverCount: Int = 0) -> [String] {
        do {
            _ = try load(serverCount: serverCount)
            return []
        } catch {
            return error.problems
        }
    }

    /// Reads and checks every file; nil when CURVE is off.
    public func load(serverCount: Int = 0) throws(CurveSettingsError) -> CurveKeys? {
        var problems: [String] = []
        guard let secretKeyPath else {
            if allowListDirectory != nil { problems.append("--curve-allow: needs --curve-secret-key (without the service's own key pair CURVE is off)") }
            if !serverPublicKeyPaths.isEmpty { problems.append("--consumer-public-key: needs --curve-secret-key (the producer authenticates to consumers with its own key pair)") }
            if !problems.isEmpty { throw CurveSettingsError(problems: problems) }
            return nil
        }
        guard Context.hasCurve else {
            throw CurveSettingsError(problems: ["--curve-secret-key: this libzmq was built without CURVE support (libsodium)"])
        }
        var keyPair: CurveKeyPair?
        do {
            keyPair = try CurveKeyFile(contentsOf: secretKeyPath).keyPair()
        } catch {
            problems.append("--curve-secret-key: \(error)")
        }
        var allowList: CurveAllowList?
        if let allowListDirectory {
            do {
                let loaded = try CurveAllowList(directory: allowListDirectory)
                if loaded.isEmpty {
                    problems.append("--curve-allow: \(allowListDirectory) holds no *.\(CurveKeyFile.publicExtension) files, so no client could connect")
                }
                allowList = loaded
            } catch {
                problems.append("--curve-allow: \(error)")
            }
        } else {
            problems.append("--curve-allow: required with --curve-secret-key (the folder of client public keys to accept)")
        }
        var serverKeys: [String] = []
        for path in serverPublicKeyPaths {
            do {
                serverKeys.append(try CurveKeyFile(contentsOf: path).requiredPublicKey())
            } catch {
                problems.append("--consumer-public-key: \(error)")
            }
        }
        if serverPublicKeyPaths.count > 1 && serverPublicKeyPaths.count != serverCount {
            problems.append("--consumer-public-key: give one key for every consumer, or one per --consumer in the same order (\(serverCount) consumers, \(serverPublicKeyPaths.count) keys)")
        }
        guard problems.isEmpty, let keyPair, let allowList else { throw CurveSettingsError(problems: problems) }
        return CurveKeys(keyPair: keyPair, allowList: allowList, serverPublicKeys: serverKeys)
    }
}
