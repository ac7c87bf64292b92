public import ArgumentParser
internal import NewsModels
internal import ZeroMQ

/// The CURVE flags of the client commands that talk to a service
/// (`@OptionGroup var curve: CurveClientOptions`): both or neither.
public struct CurveClientOptions: ParsableArguments {
    @Option(help: "Your CURVE key pair file (NAME.key from `newswire keygen`), for a service with CURVE on; its .pub must be in the service's allow-list. (env: NEWSWIRE_CURVE_KEY)")
    public var curveKey: String = EnvironmentDefault.string("NEWSWIRE_CURVE_KEY", "")

    @Option(help: "The service's public key file (its NAME.pub); required with --curve-key. (env: NEWSWIRE_SERVER_PUBLIC_KEY)")
    public var serverPublicKey: String = EnvironmentDefault.string("NEWSWIRE_SERVER_PUBLIC_KEY", "")

    public init() {}

    public func validate() throws {
        _ = try credentials()
    }

    /// The credentials these flags name; nil when both are empty (CURVE off).
    /// Throws a `ValidationError` naming the flag at fault.
    public func credentials() throws(ValidationError) -> CurveClientCredentials? {
        switch (curveKey.isEmpty, serverPublicKey.isEmpty) {
        case (true, true): return nil
        case (false, true): throw ValidationError("--server-public-key: required with --curve-key (the service's .pub file)")
        case (true, false): throw ValidationError("--curve-key: required with --server-public-key (your key pair file)")
        case (false, false): break
        }
        let keyPair: CurveKeyPair
        do {
            keyPair = try CurveKeyFile(contentsOf: curveKey).keyPair()
        } catch {
            throw ValidationError("--curve-key: \(error)")
        }
        do {
            return CurveClientCredentials(keyPair: keyPair, serverPublicKey: try CurveKeyFile(contentsOf: serverPublicKey).requiredPublicKey())
        } catch {
            throw ValidationError("--server-public-key: \(error)")
        }
    }
}
