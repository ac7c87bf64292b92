public import ArgumentParser
internal import Foundation
internal import ZeroMQ

/// `newswire keygen --output DIR --name NAME`: writes a fresh CURVE key pair as
/// `NAME.key` (both keys, mode 0600: the owner's identity) and `NAME.pub` (the
/// public key, for the allow-lists of the services it connects to).
public struct KeygenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CURVE key pair: NAME.key (secret, mode 0600) and NAME.pub (public).",
        discussion: """
            The files use czmq's certificate format (`public-key = "…"` and `secret-key = "…"` \
            lines, Z85), which pyzmq's zmq.auth.load_certificate also reads. A service takes \
            its NAME.key with --curve-secret-key; a client with --curve-key. Copy a client's \
            NAME.pub into a service's --curve-allow folder to let it in, and give clients the \
            service's NAME.pub for --server-public-key. Existing files are never overwritten.
            """)

    @Option(help: "Folder to write the two files into; created if missing.")
    var output: String = "."

    @Option(help: "Base name of the files: letters, digits, '.', '_' and '-'.")
    var name: String

    public init() {}

    public func validate() throws {
        if let problem = CurveKeyFile.nameProblem(name) { throw ValidationError("--name: \(problem)") }
        if !Context.hasCurve { throw ValidationError("this libzmq was built without CURVE support (libsodium)") }
    }

    public func run() throws {
        let keyPair = try CurveKeyPair.generate()
        let written = try CurveKeyFile.write(keyPair, name: name, directory: output)
        print("""
            wrote \(written.secretPath) (secret; keep it private)
            wrote \(written.publicPath) (public key \(keyPair.publicKey))
            """)
    }
}
