public import Foundation

/// An article the producer parked instead of delivering: a consumer refused
/// its event for a reason that will not change on retry, or never answered
/// `--max-attempts` deliveries. Listed by `newswire dead-letters --outbox`.
public struct RejectedEvent: Sendable, Equatable, Codable {
    public var articleID: String
    public var source: String
    public var url: String
    public var title: String
    /// The consumer's Nack reason and message, or why the producer gave up.
    public var reason: String
    /// Deliveries after the first.
    public var attempts: Int
    public var acceptedAt: Date
    /// Size of the kept event, in bytes.
    public var eventBytes: Int
}
