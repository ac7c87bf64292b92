import Foundation
import NewswireTesting
import Testing

/// `newswire parse` over many files or a folder: one JSON line per file, in one process.
@Suite("Parse many files")
struct ParseManyFilesTests {
    /// The JSON objects of the command's output lines.
    static func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("a folder gives one line per file in name order, each with its path; a failed file is reported and counted")
    func folder() async throws {
        let folder = try TemporaryDirectory(prefix: "parse-many")
        try Fixtures.data(Fixtures.firstSeed).write(to: URL(fileURLWithPath: folder.path("a.txt")))
        try Fixtures.data(Fixtures.secondSeed).write(to: URL(fileURLWithPath: folder.path("b.txt")))
        try Data("   \n\t\n".utf8).write(to: URL(fileURLWithPath: folder.path("c.txt")))
        let result = try await runCommand("newswire", ["parse", "--json", folder.url.path])
        #expect(result.status == 1, "one file failed, so the status is non-zero")
        let objects = try ParseManyFilesTests.lines(result.stdout)
        #expect(objects.count == 3)
        #expect(objects.map { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["a.txt", "b.txt", "c.txt"])
        #expect(objects[0]["title"] as? String == "Kerry Says US and Russia Are Working Toward Syria Talks")
        #expect((objects[0]["paragraphs"] as? [String])?.count == 22)
        #expect(objects[1]["dateline"] as? String == "BANDAR SERI BEGAWAN, Brunei")
        let failure = try #require(objects[2]["error"] as? [String: Any])
        #expect(failure["code"] as? String == "empty")
        #expect(objects[2]["paragraphs"] == nil)
        #expect(result.stderr.contains("c.txt: empty"))
        #expect(result.stderr.contains("2 of 3 files parsed, 1 failed"))
    }

    @Test("several paths print one line each and exit 0 when all parse; a missing file is a failed line")
    func paths() async throws {
        let first = Fixtures.url(Fixtures.firstSeed).path
        let second = Fixtures.url(Fixtures.secondSeed).path
        let ok = try await runCommand("newswire", ["parse", first, second])
        #expect(ok.status == 0, "\(ok.stderr)")
        let objects = try ParseManyFilesTests.lines(ok.stdout)
        #expect(objects.map { $0["path"] as? String } == [first, second])
        #expect((objects[1]["paragraphs"] as? [String])?.count == 7)

        let missing = try await runCommand("newswire", ["parse", first, "/nonexistent/article.html"])
        #expect(missing.status == 1)
        let lines = try ParseManyFilesTests.lines(missing.stdout)
        #expect(lines.count == 2)
        #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "unreadable")
        #expect(missing.stderr.contains("/nonexistent/article.html"))
    }
}
