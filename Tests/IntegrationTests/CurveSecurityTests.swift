import Foundation
import NewsModels
import NewswireTesting
import Testing
import ZeroMQ

/// CURVE on every socket of the real services: listed keys work end to end,
/// unlisted keys get nothing through on ingest, events, stream or replay, and
/// every refusal is counted on /metrics.
///
/// A refused CURVE handshake never completes and libzmq reports nothing to the
/// client, so "nothing got through" means: nothing arrived within a short wait.
@Suite("CURVE security", .serialized, .enabled(if: Context.hasCurve, "libzmq was built without CURVE support"))
struct CurveSecurityTests {
    /// How long a refused client is given to (not) get an answer.
    static let refusalWait: Duration = .milliseconds(1500)

    /// Key pairs written by `newswire keygen`, and an allow-list folder per service:
    /// the consumer accepts the producer and the client, the producer the client;
    /// nobody accepts the intruder.
    struct KeyRing {
        let directory: TemporaryDirectory
        var consumerAllow: String { directory.path("consumer-allow") }
        var producerAllow: String { directory.path("producer-allow") }

        init() async throws {
            directory = try TemporaryDirectory(prefix: "newswire-keys")
            for name in ["consumer", "producer", "client", "intruder"] {
                let result = try await runCommand("newswire", ["keygen", "--output", directory.path("keys"), "--name", name])
                #expect(result.status == 0, "\(result.stderr)")
            }
            for (folder, members) in [(consumerAllow, ["producer", "client"]), (producerAllow, ["client"])] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for member in members { try FileManager.default.copyItem(atPath: publicKey(member), toPath: "\(folder)/\(member).pub") }
            }
        }

        func secretKey(_ name: String) -> String { directory.path("keys/\(name).key") }
        func publicKey(_ name: String) -> String { directory.path("keys/\(name).pub") }

        /// `--curve-key` and `--server-public-key` for a client command.
        func clientFlags(_ name: String, server: String) -> [String] {
            ["--curve-key", secretKey(name), "--server-public-key", publicKey(server)]
        }

        /// Makes a socket a CURVE client of `server` with `name`'s key pair.
        func configure(_ socket: Socket, as name: String, server: String) throws {
            let keyPair = try CurveKeyFile(contentsOf: secretKey(name)).keyPair()
            try socket.setCurveClient(serverKey: try CurveKeyFile(contentsOf: publicKey(server)).requiredPublicKey(), keyPair: keyPair)
        }

        /// Both services with CURVE on; the producer uses its own key pair towards the consumer.
        func pipeline() async throws -> Pipeline {
            try await Pipeline(
                consumerArguments: ["--metrics", "127.0.0.1:0", "--curve-secret-key", secretKey("consumer"), "--curve-allow", consumerAllow],
                producerArguments: ["--metrics", "127.0.0.1:0", "--curve-secret-key", secretKey("producer"), "--curve-allow", producerAllow,
                                    "--consumer-public-key", publicKey("consumer")])
        }
    }

    static func metricsAddress(_ process: RunningProcess) async throws -> String {
        try await process.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
    }

    static func refused(_ socket: String) -> String { #"newswire_auth_refused_total{socket="\#(socket)"}"# }

    /// Waits until `sample` on /metrics reaches `minimum` and returns its value (the deadline only avoids a hang).
    static func waitForMetric(_ address: String, _ sample: String, atLeast minimum: Double) async throws -> Double {
        let deadline = ContinuousClock.now + .seconds(20)
        var body = ""
        while ContinuousClock.now < deadline {
            body = try httpGet(address, "/metrics").body
            if let value = metricValue(body, sample), value >= minimum { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure("\(sample) did not reach \(minimum) on \(address):\n\(body)")
    }

    /// Sends a replay request from a DEALER with `keyRing`'s keys of `name`, on a
    /// thread of its own, and says whether any answer came within `wait`.
    static func replayAnswered(_ endpoint: String, keyRing: KeyRing, as name: String, wait: Duration) async throws -> Bool {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            Thread {
                continuation.resume(with: Result {
                    let context = try Context()
                    let dealer = try Socket(context: context, type: .dealer)
                    defer { dealer.close() }
                    try dealer.setLinger(.zero)
                    try dealer.setSendTimeout(wait)
                    try keyRing.configure(dealer, as: name, server: "consumer")
                    try dealer.connect(endpoint)
                    var request = ReplayRequest()
                    request.requestID = "intruder"
                    do {
                        try dealer.send(Multipart(try WireMessage(.replayRequest, request).frames))
                    } catch let error as ZMQError where error.code == .wouldBlock {
                        return false  // refused before the request could even be queued
                    }
                    return try dealer.receive(timeout: wait) != nil
                })
            }.start()
        }
    }

    @Test("listed keys work end to end: feed → stored → stream and replay; nothing refused")
    func listedKeysWork() async throws {
        let keys = try await KeyRing()
        let pipeline = try await keys.pipeline()
        let producerMetrics = try await Self.metricsAddress(pipeline.producer)
        let consumerMetrics = try await Self.metricsAddress(pipeline.consumer)
        let recorder = try ScaleOutTests.StreamRecorder(endpoints: [pipeline.streamEndpoint]) { socket in
            try keys.configure(socket, as: "client", server: "consumer")
        }
        try await Task.sleep(for: .milliseconds(500))  // let the subscription reach the publisher

        let feed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint] + keys.clientFlags("client", server: "producer") + [Fixtures.url("seeds").path])
        #expect(feed.status == 0, "\(feed.stdout)\(feed.stderr)")
        #expect(feed.stdout.contains("accepted 2"))
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)

        // Replay (and the stream behind it) with the client's keys.
        let tail = try await runCommand("newswire", [
            "tail", "--stream", pipeline.streamEndpoint, "--replay", pipeline.replayEndpoint, "--topic", "syria-talks",
            "--since", "0", "--count", "2", "--json",
        ] + keys.clientFlags("client", server: "consumer"), timeout: .seconds(30))
        #expect(tail.status == 0, "\(tail.stderr)")
        #expect(tail.stdout.split(separator: "\n").count == 2)
        #expect(tail.stdout.contains(#""topic":"syria-talks""#))

        // The live stream reached the listed subscriber.
        let deadline = ContinuousClock.now + .seconds(20)
        while !recorder.messages.contains(where: { $0.topicID == "syria-talks" }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        recorder.finish()
        #expect(recorder.messages.contains { $0.topicID == "syria-talks" })

        let producer = try httpGet(producerMetrics, "/metrics").body
        let consumer = try httpGet(consumerMetrics, "/metrics").body
        #expect(metricValue(producer, Self.refused("ingest")) == 0)
        for socket in ["events", "stream", "replay"] {
            #expect(metricValue(consumer, Self.refused(socket)) == 0, "\(socket) refused nobody")
        }
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("an unlisted key gets nothing through on ingest, events, stream or replay, and each refusal is counted and logged")
    func unlistedKeysAreRefused() async throws {
        let keys = try await KeyRing()
        let pipeline = try await keys.pipeline()
        let producerMetrics = try await Self.metricsAddress(pipeline.producer)
        let consumerMetrics = try await Self.metricsAddress(pipeline.consumer)

        // Ingest: the intruder's feed gets no answer, and nothing was received.
        let feed = try await runCommand("newswire", ["feed", "--timeout", "1", "--producer", pipeline.ingestEndpoint]
            + keys.clientFlags("intruder", server: "producer") + [Fixtures.url(Fixtures.firstSeed).path])
        #expect(feed.status == 1)
        #expect(feed.stdout.contains("failed 1"), "\(feed.stdout)")
        #expect(try await Self.waitForMetric(producerMetrics, Self.refused("ingest"), atLeast: 1) >= 1)
        #expect(metricValue(try httpGet(producerMetrics, "/metrics").body, "newswire_producer_articles_received_total") == 0)
        _ = try await pipeline.producer.waitForLog(#"socket=ingest .*client refused"#)
        #expect(pipeline.producer.log.contains(try CurveKeyFile(contentsOf: keys.publicKey("intruder")).requiredPublicKey()), "the log names the refused key")

        // Stream: an intruding subscriber sees nothing while a listed feed flows through.
        let intruder = try ScaleOutTests.StreamRecorder(endpoints: [pipeline.streamEndpoint]) { socket in
            try keys.configure(socket, as: "intruder", server: "consumer")
        }
        let listed = try await runCommand("newswire", ["feed", "--producer", pipeline.ingestEndpoint] + keys.clientFlags("client", server: "producer") + [Fixtures.url("seeds").path])
        #expect(listed.status == 0, "\(listed.stdout)")
        _ = try await PipelineTests.storedArticles(pipeline, count: 2)
        #expect(try await Self.waitForMetric(consumerMetrics, Self.refused("stream"), atLeast: 1) >= 1)
        try await Task.sleep(for: Self.refusalWait)
        intruder.finish()
        #expect(intruder.messages.isEmpty)

        // Replay: no answer at all.
        #expect(try await !Self.replayAnswered(pipeline.replayEndpoint, keyRing: keys, as: "intruder", wait: Self.refusalWait))
        #expect(try await Self.waitForMetric(consumerMetrics, Self.refused("replay"), atLeast: 1) >= 1)

        // Events: a producer whose key the consumer does not list delivers nothing.
        let rogue = try RunningProcess("newswire-producer", [
            "--outbox", pipeline.directory.path("rogue.db"), "--ingest", "tcp://127.0.0.1:*", "--metrics", "127.0.0.1:0",
            "--shutdown-grace-seconds", "1", "--consumer", pipeline.eventsEndpoint,
            "--curve-secret-key", keys.secretKey("intruder"), "--curve-allow", keys.producerAllow, "--consumer-public-key", keys.publicKey("consumer"),
        ], directory: pipeline.directory)
        let rogueIngest = try await rogue.waitForLog(#"ingest=(tcp://[0-9.]+:[0-9]+)"#)
        let rogueMetrics = try await Self.metricsAddress(rogue)
        let rogueFeed = try await runCommand("newswire", ["feed", "--producer", rogueIngest] + keys.clientFlags("client", server: "intruder")
            + [Fixtures.url("classification/st01_geneva_date_slips.txt").path])
        #expect(rogueFeed.status == 0, "the rogue producer itself accepts the article: \(rogueFeed.stdout)")
        #expect(try await Self.waitForMetric(consumerMetrics, Self.refused("events"), atLeast: 1) >= 1)
        try await Task.sleep(for: Self.refusalWait)
        let rogueCounts = try httpGet(rogueMetrics, "/metrics").body
        #expect(metricValue(rogueCounts, "newswire_producer_outbox_depth") == 1)
        #expect(metricValue(rogueCounts, "newswire_producer_events_acked_total") == 0)
        #expect(try FaultTests.storeCounts(pipeline.databasePath).articles == 2, "only the listed producer's articles are stored")
        // SIGKILL: a producer whose events are never acked does not finish a graceful
        // stop (DeliveryService stops its wake-up tick when stopping), CURVE or not.
        rogue.signal(SIGKILL)
        try await rogue.waitForExit()

        for socket in ["events", "stream", "replay"] {
            #expect(pipeline.consumer.log.contains("socket=\(socket)"), "the consumer logs the refusal on \(socket)")
        }
        #expect(pipeline.consumer.log.contains("client refused"))
        let statuses = try await pipeline.stop()
        #expect(statuses.producer == 0 && statuses.consumer == 0)
    }

    @Test("bad CURVE settings stop the service at start, naming the setting")
    func badSettings() async throws {
        let keys = try await KeyRing()
        let empty = keys.directory.path("empty-allow")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let cases: [(String, [String], [String])] = [
            ("newswire-consumer", ["--curve-secret-key", keys.directory.path("missing.key"), "--curve-allow", keys.consumerAllow], ["--curve-secret-key", "missing.key: no such file"]),
            ("newswire-consumer", ["--curve-secret-key", keys.publicKey("consumer"), "--curve-allow", keys.consumerAllow], ["--curve-secret-key", "no secret-key"]),
            ("newswire-consumer", ["--curve-secret-key", keys.secretKey("consumer")], ["--curve-allow: required"]),
            ("newswire-consumer", ["--curve-secret-key", keys.secretKey("consumer"), "--curve-allow", empty], ["--curve-allow", "holds no *.pub"]),
            ("newswire-consumer", ["--curve-allow", keys.consumerAllow], ["--curve-allow: needs --curve-secret-key"]),
            ("newswire-producer", ["--consumer-public-key", keys.publicKey("consumer")], ["--consumer-public-key: needs --curve-secret-key"]),
            ("newswire-producer", ["--curve-secret-key", keys.secretKey("producer"), "--curve-allow", keys.producerAllow,
                                   "--consumer-public-key", keys.directory.path("keys/nope.pub")], ["--consumer-public-key", "nope.pub: no such file"]),
            ("newswire", ["feed", "--curve-key", keys.secretKey("client"), Fixtures.url(Fixtures.firstSeed).path], ["--server-public-key: required with --curve-key"]),
            ("newswire", ["tail", "--curve-key", keys.publicKey("client"), "--server-public-key", keys.publicKey("consumer")], ["--curve-key", "no secret-key"]),
        ]
        for (executable, arguments, expected) in cases {
            let result = try await runCommand(executable, arguments + (executable == "newswire" ? [] : ["--print-config"]))
            #expect(result.status != 0, "\(executable) \(arguments) should fail")
            for text in expected { #expect(result.stderr.contains(text), "\(executable) \(arguments): \(result.stderr)") }
        }
        let broken = keys.directory.path("broken-allow")
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "curve\n    public-key = \"too short\"\n".write(toFile: "\(broken)/scraper.pub", atomically: true, encoding: .utf8)
        let result = try await runCommand("newswire-producer", ["--curve-secret-key", keys.secretKey("producer"), "--curve-allow", broken, "--print-config"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--curve-allow: \(broken)/scraper.pub:2: public-key: 9 characters"), "\(result.stderr)")
    }

    @Test("--help and --print-config show the CURVE flags and their environment twins")
    func helpAndConfig() async throws {
        let expected: [(String, [String], [String])] = [
            ("newswire-consumer", ["--help"], ["--curve-secret-key", "NEWSWIRE_CURVE_SECRET_KEY", "--curve-allow", "NEWSWIRE_CURVE_ALLOW"]),
            ("newswire-producer", ["--help"], ["--curve-secret-key", "--curve-allow", "--consumer-public-key", "NEWSWIRE_CONSUMER_PUBLIC_KEY"]),
            ("newswire", ["feed", "--help"], ["--curve-key", "NEWSWIRE_CURVE_KEY", "--server-public-key", "NEWSWIRE_SERVER_PUBLIC_KEY"]),
            ("newswire", ["tail", "--help"], ["--curve-key", "--server-public-key"]),
            ("newswire", ["keygen", "--help"], ["--output", "--name", "0600"]),
            ("newswire-consumer", ["--print-config"], ["NEWSWIRE_CURVE_SECRET_KEY=\n", "NEWSWIRE_CURVE_ALLOW=\n"]),
            ("newswire-producer", ["--print-config"], ["NEWSWIRE_CURVE_SECRET_KEY=\n", "NEWSWIRE_CONSUMER_PUBLIC_KEY=\n"]),
        ]
        for (executable, arguments, texts) in expected {
            let result = try await runCommand(executable, arguments)
            #expect(result.status == 0)
            for text in texts { #expect(result.stdout.contains(text), "\(executable) \(arguments) lacks \(text)") }
        }
        let keys = try await KeyRing()
        let configured = try await runCommand("newswire-producer", [
            "--print-config", "--curve-secret-key", keys.secretKey("producer"), "--curve-allow", keys.producerAllow,
            "--consumer-public-key", keys.publicKey("consumer"),
        ])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("NEWSWIRE_CURVE_SECRET_KEY=\(keys.secretKey("producer"))\n"))
        #expect(configured.stdout.contains("NEWSWIRE_CURVE_ALLOW=\(keys.producerAllow)\n"))
        #expect(configured.stdout.contains("NEWSWIRE_CONSUMER_PUBLIC_KEY=\(keys.publicKey("consumer"))\n"))
    }

    @Test("the Python examples connect with a listed key and get nothing with an unlisted one",
          .enabled(if: PythonEnvironment.pythonWithZMQ, "python3 with pyzmq is not installed"))
    func pythonClients() async throws {
        let keys = try await KeyRing()
        let pipeline = try await keys.pipeline()
        let python = try #require(PythonEnvironment.python)
        let seed = Fixtures.url(Fixtures.firstSeed).path
        let fed = try await runCommand(python, [PythonExampleTests.example("feed_article.py"), seed, "--endpoint", pipeline.ingestEndpoint]
            + keys.clientFlags("client", server: "producer"))
        #expect(fed.status == 0, "\(fed.stdout)\(fed.stderr)")
        #expect(fed.stdout.contains("ACCEPTED"))
        _ = try await PipelineTests.storedArticles(pipeline, count: 1)

        let followed = try await runCommand(python, [
            PythonExampleTests.example("subscribe_topics.py"), "--since", "0", "--count", "1",
            "--stream", pipeline.streamEndpoint, "--replay", pipeline.replayEndpoint, "syria-talks",
        ] + keys.clientFlags("client", server: "consumer"), timeout: .seconds(30))
        #expect(followed.status == 0, "\(followed.stdout)\(followed.stderr)")
        #expect(followed.stdout.contains("Kerry Says US and Russia Are Working Toward Syria Talks"))

        let refused = try await runCommand(python, [PythonExampleTests.example("feed_article.py"), seed, "--endpoint", pipeline.ingestEndpoint,
                                                    "--timeout", "1", "--retries", "0"] + keys.clientFlags("intruder", server: "producer"))
        #expect(refused.status == 2, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("TIMEOUT"))
        _ = try await pipeline.stop()
    }
}
