import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// Replays the parser fuzzer's kept corpus (Tests/Fixtures/fuzz/parser, made
/// by `scripts/fuzz.sh parser`) and every crasher it ever found
/// (Tests/Fixtures/fuzz/parser-crashes, each also with a test of its fixed
/// behaviour): each input gives an article or a typed error, never a crash,
/// and keeps the properties the fuzzer checks.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static func inputs(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        try Fixtures.files(in: folder).map { ($0.lastPathComponent, [UInt8](try Data(contentsOf: $0))) }
    }

    @Test("every corpus input parses to an article or a typed error, with the fuzzer's properties")
    func corpus() throws {
        let corpus = try Self.inputs("fuzz/parser")
        #expect(corpus.count >= 100, "the kept corpus is in Tests/Fixtures/fuzz/parser")
        let inputs = corpus + (try Self.inputs("fuzz/parser-crashes"))
        var articles = 0
        var errors: [ArticleParseError.Code: Int] = [:]
        for input in inputs {
            let outcome = try #require(ParserFuzzInput.run(input.bytes), "\(input.name) is empty")
            #expect(ParserFuzzInput.violations(of: outcome, input: input.bytes) == [], "\(input.name)")
            switch outcome {
            case .success: articles += 1
            case .failure(let error):
                errors[error.code, default: 0] += 1
                #expect(!error.message.isEmpty, "\(input.name)")
            }
        }
        // The corpus covers both outcomes and the main refusals, so a parser
        // change that refuses (or accepts) everything shows here.
        #expect(articles > 0)
        #expect(errors[.empty, default: 0] > 0 && errors[.binary, default: 0] > 0 && errors[.noContent, default: 0] > 0)
    }
}
