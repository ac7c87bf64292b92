/// Bounds the work of explaining one decode failure: how many trial decodes,
/// and how many payload bytes they may read in all.
///
/// Why: each trial decodes part of the payload again, so an adversarial
/// payload (thousands of members, deep nesting, 32 MiB) could otherwise turn
/// one refusal into seconds of CPU on the socket's only reader.
final class DiagnosisBudget {
    /// Thrown when the budget runs out; the caller then answers without the field.
    struct Exhausted: Error {}

    private var attempts: Int
    private var bytes: Int

    init(payloadBytes: Int, attempts: Int = 256) {
        self.attempts = attempts
        self.bytes = 2 * payloadBytes + 1024 * 1024
    }

    /// Takes one trial decode of `count` bytes from the budget.
    func spend(_ count: Int) throws(Exhausted) {
        attempts -= 1
        bytes -= count
        guard attempts >= 0, bytes >= 0 else { throw Exhausted() }
    }
}
