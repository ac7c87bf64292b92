internal import NewswireObservability
internal import ZeroMQ

extension ConsumerApplication {
    /// What the consumer reports on `/status`: counts since start from its
    /// metrics, live connections from its socket monitors, and the stored
    /// articles (in total and per topic) from the store.
    static func statusProvider(
        _ configuration: ConsumerConfiguration, endpoints: [String: String], store: any ConsumerStore, peers: [String: SocketMonitor]
    ) -> MetricsService.StatusProvider {
        { metrics in
            var status = ServiceStatus(service: "newswire-consumer", libzmq: Context.libraryVersion)
            status.endpoints = endpoints.merging(["db": store.location]) { $1 }
            status.connectedPeers = peers.mapValues(\.connectedPeers)
            status.rejectedByReason = metrics.totals("newswire_consumer_events_rejected_total", by: "reason")
            status.classifiedByTopic = metrics.totals("newswire_consumer_articles_classified_total", by: "topic")
            status.counts = metrics.totals([
                "received": "newswire_consumer_events_received_total",
                "stored": "newswire_consumer_articles_stored_total",
                "duplicates": "newswire_consumer_articles_duplicate_total",
                "rejected": "newswire_consumer_events_rejected_total",
                "published": "newswire_consumer_topic_messages_published_total",
                "dead_lettered": "newswire_consumer_events_dead_lettered_total",
            ])
            let stored = try await store.topicCounts()
            status.database = ["articles": stored.total, "dead_letters": try await store.deadLetterCount()]
            for entry in stored.perTopic { status.database["topic:\(entry.topic)"] = entry.count }
            return status
        }
    }
}
