import Foundation
import Testing
import ZeroMQ

/// Z85's alphabet (ZeroMQ RFC 32).
private let z85Alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")

/// Skips, saying why, when libzmq was built without libsodium.
private let curveAvailable: Bool = {
    if !Context.hasCurve {
        print("CURVE tests skipped: this libzmq was built without CURVE (zmq_has(\"curve\") is false)")
    }
    return Context.hasCurve
}()

@Suite("CURVE security", .enabled(if: curveAvailable, "libzmq was built without CURVE support"))
struct CurveTests {
    @Test("generated key pairs are 40-character Z85 strings, fresh every time")
    func generate() throws {
        let first = try CurveKeyPair.generate()
        let second = try CurveKeyPair.generate()
        for key in [first.publicKey, first.secretKey, second.publicKey, second.secretKey] {
            #expect(key.count == 40)
            #expect(key.allSatisfy { z85Alphabet.contains($0) }, "\(key) is not Z85")
        }
        #expect(first.publicKey != first.secretKey)
        #expect(first != second)
    }

    @Test("publicKey(forSecretKey:) recovers the public key")
    func publicKeyRoundTrip() throws {
        for _ in 0..<5 {
            let pair = try CurveKeyPair.generate()
            #expect(try CurveKeyPair.publicKey(forSecretKey: pair.secretKey) == pair.publicKey)
        }
    }

    @Test("publicKey(forSecretKey:) rejects anything but 40 Z85 characters",
          arguments: ["", "short", String(repeating: "0", count: 39), String(repeating: "0", count: 45),
                      String(repeating: "0", count: 50), String(repeating: "0", count: 400),
                      String(repeating: "0", count: 39) + "~", String(repeating: "é", count: 20)])
    func badSecretKey(_ key: String) {
        #expect(throws: ZMQError.self) { try CurveKeyPair.publicKey(forSecretKey: key) }
    }

    @Test("a CURVE client talks to a CURVE server; a client with the wrong server key does not")
    func serverAndClient() async throws {
        let (reply, request, impostorGotThrough) = try await onThread("curve") {
            let context = try Context()
            let serverKeys = try CurveKeyPair.generate()
            let server = try Socket(context: context, type: .router)
            try server.setCurveServer(secretKey: serverKeys.secretKey)
            try server.setZAPDomain("newswire")
            let endpoint = try bindLoopback(server)

            let client = try Socket(context: context, type: .dealer)
            try client.setCurveClient(serverKey: serverKeys.publicKey, keyPair: try CurveKeyPair.generate())
            try client.connect(endpoint)
            try client.send(Multipart(strings: ["secret article"]))
            let request = try receiveWithin(server)
            try server.send(Multipart([request[0], bytes("ack")]))
            let reply = try receiveWithin(client)

            // Same server, but the client trusts another server key: the handshake fails.
            let impostor = try Socket(context: context, type: .dealer)
            try impostor.setLinger(.zero)
            try impostor.setCurveClient(serverKey: try CurveKeyPair.generate().publicKey, keyPair: try CurveKeyPair.generate())
            try impostor.connect(endpoint)
            try impostor.send(Multipart(strings: ["let me in"]))
            let impostorGotThrough = try server.receive(timeout: .milliseconds(500)) != nil
            return (reply, request, impostorGotThrough)
        }
        #expect(request.string(at: 1) == "secret article")
        #expect(reply == Multipart(strings: ["ack"]))
        #expect(!impostorGotThrough)
    }

    @Test("a plain-text client cannot talk to a CURVE server")
    func plainClientRefused() async throws {
        let gotThrough = try await onThread("curve-plain") {
            let context = try Context()
            let server = try Socket(context: context, type: .pull)
            try server.setCurveServer(secretKey: try CurveKeyPair.generate().secretKey)
            let client = try Socket(context: context, type: .push)
            try client.setLinger(.zero)
            try client.connect(try bindLoopback(server))
            try client.send(Multipart(strings: ["plain text"]))
            return try server.receive(timeout: .milliseconds(500)) != nil
        }
        #expect(!gotThrough)
    }

    @Test("a malformed key is refused by the socket option")
    func badSocketKey() throws {
        let context = try Context()
        let server = try Socket(context: context, type: .router)
        let error = try #require(throws: ZMQError.self) { try server.setCurveServer(secretKey: "not a key") }
        #expect(error.description.contains("CURVE_SECRETKEY"))
    }
}
