public import ArgumentParser
internal import NewsModels

/// The CURVE flags both services share (`@OptionGroup var curve: CurveServerOptions`).
/// Empty values mean CURVE off; the files are checked by ``CurveSettings/problems(serverCount:)``.
public struct CurveServerOptions: ParsableArguments {
    @Option(help: "This service's CURVE key pair file (NAME.key from `newswire keygen`); turns on CURVE encryption and authentication for its sockets. Empty: off. (env: NEWSWIRE_CURVE_SECRET_KEY)")
    public var curveSecretKey: String = EnvironmentDefault.string("NEWSWIRE_CURVE_SECRET_KEY", "")

    @Option(help: "Folder of the client public keys (*.pub) allowed to connect; required with --curve-secret-key. (env: NEWSWIRE_CURVE_ALLOW)")
    public var curveAllow: String = EnvironmentDefault.string("NEWSWIRE_CURVE_ALLOW", "")

    public init() {}

    /// The settings these flags give, with the server keys of a producer's `--consumer-public-key`.
    public func settings(serverPublicKeyPaths: [String] = []) -> CurveSettings {
        CurveSettings(
            secretKeyPath: curveSecretKey.isEmpty ? nil : curveSecretKey,
            allowListDirectory: curveAllow.isEmpty ? nil : curveAllow,
            serverPublicKeyPaths: serverPublicKeyPaths)
    }

    /// The lines `--print-config` shows for these flags.
    public var configurationLines: String {
        "NEWSWIRE_CURVE_SECRET_KEY=\(curveSecretKey)\nNEWSWIRE_CURVE_ALLOW=\(curveAllow)"
    }
}
