internal import Foundation
internal import NewswireObservability

extension ServiceStatus {
    /// The few lines `newswire status` prints for one service.
    var summary: String {
        var lines = ["\(service) \(version) (libzmq \(libzmqVersion))  pid \(processID)  up \(Self.uptime(uptimeSeconds))  \(ready ? "ready" : "NOT READY")"]
        func line(_ label: String, _ values: [String: Int], order: [String] = []) {
            guard !values.isEmpty else { return }
            lines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + Self.pairs(values, order: order))
        }
        lines.append("  endpoints  " + endpoints.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "  "))
        line("peers", connectedPeers)
        line("counts", counts, order: ["received", "accepted", "stored", "duplicates", "rejected", "published", "acked", "redelivered", "parked"])
        line("rejected", rejectedByReason)
        line("topics", classifiedByTopic)
        // The producer's database is its outbox: rows by state, `pending` being the depth.
        line(outboxDepth == nil ? "database" : "outbox", database, order: ["articles", "pending", "delivered", "rejected"])
        return lines.joined(separator: "\n")
    }

    /// `key=value` pairs: those named in `order` first, in that order, then the rest by name.
    static func pairs(_ values: [String: Int], order: [String]) -> String {
        let keys = order.filter { values[$0] != nil } + values.keys.filter { !order.contains($0) }.sorted()
        return keys.map { "\($0)=\(values[$0]!)" }.joined(separator: "  ")
    }

    /// 42.1s, 3m 05s, 2h 03m, 4d 02h.
    static func uptime(_ seconds: Double) -> String {
        let whole = Int(seconds)
        switch whole {
        case ..<60: return String(format: "%.1fs", seconds)
        case ..<3600: return String(format: "%dm %02ds", whole / 60, whole % 60)
        case ..<86400: return String(format: "%dh %02dm", whole / 3600, whole / 60 % 60)
        default: return String(format: "%dd %02dh", whole / 86400, whole / 3600 % 24)
        }
    }
}
