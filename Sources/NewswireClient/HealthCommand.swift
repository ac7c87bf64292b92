public import ArgumentParser
internal import Foundation
internal import NewsModels
internal import NewswireObservability

/// `newswire health URL`: probes a service's HTTP endpoint and exits 0 only on
/// HTTP 200. The compose health checks run it, since the slim runtime image
/// has no curl: `newswire health http://127.0.0.1:9101/healthz`.
public struct HealthCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "GET a service's /healthz (or /readyz, or any URL); exit 0 only on HTTP 200.",
        discussion: """
            For container and systemd health checks: prints the answer on success, and on \
            failure says what went wrong (no connection, no answer in time, another status) \
            and exits 1.
            """)

    @Argument(help: "URL to GET: http://HOST:PORT/PATH, e.g. http://127.0.0.1:9101/healthz.")
    var url: String

    @Option(help: "Seconds to wait for the connection, and then for the answer. (env: NEWSWIRE_HTTP_TIMEOUT)")
    var timeout: Int = EnvironmentDefault.int("NEWSWIRE_HTTP_TIMEOUT", 3)

    public init() {}

    public func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout: must be at least 1 second, got \(timeout)") }
    }

    public func run() throws {
        let response = try HTTPClient.get(url, timeout: .seconds(timeout))
        let answer = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard response.status == 200 else {
            throw HTTPClientError(url: url, reason: "answered \(response.status)\(answer.isEmpty ? "" : ": \(answer)")")
        }
        print("\(url): 200 \(answer)")
    }
}
