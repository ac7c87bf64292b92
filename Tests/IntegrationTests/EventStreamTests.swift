import Foundation
import Synchronization
import NewswireClient
import NewswireTesting
import Testing

/// `GET /api/v1/stream` against the running services: server-sent events of the
/// topic messages, resumed with Last-Event-ID from the stored history, and
/// slow clients cut off without slowing ingestion.
@Suite("HTTP live stream", .serialized)
struct EventStreamTests {
    /// Topic messages the stored articles made: one per article and topic.
    static func storedMessageCount(_ http: String) throws -> Int {
        var total = 0
        var path = "/api/v1/articles?limit=100"
        while true {
            let page = try HTTPAPITests.getJSON(http, path)
            for article in page.json["articles"] as? [[String: Any]] ?? [] {
                total += (article["topics"] as? [Any])?.count ?? 0
            }
            guard let cursor = page.json["nextCursor"] as? String else { return total }
            path = "/api/v1/articles?limit=100&cursor=\(cursor)"
        }
    }

    static func sequences(_ events: [ServerSentEventClient.Event]) -> [UInt64] {
        events.filter { $0.type == "message" }.compactMap { $0.id.flatMap(UInt64.init) }
    }

    static func metric(_ http: String, _ sample: String) throws -> Double? {
        metricValue(try httpGet(http, "/metrics").body, sample)
    }

    @Test("a client gets live messages, disconnects, and resuming with Last-Event-ID gets exactly the missed ones, then live again")
    func liveResumeAndShutdown() async throws {
        let (pipeline, http) = try await HTTPAPITests.pipeline()
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(2), http: http)
        let before = try Self.storedMessageCount(http)

        // Live from now: the two stored articles are not sent again.
        let first = try ServerSentEventClient(http, "/api/v1/stream")
        #expect(first.read(until: { !$0.comments.isEmpty }, timeout: .seconds(10)), "no preamble comment")
        #expect(first.status == 200 && first.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        try await waitUntil("the stream client is counted", timeout: .seconds(10)) {
            try Self.metric(http, "newswire_consumer_http_stream_clients") == 1
        }
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(3, offset: 100), http: http)
        let live = try Self.storedMessageCount(http) - before
        #expect(live >= 3)
        #expect(first.read(events: live, timeout: .seconds(20)), "got \(first.events.count) of \(live) live events")
        let firstSequences = Self.sequences(first.events)
        #expect(firstSequences.count == live && firstSequences == firstSequences.sorted() && Set(firstSequences).count == live)
        #expect(firstSequences.first.map { $0 > UInt64(before) } == true, "live starts after the stored history")
        let sample = try #require(first.events.first?.json)
        #expect(sample["topicId"] is String && (sample["article"] as? [String: Any])?["title"] is String)
        #expect((sample["sequence"] as? Int).map(String.init) == first.events.first?.id)

        // Away while three more arrive; back with the last id seen.
        let lastSeen = try #require(first.events.last?.id)
        let counted = try Self.storedMessageCount(http)
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(3, offset: 200), http: http)
        let missed = try Self.storedMessageCount(http) - counted
        let resumed = try ServerSentEventClient(http, "/api/v1/stream?after=0", headers: ["Last-Event-ID": lastSeen])
        #expect(resumed.read(events: missed, timeout: .seconds(20)), "got \(resumed.events.count) of \(missed) missed events")
        // Nothing more than the missed ones (a repeat or an old one would show here).
        resumed.read(until: { $0.events.count > missed }, timeout: .milliseconds(500))
        let resumedSequences = Self.sequences(resumed.events)
        #expect(resumedSequences.count == missed)
        #expect(resumedSequences.allSatisfy { $0 > UInt64(lastSeen)! } && resumedSequences == resumedSequences.sorted())
        // Exactly the missed ones: what an `after` replay of everything lists after the last id seen.
        let everything = try ServerSentEventClient(http, "/api/v1/stream?after=0")
        let total = try Self.storedMessageCount(http)
        #expect(everything.read(events: total, timeout: .seconds(20)))
        #expect(Self.sequences(everything.events).filter { $0 > UInt64(lastSeen)! } == resumedSequences)
        #expect(Self.sequences(everything.events) == Self.sequences(everything.events).sorted() && everything.events.count == total)

        // The resumed stream continues live; a topic filter sends only that topic.
        let syria = try ServerSentEventClient(http, "/api/v1/stream?topic=syria-talks&after=0")
        try await HTTPAPITests.feed(pipeline, try HTTPAPITests.numbered(1, offset: 300), http: http)
        let newest = try Self.storedMessageCount(http) - total
        #expect(resumed.read(events: missed + newest, timeout: .seconds(20)))
        #expect(Self.sequences(resumed.events).count == missed + newest)
        let syriaCount = try HTTPAPITests.getJSON(http, "/api/v1/topics").json["topics"].flatMap { topics in
            (topics as? [[String: Any]])?.first { $0["id"] as? String == "syria-talks" }?["articles"] as? Int
        } ?? -1
        #expect(syria.read(events: syriaCount, timeout: .seconds(20)), "syria-talks: \(syria.events.count) of \(syriaCount)")
        #expect(syria.events.allSatisfy { $0.json["topicId"] as? String == "syria-talks" })

        // Malformed resume points are refused with the reason.
        let bad = try HTTPAPITests.getJSON(http, "/api/v1/stream?after=soon")
        #expect(bad.status == 400 && "\(bad.json)".contains("after"))

        // Stopping the consumer ends every open stream with a closing event, and exits 0.
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
        for client in [first, resumed, everything, syria] {
            #expect(client.readToClose(timeout: .seconds(10)))
            #expect(client.events.last?.type == "closing")
            #expect(client.events.last?.json["reason"] as? String == "shutting-down")
        }
    }

    @Test("a client that stops reading is cut off with a closing event; ingestion and a reading client carry on")
    func slowClientIsCutOff() async throws {
        let (pipeline, http) = try await HTTPAPITests.pipeline(["--http-stream-buffer", "8", "--http-stream-keepalive-seconds", "1"])
        // Reads nothing until the end, and holds little in its socket.
        let slow = try ServerSentEventClient(http, "/api/v1/stream", receiveBufferBytes: 4096)
        #expect(slow.read(until: { !$0.comments.isEmpty }, timeout: .seconds(10)))
        // Reads everything as it comes, on a thread of its own.
        let fast = try ServerSentEventClient(http, "/api/v1/stream")
        let fastDone = DispatchSemaphore(value: 0)
        let stop = Mutex(false)
        let reader = Thread {
            fast.read(until: { _ in stop.withLock { $0 } }, timeout: .seconds(300))
            fastDone.signal()
        }
        reader.start()
        try await waitUntil("both stream clients are counted", timeout: .seconds(10)) {
            try Self.metric(http, "newswire_consumer_http_stream_clients") == 2
        }

        // In rounds, each stored before the next is sent, so news keeps arriving in
        // separate batches after the slow client's socket is full. Once it is cut off,
        // the slow client reads at last (well within the 30 s stream write timeout):
        // what fitted in the socket buffers, then why it ends.
        let rounds = 16, perRound = 50, count = rounds * perRound
        let started = ContinuousClock.now
        for round in 0..<rounds {
            let feed = BackgroundFeed(endpoint: pipeline.ingestEndpoint, items: GeneratedArticles.items(perRound, offset: round * perRound))
            let summary = try await feed.finish(timeout: .seconds(120))
            #expect(summary.allStored && summary.accepted == perRound, "feed: \(summary)")
            try await waitUntil("the consumer stores \(perRound) more articles", timeout: .seconds(120)) {
                (try? HTTPAPITests.storedCount(http)) == (round + 1) * perRound
            }
            if !slow.closed, try Self.metric(http, "newswire_consumer_http_stream_clients_cut_off_total") == 1 {
                #expect(slow.readToClose(timeout: .seconds(20)), "the cut-off stream ends")
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(slow.closed, "the slow client was cut off")
        let closing = try #require(slow.events.last)
        #expect(closing.type == "closing" && closing.id == nil)
        #expect(closing.json["reason"] as? String == "slow-client")
        let slowSequences = Self.sequences(slow.events)
        #expect(slowSequences == slowSequences.sorted() && Set(slowSequences).count == slowSequences.count)
        #expect(closing.json["lastEventId"] as? String == slowSequences.last.map(String.init), "it names where to resume")

        let messages = try Self.storedMessageCount(http)
        #expect(slowSequences.count < messages)

        // The reading client got every message, in order, while the other was stuck.
        stop.withLock { $0 = true }
        fastDone.wait()
        fast.read(until: { Self.sequences($0.events).count >= messages }, timeout: .seconds(60))
        let fastSequences = Self.sequences(fast.events)
        #expect(fastSequences.count == messages && fastSequences == Array(1...UInt64(messages)))
        #expect(fast.events.allSatisfy { $0.type == "message" }, "the reading client was not cut off")
        // With news over, the quiet stream gets keep-alive comments (every second here).
        #expect(fast.read(until: { $0.comments.contains("keep-alive") }, timeout: .seconds(5)), "comments: \(fast.comments.suffix(3))")
        print("slow stream client: \(slowSequences.count) of \(messages) events before the cut-off; \(count) articles stored in \(elapsed)")
        try await waitUntil("the cut-off client is no longer counted, the reading one still is", timeout: .seconds(10)) {
            try Self.metric(http, "newswire_consumer_http_stream_clients") == 1
        }
        let stopped = try await pipeline.stop()
        #expect(stopped.producer == 0 && stopped.consumer == 0)
    }
}
