public import Logging
public import Prometheus
internal import Metrics

/// Sets up logging and metrics for a service process, once, before anything
/// creates a logger or a metric.
public enum Observability {
    /// Bootstraps swift-log with `format` at `level`, and swift-metrics with a
    /// Prometheus registry, which it returns for the `/metrics` endpoint.
    public static func bootstrap(format: LogFormat, level: Logger.Level) -> PrometheusCollectorRegistry {
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            case .json, .logfmt:
                return StructuredLogHandler(label: label, format: format, level: level)
            }
        }
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }
}
