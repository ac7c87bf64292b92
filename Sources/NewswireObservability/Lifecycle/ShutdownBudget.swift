public import ServiceLifecycle
public import Logging
internal import UnixSignals

/// How a service process spends its shutdown grace period
/// (`--shutdown-grace-seconds`), from SIGTERM or SIGINT to exit.
///
/// - **Draining** (``draining``): services finish what they hold; the producer
///   waits for outstanding acks, the consumer finishes the article in hand.
/// - **Closing** (``closing``, the rest): sockets flush and close (LINGER bounds
///   each), then the SQLite WAL is checkpointed.
/// - A service still running at ``escalation`` is cancelled, and at ``grace``
///   the process exits with status 1 whatever it is doing
///   (``ShutdownDeadlineService``), so an orchestrator's own grace period
///   (docker's `stop_grace_period`, systemd's `TimeoutStopSec`) is never the one that ends it.
public struct ShutdownBudget: Sendable, Equatable {
    /// From the signal to exit, at most.
    public var grace: Duration

    public init(grace: Duration) {
        self.grace = grace
    }

    /// Kept back at the end for closing sockets and checkpointing: half the grace period, at most 2 s.
    public var closing: Duration { min(.seconds(2), grace / 2) }

    /// How long services may drain: the grace period less ``closing``.
    public var draining: Duration { grace - closing }

    /// When services still running are cancelled: halfway through ``closing``.
    public var escalation: Duration { grace - closing / 2 }

    /// A group that runs `services` until SIGTERM or SIGINT, then stops them in
    /// reverse order within this budget, and runs `finalStep` (named
    /// `finalStepName` in logs) once all of them have stopped.
    public func serviceGroup(
        _ services: [ServiceGroupConfiguration.ServiceConfiguration], logger: Logger,
        finalStep finalStepName: String, _ finalStep: @escaping @Sendable () async throws -> Void
    ) -> ServiceGroup {
        // Stopped in reverse order: the deadline is armed first, the final step runs last.
        let all: [ServiceGroupConfiguration.ServiceConfiguration] =
            [.init(service: FinalStepService(name: finalStepName, action: finalStep, logger: logger))]
            + services
            + [.init(service: ShutdownDeadlineService(grace: grace, logger: logger))]
        var configuration = ServiceGroupConfiguration(services: all, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = escalation
        return ServiceGroup(configuration: configuration)
    }
}
