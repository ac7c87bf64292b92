/// Polls `condition` until it holds, or throws ``ProcessFailure`` naming `what`
/// once `timeout` has passed. For waiting on real processes and files, where
/// nothing signals the change.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(100),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        if ContinuousClock.now >= deadline { throw ProcessFailure("\(what): not within \(timeout)") }
        try await Task.sleep(for: interval)
    }
}
