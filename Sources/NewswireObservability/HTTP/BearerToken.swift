internal import Foundation

/// The secret an HTTP client must send as `Authorization: Bearer TOKEN`, read
/// from a file (`--http-token-file`) so it never shows in `ps` or the environment.
public struct BearerToken: Sendable, Equatable {
    let value: [UInt8]

    /// Reads the token from `path`: the file's text less surrounding whitespace, which must not be empty.
    public init(contentsOf path: String, flag: String = "--http-token-file") throws(HTTPEndpointError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HTTPEndpointError("\(flag) \(path): cannot read the token file: \(error.localizedDescription)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw HTTPEndpointError("\(flag) \(path): the token file is empty") }
        guard !token.contains(where: { $0.isWhitespace }) else {
            throw HTTPEndpointError("\(flag) \(path): the token must be one word (no spaces or line breaks inside)")
        }
        value = Array(token.utf8)
    }

    /// Whether an `Authorization` header value carries this token; compared
    /// in time that does not depend on where the first difference is.
    func admits(_ header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let offered = Array(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)
        guard offered.count == value.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(offered, value) { difference |= left ^ right }
        return difference == 0
    }
}
