import Foundation
import NewsModels
import NewswireClient
import NewswireTesting
import Testing

/// Consumers sharing one PostgreSQL database (`--db postgres://…`), as real
/// processes against a real server (``PostgresCluster``).
@Suite(
    "Scale-out on PostgreSQL", .serialized,
    .enabled(
        if: PostgresCluster.isInstalled || PostgresCluster.isRequired,
        "PostgreSQL is not installed (apt-get install postgresql; scripts/test.sh installs it, and CI=true fails without it)"))
struct PostgresScaleOutTests {
    /// A consumer on the shared database, on free loopback ports.
    struct Consumer {
        let process: RunningProcess
        let events: String
        let stream: String
        let replay: String

        init(db: String, in directory: TemporaryDirectory, metrics: String = "") async throws {
            let any = "tcp://127.0.0.1:*"
            process = try RunningProcess(
                "newswire-consumer", ["--db", db, "--events", any, "--stream", any, "--replay", any, "--metrics", metrics], directory: directory)
            events = try await process.waitForLog(#"events=(tcp://[0-9.]+:[0-9]+)"#)
            stream = try await process.waitForLog(#"stream=(tcp://[0-9.]+:[0-9]+)"#)
            replay = try await process.waitForLog(#"replay=(tcp://[0-9.]+:[0-9]+)"#)
            _ = try await process.waitForLog("publishing the shared stream")
        }
    }

    @Test("2 consumers on one PostgreSQL, one SIGKILLed mid-feed: every acked article stored once; a subscriber to the other sees every topic message in order, without gaps")
    func twoConsumersOneKilled() async throws {
        let cluster = try PostgresCluster()
        let database = "shared"
        let url = try cluster.createDatabase(database)
        let directory = try TemporaryDirectory(prefix: "newswire-pg-kill")
        let any = "tcp://127.0.0.1:*"
        let consumers = [try await Consumer(db: url, in: directory), try await Consumer(db: url, in: directory)]
        let producer = try RunningProcess(
            "newswire-producer",
            ["--outbox", directory.path("outbox.db"), "--ingest", any, "--metrics", "", "--ack-timeout-ms", "2000",
             "--consumer", consumers[0].events, "--consumer", consumers[1].events],
            directory: directory)
        let ingest = try await producer.waitForLog(#"ingest=(tcp://[0-9.]+:[0-9]+)"#)
        // Subscribed to the survivor only: it publishes what both consumers store.
        let recorder = try ScaleOutTests.StreamRecorder(endpoints: [consumers[1].stream])
        try await Task.sleep(for: .milliseconds(500))

        let total = 600
        let feed = BackgroundFeed(endpoint: ingest, items: GeneratedArticles.items(total))
        let deadline = ContinuousClock.now + .seconds(120)
        while Int(try cluster.psql("SELECT COUNT(*) FROM articles", database: database).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 < 100 {
            guard ContinuousClock.now < deadline else { throw ProcessFailure("the consumers never stored 100 articles") }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Stopped first, so events keep arriving at it that it never stores or acks; then killed.
        try await consumers[0].process.freezeThenKill()

        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == total)
        let acked = feed.ackedIDs
        #expect(acked.count == total)

        // Every acked article in the shared store, once (the unique id makes a second row impossible;
        // the count shows none is missing and nothing else is there).
        var stored = Set<String>()
        while ContinuousClock.now < deadline {
            stored = Set(try cluster.psql("SELECT id FROM articles", database: database).split(separator: "\n").map(String.init))
            if stored.count >= acked.count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(stored == acked)
        let storedByKilled = try cluster.psql(
            "SELECT COUNT(DISTINCT article_number) FROM stream WHERE consumer_id <> (SELECT consumer_id FROM stream ORDER BY sequence DESC LIMIT 1)",
            database: database)
        #expect((Int(storedByKilled.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "the killed consumer had stored a share")
        let redelivered = try cluster.psql("SELECT COUNT(*) FROM articles WHERE delivery_attempts > 1", database: database)
        #expect((Int(redelivered.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "events the killed consumer held were stored by the other")

        // The subscriber on the survivor saw the whole stream: 1…head, in order, each once, each topic gap-free.
        let head = Int(try cluster.psql("SELECT sequence FROM stream_head", database: database).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(head > 0)
        while recorder.messages.count < head && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .milliseconds(300))  // anything extra would show now
        recorder.finish()
        let messages = recorder.messages
        #expect(messages.map(\.sequence) == (1...UInt64(head)).map { $0 })
        var perTopic: [String: UInt64] = [:]
        var topicGaps = 0
        for message in messages {
            if message.topicSequence != perTopic[message.topicID, default: 0] + 1 { topicGaps += 1 }
            perTopic[message.topicID] = message.topicSequence
        }
        #expect(topicGaps == 0)
        #expect(Set(messages.map(\.consumerID)).count == 2, "messages stored by both consumers, published by one")

        producer.signal(SIGTERM)
        #expect(try await producer.waitForExit() == 0)
        consumers[1].process.signal(SIGTERM)
        #expect(try await consumers[1].process.waitForExit() == 0)
    }

    @Test("PostgreSQL restarted mid-feed: /readyz says not ready meanwhile, the consumer reconnects, and every acked article is stored once")
    func serverRestart() async throws {
        let cluster = try PostgresCluster()
        let database = "restart"
        let url = try cluster.createDatabase(database)
        let directory = try TemporaryDirectory(prefix: "newswire-pg-restart")
        let consumer = try await Consumer(db: url, in: directory, metrics: "127.0.0.1:0")
        let http = try await consumer.process.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        #expect(try httpGet(http, "/readyz").status == 200)
        let producer = try RunningProcess(
            "newswire-producer",
            ["--outbox", directory.path("outbox.db"), "--ingest", "tcp://127.0.0.1:*", "--metrics", "", "--ack-timeout-ms", "1000",
             "--consumer", consumer.events],
            directory: directory)
        let ingest = try await producer.waitForLog(#"ingest=(tcp://[0-9.]+:[0-9]+)"#)

        let total = 300
        let feed = BackgroundFeed(endpoint: ingest, items: GeneratedArticles.items(total))
        let deadline = ContinuousClock.now + .seconds(120)
        while Int(try cluster.psql("SELECT COUNT(*) FROM articles", database: database).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 < 30 {
            guard ContinuousClock.now < deadline else { throw ProcessFailure("the consumer never stored 30 articles") }
            try await Task.sleep(for: .milliseconds(20))
        }
        try cluster.stop(mode: "fast")
        var readiness = 200
        while readiness == 200 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            readiness = try httpGet(http, "/readyz").status
        }
        #expect(readiness == 503, "not ready while PostgreSQL is down")
        try await Task.sleep(for: .seconds(2))
        #expect(consumer.process.isRunning)
        try cluster.start()
        while readiness != 200 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            readiness = try httpGet(http, "/readyz").status
        }
        #expect(readiness == 200, "ready again once PostgreSQL answers")

        let summary = try await feed.finish(timeout: .seconds(120))
        #expect(summary.accepted == total)
        let acked = feed.ackedIDs
        var stored = Set<String>()
        while ContinuousClock.now < deadline {
            stored = Set(try cluster.psql("SELECT id FROM articles", database: database).split(separator: "\n").map(String.init))
            if stored.count >= acked.count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(stored == acked, "\(stored.count) of \(acked.count) stored; the consumer's log ends:\n\(consumer.process.log.suffix(4000))")
        // The stream has no hole where the server went away: 1…head, each once.
        let stream = try cluster.psql("SELECT COUNT(*), COUNT(DISTINCT sequence), MIN(sequence), MAX(sequence) FROM stream", database: database)
        let figures = stream.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map { Int($0) ?? -1 }
        #expect(figures.count == 4 && figures[0] == figures[1] && figures[2] == 1 && figures[3] == figures[0], "stream rows: \(stream)")

        // The shared store behind /status, the API's topics, and the client's commands;
        // the API's queries that only SQLite serves say so with a 501.
        let status = try httpGet(http, "/status").body
        #expect(status.contains("\"articles\":\(acked.count)"), "\(status)")
        #expect(!status.contains("PGPASSWORD"))
        #expect(try httpGet(http, "/api/v1/topics").body.contains("\"articles\":\(acked.count)"))
        let articles = try httpGet(http, "/api/v1/articles")
        #expect(articles.status == 501)
        #expect(articles.body.contains("PostgreSQL"))
        let stats = try await runCommand("newswire", ["stats", "--db", url, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("\"total\":\(acked.count)"), "\(stats.stdout)")
        let query = try await runCommand("newswire", ["query", "--db", url, "--json", "--limit", "100000"])
        #expect(query.stdout.split(separator: "\n").count == acked.count, "\(query.stderr)")
        let letters = try await runCommand("newswire", ["dead-letters", "--db", url])
        #expect(letters.stdout.contains("no dead letters in postgres://newswire@127.0.0.1:\(cluster.port)/\(database)"), "\(letters.stdout)\(letters.stderr)")

        producer.signal(SIGTERM)
        #expect(try await producer.waitForExit() == 0)
        consumer.process.signal(SIGTERM)
        #expect(try await consumer.process.waitForExit() == 0)
    }
}
