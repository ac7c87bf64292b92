import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// Bad input gives a typed error with a useful message, never a crash.
@Suite("Errors")
struct ErrorTests {
    @Test("An empty file is .empty")
    func empty() throws {
        let error = try #require(Parse.error([UInt8](try Fixtures.data("parsing/empty.txt"))))
        #expect(error.code == .empty)
        #expect(error.message.contains("0 bytes"))
        #expect(Parse.error(Array("".utf8))?.code == .empty)
        #expect(throws: ArticleParseError.self) { try Parse.parser.parse("") }
    }

    @Test("Whitespace and invisible characters only is .empty")
    func whitespaceOnly() throws {
        let error = try #require(Parse.error([UInt8](try Fixtures.data("parsing/whitespace_only.txt"))))
        #expect(error.code == .empty)
        #expect(Parse.error(Array(" \n\t\r\n  ".utf8))?.code == .empty)
    }

    @Test("A PNG is .binary, pointing at its first NUL byte")
    func binary() throws {
        let error = try #require(Parse.error([UInt8](try Fixtures.data("parsing/binary.png"))))
        #expect(error.code == .binary)
        #expect(error.byteOffset == 8)
        #expect(error.message.contains("offset 8"))
        #expect(error.description.hasPrefix("binary: "))
    }

    @Test("Many control bytes without NUL is .binary")
    func controlBytes() throws {
        var bytes = Array("Some text with a lot of garbage after it. ".utf8)
        for index in 0..<200 { bytes.append(UInt8(1 + index % 8)) }
        let error = try #require(Parse.error(bytes))
        #expect(error.code == .binary)
        #expect(error.byteOffset == 42)
    }

    @Test("Input over the limit is .tooLarge, with both sizes in the message")
    func tooLarge() throws {
        let small = ArticleParser(configuration: .init(maximumInputBytes: 1000))
        let error = try #require(Parse.error([UInt8](repeating: 0x61, count: 2048), parser: small))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("2 048 bytes") && error.message.contains("1 000"))

        // The default limit, checked before any work: 40 MiB of NUL bytes is too large, not binary.
        let huge = [UInt8](repeating: 0, count: 40 * 1024 * 1024)
        let hugeError = try #require(Parse.error(huge))
        #expect(hugeError.code == .tooLarge)
        #expect(hugeError.message.hasPrefix("input is 41 943 040 bytes; the limit is 33 554 432 (ArticleParser.Configuration.maximumInputBytes)"))
        #expect(ArticleParser.Configuration().maximumInputBytes == 32 * 1024 * 1024)

        #expect(throws: ArticleParseError.self) { try small.parse(String(repeating: "a", count: 1001)) }
    }

    @Test("Nothing but navigation is .noContent")
    func noContent() {
        let error = Parse.error(Array("Home\nNews\nSports\nWeather\nSign in\nSubscribe\n".utf8))
        #expect(error?.code == .noContent)
        #expect(error?.message.contains("6 lines were removed") == true)
    }

    @Test("Shift-JIS bytes are .invalidEncoding with the offset of the first bad byte")
    func invalidEncoding() throws {
        let bytes = [UInt8](try Fixtures.data("parsing/invalid_encoding_shift_jis.txt"))
        let error = try #require(Parse.error(bytes))
        #expect(error.code == .invalidEncoding)
        #expect(error.byteOffset == 0)
        #expect(error.message.contains("0x93"))
        let declared = try #require(Parse.error(bytes, contentType: "text/plain; charset=Shift_JIS"))
        #expect(declared.code == .invalidEncoding)
        #expect(declared.message.contains("Shift_JIS"))
    }

    @Test("Undeclared latin-1 text is rescued as windows-1252; UTF-16 with a BOM is decoded")
    func legacyEncodings() throws {
        var latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" prices rise\n\nCoffee in the caf".utf8) + [0xE9]
        latin1 += Array("s of Lyon now costs ".utf8) + [0x80] + Array("3, owners said.".utf8)
        let article = try Parse.parser.parse(latin1)
        #expect(article.title == "Café prices rise")
        #expect(article.paragraphs == ["Coffee in the cafés of Lyon now costs €3, owners said."])

        let utf16 = [UInt8]("Tram line opens\n\nThe new tram line opened on Monday, the city said.".data(using: .utf16LittleEndian)!)
        let decoded = try Parse.parser.parse([0xFF, 0xFE] + utf16)
        #expect(decoded.title == "Tram line opens")
        #expect(decoded.paragraphs.count == 1)
    }

    @Test("Error codes and descriptions")
    func codes() {
        let codes: [ArticleParseError.Code] = [.empty, .binary, .invalidEncoding, .tooLarge, .noContent]
        #expect(Set(codes.map(\.rawValue)).count == 5)
        #expect(ArticleParseError.Code.tooLarge.description == "tooLarge")
    }
}
