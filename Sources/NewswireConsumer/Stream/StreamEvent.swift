/// One topic message as a server-sent event, formatted once however many
/// HTTP clients receive it: `id: SEQUENCE`, then `data:` and its JSON.
public struct StreamEvent: Sendable {
    /// The message's `sequence`, strictly increasing across all topics: the event id.
    public let sequence: UInt64
    public let topicID: String
    /// The event as written on the wire, blank line included.
    public let bytes: [UInt8]

    public init(sequence: UInt64, topicID: String, data: [UInt8]) {
        self.sequence = sequence
        self.topicID = topicID
        bytes = Array("id: \(sequence)\ndata: ".utf8) + data + [10, 10]
    }
}
