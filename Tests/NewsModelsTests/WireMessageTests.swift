import Foundation
import NewsModels
import SwiftProtobuf
import Testing

/// The four protocol frames: header, type, content type, payload.
@Suite("WireMessage")
struct WireMessageTests {
    /// Valid frames for a raw article, to break one at a time.
    static func validFrames(_ contentType: ContentType = .protobuf) throws -> [[UInt8]] {
        try WireMessage(.rawArticle, Samples.rawArticle, contentType: contentType).frames
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    /// The WireError that reading `frames` throws.
    static func error(reading frames: [[UInt8]], maximumBytes: Int = WireProtocol.defaultMaximumMessageBytes) -> WireError? {
        do {
            _ = try WireMessage(frames: frames, maximumBytes: maximumBytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("frames round trip in both content types", arguments: ContentType.allCases)
    func roundTrip(_ contentType: ContentType) throws {
        let frames = try Self.validFrames(contentType)
        #expect(frames.count == WireProtocol.frameCount)
        #expect(frames[0] == Self.text("newswire/1"))
        #expect(frames[1] == Self.text("raw-article"))
        #expect(frames[2] == Self.text(contentType.rawValue))
        let wire = try WireMessage(frames: frames)
        #expect(wire.frames == frames)
        #expect(try wire.decode(RawArticle.self, expecting: .rawArticle) == Samples.rawArticle)
    }

    @Test("every message type round trips through frames")
    func everyType() throws {
        for golden in GoldenCase.all {
            let wire = try WireMessage(golden.type, golden.value)
            let read = try WireMessage(frames: wire.frames)
            #expect(read == wire)
            #expect(try decodeWire(like: golden.value, read, expecting: golden.type).isEqualTo(message: golden.value))
        }
        #expect(Set(GoldenCase.all.map(\.type)) == Set(MessageType.allCases), "a golden case for every message type")
    }

    @Test("reads the frames after routing frames, from any collection")
    func fromSlice() throws {
        let routed = [Self.text("peer-1"), []] + (try Self.validFrames())
        let wire = try WireMessage(frames: routed.dropFirst(2))
        #expect(wire.type == .rawArticle)
    }

    @Test("wrong frame count is malformed", arguments: [0, 1, 3, 5, 6])
    func wrongFrameCount(_ count: Int) throws {
        var frames = try Self.validFrames()
        while frames.count > count { frames.removeLast() }
        while frames.count < count { frames.append(Self.text("extra")) }
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .malformed)
        #expect(error.message.contains("expected 4 frames"))
        #expect(error.message.contains("got \(count)"))
        #expect(error.nackReason == .malformed)
    }

    @Test("a header that is not newswire/… is malformed and names frame 1", arguments: ["hello/1", "", "NEWSWIRE/1", "newswire", "newswire1"])
    func badHeader(_ header: String) throws {
        var frames = try Self.validFrames()
        frames[0] = Self.text(header)
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .malformed)
        #expect(error.message.contains("frame 1 (header)"))
        #expect(error.message.contains("newswire/1"), "says what was expected")
    }

    @Test("another protocol version is unsupportedVersion", arguments: ["newswire/2", "newswire/0", "newswire/1.1", "newswire/"])
    func otherVersion(_ header: String) throws {
        var frames = try Self.validFrames()
        frames[0] = Self.text(header)
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .unsupportedVersion)
        #expect(error.message.contains("frame 1 (header)"))
        #expect(error.message.contains("'\(header)'"))
        #expect(error.nackReason == .unsupportedVersion)
    }

    @Test("a header that is not UTF-8 is malformed")
    func headerNotUTF8() throws {
        var frames = try Self.validFrames()
        frames[0] = [0x6E, 0x65, 0xFF, 0xFE, 0x2F, 0x31]
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .malformed)
        #expect(error.message.contains("frame 1 (header)"))
        #expect(error.message.contains("UTF-8"))
    }

    @Test("an unknown message type is unsupportedType and names frame 2", arguments: ["raw-articles", "", "RAW-ARTICLE", "article"])
    func unknownType(_ type: String) throws {
        var frames = try Self.validFrames()
        frames[1] = Self.text(type)
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("frame 2 (type)"))
        #expect(error.message.contains("raw-article, article-event"), "lists the known types")
        #expect(error.nackReason == .unsupportedType)
    }

    @Test("a type frame that is not UTF-8 is unsupportedType")
    func typeNotUTF8() throws {
        var frames = try Self.validFrames()
        frames[1] = [0xC3, 0x28]
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("frame 2 (type)"))
    }

    @Test("an unknown content type is unsupportedType and names frame 3", arguments: ["text/xml", "", "application/xml", "application/x-msgpack", "json"])
    func unknownContentType(_ contentType: String) throws {
        var frames = try Self.validFrames()
        frames[2] = Self.text(contentType)
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("frame 3 (content type)"))
        #expect(error.nackReason == .unsupportedType)
    }

    @Test("a content type frame that is not UTF-8 is unsupportedType")
    func contentTypeNotUTF8() throws {
        var frames = try Self.validFrames()
        frames[2] = [0xFF]
        let error = try #require(Self.error(reading: frames))
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("frame 3 (content type)"))
    }

    @Test("a payload over the limit is tooLarge and names frame 4; at the limit it is fine")
    func tooLarge() throws {
        var frames = try Self.validFrames()
        frames[3] = [UInt8](repeating: 0, count: 101)
        let error = try #require(Self.error(reading: frames, maximumBytes: 100))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("frame 4 (payload)"))
        #expect(error.message.contains("101 bytes"))
        #expect(error.message.contains("100"))
        #expect(error.nackReason == .tooLarge)
        frames[3] = [UInt8](repeating: 0, count: 100)
        #expect(Self.error(reading: frames, maximumBytes: 100) == nil)
        #expect(WireProtocol.defaultMaximumMessageBytes == 32 * 1024 * 1024)
    }

    @Test("checks run in order: frame count, header, type, content type, size")
    func checkOrder() throws {
        var frames = try Self.validFrames()
        frames[0] = Self.text("newswire/9")
        frames[1] = Self.text("nope")
        frames[2] = Self.text("text/xml")
        frames[3] = [UInt8](repeating: 0, count: 10)
        #expect(Self.error(reading: frames, maximumBytes: 1)?.code == .unsupportedVersion)
        frames[0] = Self.text("newswire/1")
        #expect(Self.error(reading: frames, maximumBytes: 1)?.message.contains("frame 2") == true)
        frames[1] = Self.text("ack")
        #expect(Self.error(reading: frames, maximumBytes: 1)?.message.contains("frame 3") == true)
        frames[2] = Self.text("application/json")
        #expect(Self.error(reading: frames, maximumBytes: 1)?.code == .tooLarge)
    }

    @Test("a protobuf payload that does not decode is malformed and names frame 4",
          arguments: [[0x0A, 0x05, 0x61], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0x00], [0x0F]] as [[UInt8]])
    func badProtobuf(_ payload: [UInt8]) throws {
        let wire = WireMessage(type: .rawArticle, contentType: .protobuf, payload: payload)
        let error = try #require(throws: WireError.self) { try wire.decode(RawArticle.self, expecting: .rawArticle) }
        #expect(error.code == .malformed)
        #expect(error.message.contains("frame 4 (payload)"))
        #expect(error.message.contains("application/x-protobuf"))
        #expect(error.message.contains("newswire.v1.RawArticle"))
    }

    @Test("a JSON payload that does not decode is malformed and names frame 4",
          arguments: ["", "{", "not json", #"{"source": 5}"#, #"{"fetchedAt": "yesterday"}"#, "[]", #"{"text": "a", "body": "YQ=="}"#])
    func badJSON(_ payload: String) throws {
        let wire = WireMessage(type: .rawArticle, contentType: .json, payload: Self.text(payload))
        let error = try #require(throws: WireError.self) { try wire.decode(RawArticle.self, expecting: .rawArticle) }
        #expect(error.code == .malformed)
        #expect(error.message.contains("frame 4 (payload)"))
        #expect(error.message.contains("application/json"))
    }

    @Test("JSON with unknown fields is accepted; the known ones are read")
    func jsonUnknownFields() throws {
        let json = #"{"source": "ap", "text": "Body.", "addedInV1_7": {"nested": [1, 2]}, "another_new_field": true}"#
        let wire = WireMessage(type: .rawArticle, contentType: .json, payload: Self.text(json))
        let article = try wire.decode(RawArticle.self, expecting: .rawArticle)
        #expect(article.source == "ap")
        #expect(article.text == "Body.")
    }

    @Test("protobuf with unknown fields is accepted and keeps them")
    func protobufUnknownFields() throws {
        var payload: [UInt8] = try Samples.ack.serializedBytes()
        payload += [0xA0, 0x06, 0x2A]  // field 100, varint 42: from a newer sender
        let wire = WireMessage(type: .ack, contentType: .protobuf, payload: payload)
        let ack = try wire.decode(Ack.self, expecting: .ack)
        #expect(ack.requestID == Samples.ack.requestID)
        #expect(ack.status == .duplicate)
        #expect(Array(ack.unknownFields.data) == [0xA0, 0x06, 0x2A])
    }

    @Test("decoding as the wrong type is unsupportedType and names both types")
    func wrongExpectedType() throws {
        let wire = try WireMessage(.ack, Samples.ack)
        let error = try #require(throws: WireError.self) { try wire.decode(RawArticle.self, expecting: .rawArticle) }
        #expect(error.code == .unsupportedType)
        #expect(error.message.contains("frame 2 (type)"))
        #expect(error.message.contains("'ack'"))
        #expect(error.message.contains("'raw-article'"))
    }

    @Test("an empty protobuf payload is a message with every field at its default")
    func emptyPayload() throws {
        let wire = WireMessage(type: .replayRequest, contentType: .protobuf, payload: [])
        #expect(try wire.decode(ReplayRequest.self, expecting: .replayRequest) == ReplayRequest())
    }

    @Test("the JSON encoding uses lowerCamelCase names")
    func jsonEncoding() throws {
        let wire = try WireMessage(.replayRequest, Samples.replayRequest, contentType: .json)
        let text = String(decoding: wire.payload, as: UTF8.self)
        #expect(text.contains("\"afterSequence\":\"1200\""))
        #expect(text.contains("\"requestId\":\"replay-1\""))
    }
}

@Suite("WireError")
struct WireErrorTests {
    @Test("each code maps to its Nack reason")
    func nackReasons() {
        #expect(WireError(.malformed, "x").nackReason == .malformed)
        #expect(WireError(.unsupportedVersion, "x").nackReason == .unsupportedVersion)
        #expect(WireError(.unsupportedType, "x").nackReason == .unsupportedType)
        #expect(WireError(.tooLarge, "x").nackReason == .tooLarge)
        #expect(WireError(.init("something-new"), "x").nackReason == .malformed)
    }

    @Test("description is code: message")
    func description() {
        #expect(WireError(.tooLarge, "frame 4 (payload) is 9 bytes").description == "too-large: frame 4 (payload) is 9 bytes")
    }

    @Test("every Nack reason has a distinct label")
    func labels() {
        let reasons: [Nack.Reason] = [.unspecified, .malformed, .unsupportedVersion, .unsupportedType, .tooLarge, .invalidArticle, .busy, .internal]
        #expect(Set(reasons.map(\.label)).count == reasons.count)
        #expect(Nack.Reason.unsupportedVersion.label == "unsupported-version")
    }
}
