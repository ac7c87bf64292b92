internal import Foundation

/// Defaults that a `NEWSWIRE_…` environment variable can override.
///
/// Every flag of the Newswire executables has an environment twin: `--db` is
/// `NEWSWIRE_DB`, `--consumer` is `NEWSWIRE_CONSUMER` (comma-separated when it
/// repeats). The flag wins over the variable, the variable over the built-in
/// default, and `--help` shows the default in force.
public enum EnvironmentDefault {
    /// The variable's value, or `fallback` when it is unset or empty.
    public static func string(_ name: String, _ fallback: String) -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return fallback }
        return value
    }

    /// The variable's value, or nil when it is unset or empty.
    public static func optionalString(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A comma-separated list, or `fallback`.
    public static func list(_ name: String, _ fallback: [String]) -> [String] {
        guard let value = optionalString(name) else { return fallback }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An integer; a value that is not one is reported at start by the flag's validation.
    public static func int(_ name: String, _ fallback: Int) -> Int {
        guard let value = optionalString(name) else { return fallback }
        return Int(value) ?? Int.min
    }

    /// `1`, `true`, `yes` or `on` (any case) count as set.
    public static func flag(_ name: String) -> Bool {
        guard let value = optionalString(name)?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(value)
    }
}
