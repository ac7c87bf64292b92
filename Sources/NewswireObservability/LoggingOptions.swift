internal import Foundation
public import ArgumentParser
internal import Logging
public import Prometheus

/// The logging flags both services share (`@OptionGroup var logging: LoggingOptions`).
public struct LoggingOptions: ParsableArguments {
    @Option(help: "Log format: text, json (one object per line) or logfmt. (env: NEWSWIRE_LOG_FORMAT)")
    public var logFormat: String = EnvironmentValue.string("NEWSWIRE_LOG_FORMAT", "text")

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. (env: NEWSWIRE_LOG_LEVEL)")
    public var logLevel: String = EnvironmentValue.string("NEWSWIRE_LOG_LEVEL", "info")

    public init() {}

    /// What is wrong with the values, each naming its flag.
    public var problems: [String] {
        var problems: [String] = []
        if LogFormat(rawValue: logFormat) == nil { problems.append("--log-format: '\(logFormat)' is not one of text, json, logfmt") }
        if Logger.Level(rawValue: logLevel) == nil { problems.append("--log-level: '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical") }
        return problems
    }

    /// The lines `--print-config` shows for these flags.
    public var configurationLines: String {
        "NEWSWIRE_LOG_FORMAT=\(logFormat)\nNEWSWIRE_LOG_LEVEL=\(logLevel)"
    }

    /// Bootstraps logging and metrics with these values (see ``Observability/bootstrap(format:level:)``).
    public func bootstrap() -> PrometheusCollectorRegistry {
        Observability.bootstrap(format: LogFormat(rawValue: logFormat) ?? .text, level: Logger.Level(rawValue: logLevel) ?? .info)
    }
}

/// Reads a `NEWSWIRE_…` default without depending on NewsModels.
enum EnvironmentValue {
    static func string(_ name: String, _ fallback: String) -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return fallback }
        return value
    }

    /// An integer; a value that is not one is reported at start by the flag's validation.
    static func int(_ name: String, _ fallback: Int) -> Int {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return fallback }
        return Int(value) ?? Int.min
    }
}
