public import ArgumentParser

/// The HTTP endpoint's limits both services share (`@OptionGroup var http: HTTPOptions`);
/// the address itself is each service's own `--metrics`, whose default differs.
public struct HTTPOptions: ParsableArguments {
    @Option(help: "Milliseconds an HTTP client has to send a whole request head after connecting or after its last answer; an idle or slow client is closed then. (env: NEWSWIRE_HTTP_READ_TIMEOUT_MS)")
    public var httpReadTimeoutMs: Int = EnvironmentValue.int("NEWSWIRE_HTTP_READ_TIMEOUT_MS", 10_000)

    @Option(help: "HTTP connections open at once; a connection over the cap is closed as soon as it is accepted. (env: NEWSWIRE_HTTP_MAX_CONNECTIONS)")
    public var httpMaxConnections: Int = EnvironmentValue.int("NEWSWIRE_HTTP_MAX_CONNECTIONS", 512)

    @Option(help: "HTTP requests a second each client address may make, in bursts of twice as many; more are answered 429 with Retry-After (/healthz never is); 0 turns the limit off. (env: NEWSWIRE_HTTP_RATE_LIMIT)")
    public var httpRateLimit: Int = EnvironmentValue.int("NEWSWIRE_HTTP_RATE_LIMIT", 50)

    public init() {}

    /// The limits these flags set (valid once ``problems`` is empty).
    public var limits: HTTPLimits {
        HTTPLimits(readTimeout: .milliseconds(max(httpReadTimeoutMs, 1)), maximumConnections: httpMaxConnections, requestsPerSecond: httpRateLimit)
    }

    /// What is wrong with the values, each naming its flag.
    public var problems: [String] {
        var problems: [String] = []
        if httpReadTimeoutMs < 10 { problems.append("--http-read-timeout-ms: must be at least 10, got \(httpReadTimeoutMs)") }
        if httpMaxConnections < 1 { problems.append("--http-max-connections: must be at least 1, got \(httpMaxConnections)") }
        if httpRateLimit < 0 { problems.append("--http-rate-limit: must be 0 (off) or more, got \(httpRateLimit)") }
        return problems
    }

    /// The lines `--print-config` shows for these flags.
    public var configurationLines: String {
        "NEWSWIRE_HTTP_READ_TIMEOUT_MS=\(httpReadTimeoutMs)\nNEWSWIRE_HTTP_MAX_CONNECTIONS=\(httpMaxConnections)\nNEWSWIRE_HTTP_RATE_LIMIT=\(httpRateLimit)"
    }
}
