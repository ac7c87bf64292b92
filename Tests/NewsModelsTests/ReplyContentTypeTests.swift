import NewsModels
import Testing

@Suite("Reply content type")
struct ReplyContentTypeTests {
    @Test("replies follow the request's content type; unreadable requests get protobuf")
    func followsRequest() throws {
        let json = try WireMessage(.rawArticle, RawArticle(), contentType: .json).frames
        #expect(ContentType(replyingTo: json) == .json)
        let binary = try WireMessage(.rawArticle, RawArticle()).frames
        #expect(ContentType(replyingTo: binary) == .protobuf)
        #expect(ContentType(replyingTo: [[1], [2]]) == .protobuf)
        var unknown = json
        unknown[2] = Array("text/xml".utf8)
        #expect(ContentType(replyingTo: unknown) == .protobuf)
    }
}
