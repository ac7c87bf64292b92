internal import Foundation
internal import ArgumentParser

/// Reads the one article a `parse` or `classify` command works on.
enum ArticleInput {
    /// The bytes of FILE, or of stdin for "-", with a content type guessed from the extension.
    static func read(_ path: String) throws -> (bytes: [UInt8], contentType: String?) {
        if path == "-" { return ([UInt8](FileHandle.standardInput.readDataToEndOfFile()), nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read this file")
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return ([UInt8](data), ext == "html" || ext == "htm" ? "text/html" : nil)
    }

    /// JSON the way every command prints it: sorted keys, no escaped slashes.
    static func json(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
