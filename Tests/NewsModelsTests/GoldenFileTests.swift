import Foundation
import NewsModels
import NewswireTesting
import SwiftProtobuf
import Testing

/// The committed bytes of every message type (Tests/Fixtures/protocol) are the
/// protocol's memory: if a change to the .proto or the generated code alters
/// how a message is encoded or decoded, these tests fail.
///
/// To write the files again after *adding* fields (never for a change of
/// meaning), set the samples' new fields and run once with
/// `NEWSWIRE_WRITE_GOLDEN=1 swift test --filter GoldenFileTests`, then
/// pretty-print the JSON (key order kept, UTF-8 as is) as Tests/Fixtures/protocol/README.md says.
@Suite("Golden files")
struct GoldenFileTests {
    static let folder = "protocol"

    /// Byte-for-byte encodings need map keys in a fixed order.
    static var binaryOptions: BinaryEncodingOptions {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return options
    }

    static var jsonOptions: JSONEncodingOptions {
        var options = JSONEncodingOptions()
        options.useDeterministicOrdering = true
        return options
    }

    @Test("the binary golden file decodes to the expected value and re-encodes to the same bytes", arguments: GoldenCase.all)
    func binary(_ golden: GoldenCase) throws {
        let bytes = [UInt8](try Fixtures.data("\(Self.folder)/\(golden.name).binpb"))
        let decoded = try decodeBinary(like: golden.value, bytes)
        #expect(decoded.isEqualTo(message: golden.value), "\(golden.name).binpb decodes to \(decoded)")
        let reencoded: [UInt8] = try decoded.serializedBytes(options: Self.binaryOptions)
        #expect(reencoded == bytes, "\(golden.name): the encoding changed")
        let fromSample: [UInt8] = try golden.value.serializedBytes(options: Self.binaryOptions)
        #expect(fromSample == bytes, "\(golden.name): the sample no longer encodes to the golden bytes")
    }

    @Test("the JSON golden file decodes to the same value as the binary one", arguments: GoldenCase.all)
    func json(_ golden: GoldenCase) throws {
        let json = [UInt8](try Fixtures.data("\(Self.folder)/\(golden.name).json"))
        let binary = [UInt8](try Fixtures.data("\(Self.folder)/\(golden.name).binpb"))
        // Strict: a golden file with a field the schema does not know is a mistake.
        let fromJSON = try decodeJSON(like: golden.value, json)
        let fromBinary = try decodeBinary(like: golden.value, binary)
        #expect(fromJSON.isEqualTo(message: fromBinary))
        #expect(fromJSON.isEqualTo(message: golden.value))
        // Encoding the value gives the same JSON document (compared as parsed JSON, not text).
        let encoded: [UInt8] = try golden.value.jsonUTF8Bytes(options: Self.jsonOptions)
        let expected = try JSONSerialization.jsonObject(with: Data(json)) as? NSDictionary
        let actual = try JSONSerialization.jsonObject(with: Data(encoded)) as? NSDictionary
        #expect(expected != nil && expected == actual, "\(golden.name).json differs from the encoded sample")
    }

    @Test("the golden files go through WireMessage frames in both content types", arguments: GoldenCase.all)
    func throughFrames(_ golden: GoldenCase) throws {
        for (contentType, suffix) in [(ContentType.protobuf, "binpb"), (.json, "json")] {
            let payload = [UInt8](try Fixtures.data("\(Self.folder)/\(golden.name).\(suffix)"))
            let frames = WireMessage(type: golden.type, contentType: contentType, payload: payload).frames
            let wire = try WireMessage(frames: frames)
            #expect(wire.type == golden.type)
            #expect(wire.contentType == contentType)
            let decoded = try decodeWire(like: golden.value, wire, expecting: golden.type)
            #expect(decoded.isEqualTo(message: golden.value), "\(golden.name) as \(contentType.rawValue)")
        }
    }

    @Test("JSON uses the protobuf JSON mapping: lowerCamelCase names, enum names, 64-bit integers as strings, RFC 3339 times, base64 bytes")
    func jsonMapping() throws {
        let raw = try String(decoding: Fixtures.data("\(Self.folder)/raw-article.json"), as: UTF8.self)
        #expect(raw.contains("\"fetchedAt\": \"2013-08-23T14:02:05.250Z\""))
        #expect(raw.contains("\"requestId\": \"req-0001\""))
        #expect(raw.contains("\"contentType\""))
        #expect(!raw.contains("request_id"))
        let body = try String(decoding: Fixtures.data("\(Self.folder)/raw-article-body.json"), as: UTF8.self)
        #expect(body.contains("\"body\": \"PHA+Q2Fm6SCTcXVvdGVklDwvcD4=\""))
        let ack = try String(decoding: Fixtures.data("\(Self.folder)/ack.json"), as: UTF8.self)
        #expect(ack.contains("\"status\": \"STATUS_DUPLICATE\""))
        let topic = try String(decoding: Fixtures.data("\(Self.folder)/topic-message.json"), as: UTF8.self)
        #expect(topic.contains("\"sequence\": \"9007199254740993\""))
        #expect(topic.contains("\"topicSequence\": \"17\""))
        #expect(topic.contains("\"classifiedAt\": \"2013-08-23T14:02:10.999999999Z\""))

        // Readers also accept the proto field names and plain JSON numbers for 64-bit fields.
        let relaxed = #"{"request_id": "r", "after_sequence": 42, "topics": ["a"], "since": "2013-08-23T12:00:00Z"}"#
        let request = try ReplayRequest(jsonString: relaxed)
        #expect(request.requestID == "r")
        #expect(request.afterSequence == 42)
        #expect(request.since == Samples.publishedAt)
    }

    /// Writes the golden files from the samples; only when asked to.
    @Test("write the golden files", .enabled(if: ProcessInfo.processInfo.environment["NEWSWIRE_WRITE_GOLDEN"] == "1"))
    func write() throws {
        let folder = Fixtures.url(Self.folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for golden in GoldenCase.all {
            let binary: [UInt8] = try golden.value.serializedBytes(options: Self.binaryOptions)
            try Data(binary).write(to: folder.appendingPathComponent("\(golden.name).binpb"))
            let json: [UInt8] = try golden.value.jsonUTF8Bytes(options: Self.jsonOptions)
            try Data(json + [0x0A]).write(to: folder.appendingPathComponent("\(golden.name).json"))
        }
    }
}

// Open the existential so the concrete message type decodes.
func decodeBinary<M: SwiftProtobuf.Message>(like _: M, _ bytes: [UInt8]) throws -> M {
    try M(serializedBytes: bytes)
}

func decodeJSON<M: SwiftProtobuf.Message>(like _: M, _ bytes: [UInt8]) throws -> M {
    try M(jsonUTF8Bytes: bytes)
}

func decodeWire<M: SwiftProtobuf.Message>(like _: M, _ wire: WireMessage, expecting type: MessageType) throws -> M {
    try wire.decode(M.self, expecting: type)
}
