public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireObservability

/// `newswire status`: asks both services for their `/status` document and
/// prints a summary (or the documents, with `--json`).
public struct StatusCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the producer and the consumer are doing: uptime, counts, outbox, connected peers.",
        discussion: """
            Reads GET /status from each service's HTTP endpoint (the address given to its \
            --metrics flag). Exits 1, naming the endpoint, when a service cannot be reached, \
            is not ready, or is not the service expected there.
            """)

    @Option(help: "The producer's HTTP endpoint (its --metrics), HOST:PORT; empty skips it. (env: NEWSWIRE_PRODUCER_METRICS)")
    var producer: String = EnvironmentDefault.string("NEWSWIRE_PRODUCER_METRICS", "127.0.0.1:9101")

    @Option(help: "The consumer's HTTP endpoint (its --metrics), HOST:PORT; empty skips it. (env: NEWSWIRE_CONSUMER_METRICS)")
    var consumer: String = EnvironmentDefault.string("NEWSWIRE_CONSUMER_METRICS", "127.0.0.1:9102")

    @Option(help: "File with the consumer's bearer token (its --http-token-file); empty sends none. (env: NEWSWIRE_CONSUMER_TOKEN_FILE)")
    var consumerTokenFile: String = EnvironmentDefault.string("NEWSWIRE_CONSUMER_TOKEN_FILE", "")

    @Option(help: "Seconds to wait for each connection, and then for each answer. (env: NEWSWIRE_HTTP_TIMEOUT)")
    var timeout: Int = EnvironmentDefault.int("NEWSWIRE_HTTP_TIMEOUT", 3)

    @Flag(help: "Print each service's /status document as served, one JSON object per line.")
    var json = false

    public init() {}

    public func validate() throws {
        if producer.isEmpty && consumer.isEmpty { throw ValidationError("--producer and --consumer are both empty: nothing to ask") }
        if timeout < 1 { throw ValidationError("--timeout: must be at least 1 second, got \(timeout)") }
    }

    public func run() throws {
        var problems: [String] = []
        for (role, address) in [("producer", producer), ("consumer", consumer)] where !address.isEmpty {
            let url = address.hasPrefix("http://") ? address + "/status" : "http://\(address)/status"
            do {
                let token = role == "consumer" && !consumerTokenFile.isEmpty
                    ? try BearerToken(contentsOf: consumerTokenFile, flag: "--consumer-token-file") : nil
                let (status, document) = try fetch(url, expecting: "newswire-\(role)", bearerToken: token)
                print(json ? String(decoding: document, as: UTF8.self).trimmingCharacters(in: .newlines) : status.summary)
                if !status.ready { problems.append("the \(role) at \(url) is not ready") }
            } catch {
                problems.append("the \(role) at \(error)")
            }
        }
        for problem in problems { FileHandle.standardError.write(Data("newswire status: \(problem)\n".utf8)) }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// The document at `url`, decoded and as served, checked to come from `service`.
    /// 503 still carries a document (the service is up, not ready); any other failure throws.
    func fetch(_ url: String, expecting service: String, bearerToken: BearerToken? = nil) throws(HTTPClientError) -> (ServiceStatus, [UInt8]) {
        let response = try HTTPClient.get(url, timeout: .seconds(timeout), bearerToken: bearerToken)
        guard response.status == 200 || response.status == 503 else {
            throw HTTPClientError(url: url, reason: "answered \(response.status): \(response.text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let status: ServiceStatus
        do {
            status = try ServiceStatus(json: response.body)
        } catch {
            throw HTTPClientError(url: url, reason: "the answer is not a status document (\(error))")
        }
        guard status.service == service else {
            throw HTTPClientError(url: url, reason: "this is \(status.service), not \(service)")
        }
        return (status, response.body)
    }
}
