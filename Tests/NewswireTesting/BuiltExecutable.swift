public import Foundation

/// Finds the package's executables (`newswire-producer`, `newswire-consumer`,
/// `newswire`) next to the running test bundle, where `swift test` builds them.
/// `NEWSWIRE_BIN_DIR` overrides the folder.
public enum BuiltExecutable {
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["NEWSWIRE_BIN_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // .build/<triple>/debug/newswirePackageTests.xctest
        var folder = runner.deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        return folder
    }

    /// `name` in ``directory``; an absolute path (a system tool such as `/usr/bin/python3`) as it is.
    public static func url(_ name: String) -> URL {
        name.hasPrefix("/") ? URL(fileURLWithPath: name) : directory.appendingPathComponent(name)
    }
}
