public import Foundation

/// Locates the test fixtures that live in `Tests/Fixtures`, next to this target.
///
/// Fixtures are found from this file's compile-time path, so they work in debug
/// and release builds and from any working directory, on any clone.
public enum Fixtures {
    /// The `Tests/Fixtures` folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // NewswireTesting
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The repository's top folder (where Package.swift is).
    public static let repositoryRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent()

    /// The URL of a fixture, for example `url("seeds/000_5e4c2aa3a6595abe.txt")`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The bytes of a fixture.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// The text of a fixture, decoded as UTF-8.
    public static func string(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// The first sample article: "Kerry Says US and Russia Are Working Toward Syria Talks".
    public static let firstSeed = "seeds/000_5e4c2aa3a6595abe.txt"
    /// The second sample article: "Kerry says Syria peace talks not likely until September".
    public static let secondSeed = "seeds/002_8935950077e0427a.txt"

    /// Every file below a fixture folder, sorted by path.
    public static func files(in folder: String) throws -> [URL] {
        let base = url(folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var result: [URL] = []
        for case let file as URL in enumerator {
            if (try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result.append(file)
            }
        }
        return result.sorted { $0.path < $1.path }
    }
}
