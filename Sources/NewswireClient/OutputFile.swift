internal import Foundation

/// Writes a command's output file so that a reader never sees half of it,
/// without ever replacing what the path names when it is not a plain file.
///
/// An atomic write puts the text in a temporary file and renames it over the
/// path: right for a regular file, wrong for `/dev/null`, a pipe or a symbolic
/// link, which the rename would replace with a regular file (with `/dev/null`,
/// for every program on the machine).
enum OutputFile {
    /// Writes `text` to `path`: atomically when `path` (its links followed) is a regular
    /// file or does not exist yet, straight into it when it is a device or a pipe.
    static func write(_ text: String, to path: String) throws {
        let target = finalTarget(of: path)
        let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
        if type == nil || type == .typeRegular {
            try text.write(toFile: target, atomically: true, encoding: .utf8)
            return
        }
        guard let handle = FileHandle(forWritingAtPath: target) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target])
        }
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// `path` with its symbolic links followed, even to a file that does not exist yet.
    static func finalTarget(of path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/")
                ? destination : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }
}
