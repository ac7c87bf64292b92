public import NewsModels
internal import SwiftProtobuf

/// A topic message as the store holds it: every field but `article`, and the
/// article event's protobuf bytes exactly as they were stored.
///
/// Why apart: a replay in protobuf splices those bytes in
/// (``TopicMessage/serializedBytes(articleBytes:)``), as the live stream does,
/// so a replayed message is byte for byte the message published live.
public struct StoredTopicMessage: Sendable {
    /// The message without its `article`.
    public var message: TopicMessage
    /// The `ArticleEvent` as stored (the bytes the consumer received, protobuf).
    public var eventBytes: [UInt8]

    /// The protobuf encoding, the same bytes the live stream published.
    public func serializedBytes() throws -> [UInt8] {
        try message.serializedBytes(articleBytes: eventBytes)
    }

    /// The whole message, `article` decoded.
    public func decoded() throws -> TopicMessage {
        var full = message
        full.article = try ArticleEvent(serializedBytes: eventBytes)
        return full
    }
}
