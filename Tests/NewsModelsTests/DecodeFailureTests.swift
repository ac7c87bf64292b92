import Foundation
import NewsModels
import SwiftProtobuf
import Testing

/// A payload that does not decode is refused with a message that names the
/// field at fault and what it should hold (proto-docs §8), never SwiftProtobuf's
/// internal error names.
@Suite("Decode failures name the field")
struct DecodeFailureTests {
    /// A malformed payload and words its Nack message must contain.
    struct Case: CustomStringConvertible, Sendable {
        var type: MessageType
        var payload: String
        var mentions: [String]
        var description: String { "\(type.rawValue) \(payload)" }
    }

    static let internalNames = ["malformedString", "conflictingOneOf", "truncated(", "malformedNumber", "malformedBool", "unrecognizedEnumValue",
                                "malformedTimestamp", "JSONDecodingError", "BinaryDecodingError", "illegalNull", "schemaMismatch", "malformedProtobuf"]

    static func message(_ type: MessageType, _ payload: [UInt8], _ contentType: ContentType) throws -> String {
        let wire = WireMessage(type: type, contentType: contentType, payload: payload)
        let error = try #require(throws: WireError.self) {
            switch type {
            case .rawArticle: _ = try wire.decode(RawArticle.self, expecting: type)
            case .articleEvent: _ = try wire.decode(ArticleEvent.self, expecting: type)
            case .replayRequest: _ = try wire.decode(ReplayRequest.self, expecting: type)
            default: Issue.record("not a request type: \(type)")
            }
        }
        #expect(error.code == .malformed)
        #expect(error.message.hasPrefix("frame 4 (payload) is not a valid \(contentType.rawValue)"), "\(error.message)")
        for name in internalNames {
            #expect(!error.message.contains(name), "'\(error.message)' uses the internal name \(name)")
        }
        return error.message
    }

    static let jsonCases: [Case] = [
        // RawArticle (ingest)
        Case(type: .rawArticle, payload: #"{"source": 42, "text": "Body"}"#, mentions: ["field 'source'", "42", "expected a JSON string"]),
        Case(type: .rawArticle, payload: #"{"source": "ap", "text": "A", "body": "QQ=="}"#, mentions: ["'text'", "'body'", "only one"]),
        Case(type: .rawArticle, payload: #"{"source": "ap", "fetchedAt": "yesterday", "text": "A"}"#, mentions: ["field 'fetchedAt'", "RFC 3339"]),
        Case(type: .rawArticle, payload: #"{"source": "ap", "metadata": {"k": 1}, "text": "A"}"#, mentions: ["field 'metadata"]),
        Case(type: .rawArticle, payload: #"{"source": "ap", "body": "not base64!", "text": null}"#, mentions: ["field 'body'"]),
        Case(type: .rawArticle, payload: #"{"source": "ap", "text": "unfinished"#, mentions: ["ends inside a string", "truncated", "byte 25"]),
        Case(type: .rawArticle, payload: #"{"source": "ap",, "text": "A"}"#, mentions: ["expected a field name", "line 1, column 17"]),
        Case(type: .rawArticle, payload: "{\n  \"source\": \"ap\"\n  \"text\": \"A\"\n}", mentions: ["expected ',' or '}' after the value of \"source\"", "line 3"]),
        Case(type: .rawArticle, payload: #"["source", "ap"]"#, mentions: ["an array", "expected a JSON object"]),
        // ArticleEvent (events)
        Case(type: .articleEvent, payload: #"{"articleId": "a1", "article": {"title": "T", "wordCount": "many"}}"#, mentions: ["field 'article.wordCount'", "expected a number"]),
        Case(type: .articleEvent, payload: #"{"articleId": "a1", "article": {"quotes": [{"text": "q"}, {"speaker": ["x"]}]}}"#, mentions: ["field 'article.quotes[1].speaker'"]),
        Case(type: .articleEvent, payload: #"{"articleId": "a1", "article": {"truncated": "yes"}}"#, mentions: ["field 'article.truncated'", "true or false"]),
        Case(type: .articleEvent, payload: #"{"articleId": "a1", "deliveryAttempt": -1}"#, mentions: ["field 'deliveryAttempt'", "-1"]),
        Case(type: .articleEvent, payload: #"{"articleId": "a1", "acceptedAt": "2013-13-45T99:00:00Z"}"#, mentions: ["field 'acceptedAt'", "RFC 3339"]),
        // ReplayRequest (replay)
        Case(type: .replayRequest, payload: #"{"topics": "syria-talks"}"#, mentions: ["field 'topics'"]),
        Case(type: .replayRequest, payload: #"{"topics": ["a", 7]}"#, mentions: ["field 'topics[1]'", "expected a JSON string"]),
        Case(type: .replayRequest, payload: #"{"afterSequence": "twelve"}"#, mentions: ["field 'afterSequence'", "expected a number"]),
        Case(type: .replayRequest, payload: #"{"limit": true, "requestId": "r"}"#, mentions: ["field 'limit'"]),
        Case(type: .replayRequest, payload: #"{"since": 1377266525}"#, mentions: ["field 'since'", "RFC 3339"]),
        Case(type: .replayRequest, payload: #"{"requestId": "r1"} trailing"#, mentions: ["after the JSON value", "byte 20"]),
    ]

    @Test("malformed JSON names the field, or the byte, line and column of a syntax error", arguments: jsonCases)
    func json(_ testCase: Case) throws {
        let message = try Self.message(testCase.type, Array(testCase.payload.utf8), .json)
        for words in testCase.mentions {
            #expect(message.contains(words), "'\(message)' should say \(words)")
        }
    }

    @Test("the examples in proto-docs §8 are the messages sent", arguments: [
        (MessageType.rawArticle, #"{"source": 42, "text": "…"}"#, "field 'source' is the value 42: expected a JSON string"),
        (.rawArticle, #"{"source": "ap", "text": "A", "body": "QQ=="}"#, "fields 'text' and 'body' are both set; only one of them may be (they are a oneof)"),
        (.replayRequest, #"{"since": 1377266525}"#, #"field 'since' is the value 1377266525: expected an RFC 3339 timestamp string such as "2013-08-23T14:02:05.250Z""#),
        (.articleEvent, #"{"article": {"quotes": [{}, {"speaker": ["x"]}]}}"#, #"field 'article.quotes[1].speaker' is an array ["x"]: expected a JSON string"#),
        (.rawArticle, #"{"source": "ap", "text": "unfinished"#, "the JSON ends inside a string (truncated?) at byte 25 (line 1, column 26)"),
    ])
    func documented(_ type: MessageType, _ payload: String, _ expected: String) throws {
        let message = try Self.message(type, Array(payload.utf8), .json)
        #expect(message.hasSuffix(": " + expected), "\(message)")
    }

    @Test("a hostile payload is explained at the cost of a few decodes of it, not one per member")
    func bounded() throws {
        let clock = ContinuousClock()
        /// The time to explain `payload`, against the time SwiftProtobuf takes to refuse it alone.
        func costs(_ type: MessageType, _ payload: [UInt8], _ contentType: ContentType, _ words: String) throws {
            var message = ""
            let explained = try clock.measure { message = try Self.message(type, payload, contentType) }
            let plain = clock.measure {
                var options = JSONDecodingOptions()
                options.ignoreUnknownFields = true
                _ = contentType == .json ? try? RawArticle(jsonUTF8Bytes: payload, options: options) : try? RawArticle(serializedBytes: payload)
            }
            #expect(message.contains(words), "\(message)")
            #expect(explained < plain * 6 + .seconds(1), "explaining took \(explained); decoding alone \(plain)")
        }
        // 60,000 members that each decode alone, then a oneof conflict: no pair search, no trial per member.
        let members = (0..<60_000).map { #""m\#($0)":1"# }.joined(separator: ",")
        try costs(.rawArticle, Array(#"{\#(members),"source":"s","text":"A","body":"QQ=="}"#.utf8), .json, "oneof")
        // 100,000 well-formed url fields, then a text that is not UTF-8.
        let fields: [UInt8] = (0..<100_000).flatMap { _ in [0x12, 0x01, 0x61] as [UInt8] } + [0x32, 0x02, 0xC3, 0x28]
        try costs(.rawArticle, fields, .protobuf, "UTF-8")
        // Nesting 90 arrays deep inside a map value.
        let deep = Array((#"{"metadata":{"k":"# + String(repeating: "[", count: 90) + String(repeating: "]", count: 90) + "}}").utf8)
        try costs(.rawArticle, deep, .json, "field 'metadata.k'")
    }

    @Test("the request id of a payload that does not decode as a whole is read on its own")
    func requestID() throws {
        func id(_ type: MessageType, _ payload: [UInt8], _ contentType: ContentType) -> String {
            let wire = WireMessage(type: type, contentType: contentType, payload: payload)
            do {
                switch type {
                case .rawArticle: _ = try wire.decode(RawArticle.self, expecting: type)
                case .replayRequest: _ = try wire.decode(ReplayRequest.self, expecting: type)
                default: _ = try wire.decode(ArticleEvent.self, expecting: type)
                }
            } catch {
                return error.requestID
            }
            return "decoded"
        }
        #expect(id(.rawArticle, Array(#"{"source": 42, "requestId": "r-1", "text": "A"}"#.utf8), .json) == "r-1")
        #expect(id(.replayRequest, Array(#"{"request_id": "r-2", "limit": "x"}"#.utf8), .json) == "r-2")
        #expect(id(.replayRequest, Array(#"{"requestId": "r-3", "limit": "x""#.utf8), .json) == "", "not JSON: no id")
        // ReplayRequest: field 5 (request_id) "r4", then field 2 (after_sequence) with a varint cut off.
        #expect(id(.replayRequest, [0x2A, 0x02, 0x72, 0x34, 0x10, 0xFF], .protobuf) == "r4")
        // RawArticle: field 7 (request_id) "r5", then field 6 (text) not UTF-8.
        #expect(id(.rawArticle, [0x3A, 0x02, 0x72, 0x35, 0x32, 0x02, 0xC3, 0x28], .protobuf) == "r5")
        // An article event has no request id.
        #expect(id(.articleEvent, Array(#"{"articleId": 5}"#.utf8), .json) == "")
    }

    @Test("invalid UTF-8 in a JSON string names the field")
    func invalidUTF8() throws {
        let payload = Array(#"{"text":"A","source":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let message = try Self.message(.rawArticle, payload, .json)
        #expect(message.contains("field 'source'"), "\(message)")
        #expect(message.contains("not valid UTF-8 (byte 4 of the value)"), "\(message)")
    }

    @Test("malformed protobuf names the field by its JSON name and number")
    func binary() throws {
        // RawArticle: field 1 (source) "x", then field 6 (text) holding bytes that are not UTF-8.
        let badText = try Self.message(.rawArticle, [0x0A, 0x01, 0x78, 0x32, 0x03, 0x61, 0xC3, 0x28], .protobuf)
        #expect(badText.contains("field 'text' (number 6)"), "\(badText)")
        #expect(badText.contains("UTF-8"), "\(badText)")
        // Field 2 (url) says 10 bytes, 2 follow.
        let cut = try Self.message(.rawArticle, [0x0A, 0x01, 0x78, 0x12, 0x0A, 0x61, 0x62], .protobuf)
        #expect(cut.contains("field 'url' (number 2)"), "\(cut)")
        #expect(cut.contains("10 bytes long, only 2 remain"), "\(cut)")
        // ArticleEvent: field 7 (article) holding field 1 (title) that is not UTF-8.
        let nested = try Self.message(.articleEvent, [0x3A, 0x04, 0x0A, 0x02, 0xC3, 0x28], .protobuf)
        #expect(nested.contains("field 'article.title' (number 7.1)"), "\(nested)")
        // ReplayRequest: field 1 (topics) whose tag's varint never ends.
        let tag = try Self.message(.replayRequest, [0x0A, 0x01, 0x61, 0xFF], .protobuf)
        #expect(tag.contains("byte 3"), "\(tag)")
        // A wire type protobuf 3 does not use (group start) at field 2 of a ReplayRequest.
        let group = try Self.message(.replayRequest, [0x13, 0x00], .protobuf)
        #expect(group.contains("wire type 3"), "\(group)")
    }
}
