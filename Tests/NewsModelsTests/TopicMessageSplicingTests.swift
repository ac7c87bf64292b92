import NewsModels
import SwiftProtobuf
import Testing

/// ``TopicMessage/serializedBytes(articleBytes:)``: the consumer's way to send
/// an article it already holds encoded, without encoding it again per topic.
@Suite("Topic message with spliced article bytes")
struct TopicMessageSplicingTests {
    @Test("decodes to the same message as the ordinary encoding, whatever the article's size", arguments: [0, 1, 100, 20_000, 3_000_000])
    func sameMessage(extraBytes: Int) throws {
        var article = Samples.articleEvent
        // Sizes that need one, two, three and four bytes of length prefix.
        article.article.paragraphs.append(String(repeating: "x", count: extraBytes))
        var message = Samples.topicMessage
        message.article = article

        let spliced = try message.serializedBytes(articleBytes: try article.serializedBytes())
        let decoded = try TopicMessage(serializedBytes: spliced)
        #expect(decoded == message)
        #expect(decoded.article.article.paragraphs.last?.count == extraBytes)
    }

    @Test("the article in the message itself is left out, so the given bytes are the only article")
    func givenBytesWin() throws {
        var message = Samples.topicMessage
        message.article = Samples.articleEvent
        var other = Samples.articleEvent
        other.articleID = "another"
        let decoded = try TopicMessage(serializedBytes: try message.serializedBytes(articleBytes: try other.serializedBytes()))
        #expect(decoded.article == other)
        #expect(decoded.sequence == message.sequence && decoded.topicID == message.topicID)
    }
}
