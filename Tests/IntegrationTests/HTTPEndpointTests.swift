import Foundation
import NewswireTesting
import Testing

/// The services' HTTP endpoint against clients that do not behave: many idle
/// connections, a client that sends its request a byte at a time, more
/// connections than the cap. A health probe must still get its answer.
@Suite("HTTP endpoint under idle and slow clients", .serialized)
struct HTTPEndpointTests {
    /// A lone consumer with its HTTP endpoint on a free port, and that port.
    static func consumer(_ extra: [String], in directory: TemporaryDirectory) async throws -> (process: RunningProcess, http: String) {
        let any = "tcp://127.0.0.1:*"
        let process = try RunningProcess(
            "newswire-consumer",
            ["--db", directory.path("consumer.db"), "--events", any, "--stream", any, "--replay", any, "--metrics", "127.0.0.1:0"] + extra,
            directory: directory)
        let http = try await process.waitForLog(#"metrics=http://([0-9.]+:[0-9]+)/metrics"#)
        return (process, http)
    }

    /// `newswire_http_connections_open` as `/metrics` shows it (counting the scrape's own connection).
    static func openConnections(_ http: String) throws -> Double? {
        metricValue(try RawTCPConnection.get(http, "/metrics").body, "newswire_http_connections_open")
    }

    /// Waits until the server has accepted at least `count` connections besides the scrape's own.
    static func waitForOpenConnections(_ http: String, atLeast count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let open = try openConnections(http) ?? 0
            if open >= Double(count + 1) { return }
            if ContinuousClock.now >= deadline { throw ProcessFailure("only \(open) HTTP connections open at \(http), expected \(count + 1)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test("with 200 idle connections and a slow-drip client open, /healthz answers within 100 ms, every time")
    func healthUnderIdleAndSlowClients() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-idle")
        let (consumer, http) = try await Self.consumer([], in: directory)  // defaults: 10 s read timeout, 512 connections

        let idle = try (0..<200).map { _ in try RawTCPConnection(http) }
        let drip = try SlowDripClient(http, interval: .milliseconds(200))
        defer { drip.stop() }
        // Timing starts once the server holds all 201 connections, not while it is still accepting them.
        try await Self.waitForOpenConnections(http, atLeast: 201)

        for _ in 0..<20 {
            let answer = try RawTCPConnection.get(http, "/healthz", timeout: .seconds(2))
            #expect(answer.status == 200)
            #expect(answer.body == "ok\n")
            #expect(answer.elapsed <= .milliseconds(100), "GET /healthz took \(answer.elapsed) with 200 idle connections and a slow client open")
        }
        // The other endpoints answer too, and every idle client and the slow one are still connected.
        #expect(try RawTCPConnection.get(http, "/readyz").body == "ready\n")
        #expect(try Self.openConnections(http) ?? 0 >= 202)
        #expect(drip.closedAfter == nil)
        #expect(idle.allSatisfy { !$0.isClosedByPeer(within: .zero) })

        consumer.signal(SIGTERM)
        #expect(try await consumer.waitForExit() == 0, "shuts down cleanly with idle HTTP clients connected:\n\(consumer.log)")
    }

    @Test("idle and slow clients are closed by --http-read-timeout-ms; a client that asks in time is answered")
    func readTimeoutClosesIdleAndSlowClients() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-timeout")
        let (consumer, http) = try await Self.consumer(["--http-read-timeout-ms", "600"], in: directory)
        defer { consumer.signal(SIGKILL) }

        let start = ContinuousClock.now
        let idle = try (0..<20).map { _ in try RawTCPConnection(http) }
        // 56 bytes at 100 ms: the whole request would take over 5 s, far past the timeout.
        let drip = try SlowDripClient(http, interval: .milliseconds(100))
        defer { drip.stop() }

        for connection in idle {
            #expect(connection.isClosedByPeer(within: .seconds(5)), "an idle connection is still open 5 s after a 600 ms read timeout")
        }
        let idleClosed = ContinuousClock.now - start
        #expect(idleClosed >= .milliseconds(500), "idle connections were closed after \(idleClosed), before the 600 ms timeout")
        try await waitUntil("the slow client is closed", timeout: .seconds(5)) { drip.closedAfter != nil }
        let dripClosed = try #require(drip.closedAfter)
        #expect(dripClosed >= .milliseconds(500) && dripClosed < .seconds(3), "the slow client was closed after \(dripClosed)")

        // Only the scrape's own connection is left, and a prompt client is answered as before.
        #expect(try Self.openConnections(http) == 1)
        let answer = try RawTCPConnection.get(http, "/healthz")
        #expect(answer.status == 200 && answer.body == "ok\n")
    }

    @Test("over --http-max-connections a connection is closed at once; /healthz answers again once a place is free")
    func connectionCap() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-cap")
        let (consumer, http) = try await Self.consumer(["--http-max-connections", "8"], in: directory)
        defer { consumer.signal(SIGKILL) }

        var idle = try (0..<7).map { _ in try RawTCPConnection(http) }
        try await Self.waitForOpenConnections(http, atLeast: 7)  // 7 idle + the scrape = the cap of 8
        try await Task.sleep(for: .milliseconds(100))  // the scrape's place is given back as its connection closes
        idle.append(try RawTCPConnection(http))
        try #require(!idle[7].isClosedByPeer(within: .milliseconds(300)), "the 8th connection, within the cap, was closed")

        // At the cap: a new connection is closed without an answer, and quickly, not left waiting.
        for _ in 0..<3 {
            let refused = try RawTCPConnection.get(http, "/healthz", timeout: .seconds(2))
            #expect(refused.status == nil && refused.body.isEmpty, "a connection over the cap got an answer: \(refused.body)")
            #expect(refused.elapsed < .seconds(1), "a connection over the cap waited \(refused.elapsed) to be closed")
        }
        #expect(idle.allSatisfy { !$0.isClosedByPeer(within: .zero) }, "the connections under the cap stay open")

        // A client leaving frees its place: the next probe is answered, promptly.
        idle.removeLast(2)
        let answer = try await Self.firstAnswer(http, "/healthz", within: .seconds(5))
        #expect(answer.status == 200 && answer.body == "ok\n")
        #expect(answer.elapsed <= .milliseconds(100))

        let metrics = try RawTCPConnection.get(http, "/metrics").body
        #expect(metricValue(metrics, "newswire_http_connections_refused_total") ?? 0 >= 3)
        #expect(consumer.log.contains("HTTP connection closed: the endpoint is at its cap (--http-max-connections)"))
    }

    /// `GET path` on a fresh connection: the status and the header fields (names lowercased).
    static func head(_ http: String, _ path: String) throws -> (status: Int?, headers: [String: String]) {
        let connection = try RawTCPConnection(http)
        connection.send(Array("GET \(path) HTTP/1.1\r\nHost: \(http)\r\nConnection: close\r\n\r\n".utf8))
        let text = String(decoding: connection.readToEnd(timeout: .seconds(10)) ?? [], as: UTF8.self)
        let lines = (text.components(separatedBy: "\r\n\r\n").first ?? "").components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }, headers)
    }

    @Test("over --http-rate-limit a client gets 429 with Retry-After, /healthz never does, and its tokens come back")
    func rateLimit() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-rate")
        let (consumer, http) = try await Self.consumer(["--http-rate-limit", "1"], in: directory)  // bursts of 2, then 1 a second
        let answers = try (0..<6).map { _ in try Self.head(http, "/readyz") }
        #expect(answers.prefix(2).allSatisfy { $0.status == 200 }, "the burst is allowed: \(answers.map(\.status))")
        let refused = try #require(answers.first { $0.status == 429 }, "six requests at once, none refused: \(answers.map(\.status))")
        #expect(refused.headers["retry-after"] == "1")
        for _ in 0..<5 { #expect(try Self.head(http, "/healthz").status == 200) }
        try await Task.sleep(for: .milliseconds(2100))
        let metrics = try RawTCPConnection.get(http, "/metrics")
        #expect(metrics.status == 200, "tokens come back at the rate")
        #expect(metricValue(metrics.body, "newswire_http_requests_limited_total") ?? 0 >= 1)
        consumer.signal(SIGTERM)
        #expect(try await consumer.waitForExit(timeout: .seconds(20)) == 0)
        let negative = try await runCommand("newswire-producer", ["--metrics", "127.0.0.1:0", "--http-rate-limit=-1"])
        #expect(negative.status != 0 && negative.stderr.contains("--http-rate-limit: must be 0 (off) or more, got -1"))
    }

    @Test("the HTTP limits are checked at start, naming the flag")
    func limitsAreValidated() async throws {
        let zero = try await runCommand("newswire-consumer", ["--metrics", "127.0.0.1:0", "--http-max-connections", "0"])
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("--http-max-connections: must be at least 1, got 0"))
        let short = try await runCommand("newswire-producer", ["--metrics", "127.0.0.1:0", "--http-read-timeout-ms", "5"])
        #expect(short.status != 0)
        #expect(short.stderr.contains("--http-read-timeout-ms: must be at least 10, got 5"))
    }

    @Test("a busy or malformed --metrics address stops the service at start, naming the flag and the address")
    func badAddress() async throws {
        let directory = try TemporaryDirectory(prefix: "newswire-http-busy")
        let (first, http) = try await Self.consumer([], in: directory)
        defer { first.signal(SIGKILL) }
        let any = "tcp://127.0.0.1:*"
        let second = try await runCommand(
            "newswire-consumer", ["--db", directory.path("second.db"), "--events", any, "--stream", any, "--replay", any, "--metrics", http],
            directory: directory)
        #expect(second.status != 0)
        #expect(second.stderr.contains("--metrics \(http): cannot listen"), "\(second.stderr)")
        let malformed = try await runCommand("newswire-producer", ["--metrics", "nonsense"], directory: directory)
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("--metrics: 'nonsense' is not HOST:PORT"), "\(malformed.stderr)")
    }

    /// GETs `path` until the server answers (a closed place may take a moment to be given back).
    static func firstAnswer(_ http: String, _ path: String, within timeout: Duration) async throws -> (status: Int?, body: String, elapsed: Duration) {
        let deadline = ContinuousClock.now + timeout
        while true {
            let answer = try RawTCPConnection.get(http, path, timeout: .seconds(2))
            if answer.status != nil || ContinuousClock.now >= deadline { return answer }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
