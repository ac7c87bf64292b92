internal import NewswireObservability
internal import ZeroMQ

extension ProducerApplication {
    /// What the producer reports on `/status`: counts since start from its
    /// metrics, live connections from its socket monitors, and the outbox rows
    /// by state from SQLite.
    ///
    /// `outboxDepth` is read from the same snapshot as the counts: the
    /// `newswire_producer_outbox_depth` gauge (``OutboxMonitor``). `database`
    /// is the rows by state as SQLite has them; its `pending` equals
    /// `outboxDepth` whenever the delivery loop has recorded its latest acks.
    static func statusProvider(
        _ configuration: ProducerConfiguration, ingestEndpoint: String, outbox: Outbox, peers: [String: SocketMonitor]
    ) -> MetricsService.StatusProvider {
        { metrics in
            var status = ServiceStatus(service: "newswire-producer", libzmq: Context.libraryVersion)
            status.endpoints = [
                "ingest": ingestEndpoint, "consumer": configuration.consumerEndpoints.joined(separator: ","),
                "outbox": configuration.outboxPath,
            ]
            status.connectedPeers = peers.mapValues(\.connectedPeers)
            status.rejectedByReason = metrics.totals("newswire_producer_articles_rejected_total", by: "reason")
            status.counts = metrics.totals([
                "received": "newswire_producer_articles_received_total",
                "accepted": "newswire_producer_articles_accepted_total",
                "duplicates": "newswire_producer_articles_duplicate_total",
                "rejected": "newswire_producer_articles_rejected_total",
                "published": "newswire_producer_events_published_total",
                "acked": "newswire_producer_events_acked_total",
                "redelivered": "newswire_producer_events_redelivered_total",
                "dead_lettered": "newswire_producer_events_dead_lettered_total",
                "parked": "newswire_producer_events_parked_total",
                "nacks_unmatched": "newswire_producer_nacks_unmatched_total",
            ])
            let rows = try await outbox.counts()
            status.database = ["pending": 0, "delivered": 0, "rejected": 0].merging(rows) { $1 }
            status.outboxDepth = metrics.total("newswire_producer_outbox_depth")
            return status
        }
    }
}
