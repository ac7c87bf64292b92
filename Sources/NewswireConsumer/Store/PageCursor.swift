internal import Foundation

/// Where a page of articles ended, handed to clients as an opaque string.
///
/// Newest-first pages continue after the last article's (stored time, rowid):
/// articles stored meanwhile sort before it, so paging on never repeats or
/// skips one. Relevance pages continue at an offset among the articles that
/// existed when the first page was read (rowid at most `newestRowID`); the
/// scores themselves shift a little as new articles change the index's
/// statistics, so relevance paging is stable in membership, not in rank.
public enum PageCursor: Sendable, Equatable {
    case newest(storedAt: String, rowID: Int64)
    case relevance(offset: Int, newestRowID: Int64)

    private struct Fields: Codable {
        var k: String
        var t: String?
        var r: Int64?
        var o: Int?
    }

    /// The opaque text form (base64url of a small JSON object).
    public var token: String {
        let fields: Fields
        switch self {
        case .newest(let storedAt, let rowID): fields = Fields(k: "n", t: storedAt, r: rowID)
        case .relevance(let offset, let newestRowID): fields = Fields(k: "r", r: newestRowID, o: offset)
        }
        let data = (try? JSONEncoder().encode(fields)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token this type made; throws ``ArticleQueryError`` for anything else.
    public init(token: String) throws(ArticleQueryError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 512, let data = Data(base64Encoded: base64),
              let fields = try? JSONDecoder().decode(Fields.self, from: data)
        else { throw ArticleQueryError(parameter: "cursor", reason: "not a cursor this API gave out (pass nextCursor back unchanged)") }
        switch (fields.k, fields.t, fields.r, fields.o) {
        case ("n", let storedAt?, let rowID?, nil) where StoredTime(text: storedAt) != nil:
            self = .newest(storedAt: storedAt, rowID: rowID)
        case ("r", nil, let newestRowID?, let offset?) where offset >= 0:
            self = .relevance(offset: offset, newestRowID: newestRowID)
        default:
            throw ArticleQueryError(parameter: "cursor", reason: "not a cursor this API gave out (pass nextCursor back unchanged)")
        }
    }
}
