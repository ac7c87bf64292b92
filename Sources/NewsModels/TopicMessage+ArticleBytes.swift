internal import SwiftProtobuf

extension TopicMessage {
    /// Field 5 (`article`), length-delimited: its protobuf tag byte.
    private static let articleTag: UInt8 = 5 << 3 | 2

    /// The protobuf encoding of this message with `articleBytes`, an
    /// `ArticleEvent` already encoded, as its `article` field; whatever
    /// `article` holds now is left out.
    ///
    /// Why: the consumer publishes one topic message per topic of an article,
    /// and each carries the whole article. It already holds the article's
    /// bytes as the producer sent them, so splicing them in saves encoding the
    /// same article again for every topic. Protobuf readers accept fields in
    /// any order, so the result decodes to the same message as
    /// `serializedBytes()` of the message with `article` set.
    public func serializedBytes(articleBytes: [UInt8]) throws -> [UInt8] {
        var head = self
        head.clearArticle()
        var bytes: [UInt8] = try head.serializedBytes()
        bytes.reserveCapacity(bytes.count + 11 + articleBytes.count)
        bytes.append(Self.articleTag)
        var length = UInt64(articleBytes.count)
        while length >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        bytes.append(UInt8(length))
        bytes += articleBytes
        return bytes
    }
}
