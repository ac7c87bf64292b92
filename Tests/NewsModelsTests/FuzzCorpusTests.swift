import Foundation
import NewsModels
import NewswireTesting
import Testing

/// Replays the wire fuzzer's kept corpus (Tests/Fixtures/fuzz/wire, made by
/// `scripts/fuzz.sh wire`) and every crasher it ever found
/// (Tests/Fixtures/fuzz/wire-crashes, each also with a test of its fixed
/// behaviour): every input decodes or is refused with a typed ``WireError``,
/// never a crash, and keeps the properties the fuzzer checks.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    @Test("every corpus input decodes or is refused with a WireError, with the fuzzer's properties")
    func corpus() throws {
        let corpus = try Fixtures.files(in: "fuzz/wire")
        #expect(corpus.count >= 100, "the kept corpus is in Tests/Fixtures/fuzz/wire")
        let files = corpus + (try Fixtures.files(in: "fuzz/wire-crashes"))
        var decoded = 0
        var refusals: Set<Nack.Reason> = []
        for file in files {
            let outcomes = WireFuzzInput.run([UInt8](try Data(contentsOf: file)))
            #expect(!outcomes.isEmpty, "\(file.lastPathComponent) is empty")
            for outcome in outcomes {
                switch outcome {
                case .decoded: decoded += 1
                case .refused(let error):
                    refusals.insert(error.nackReason)
                    #expect(!error.message.isEmpty, "\(file.lastPathComponent)")
                case .contentType: break
                case .violation(let problem): Issue.record("\(file.lastPathComponent): \(problem)")
                }
            }
        }
        #expect(decoded > 0)
        #expect(refusals.isSuperset(of: [.malformed, .unsupportedVersion, .unsupportedType, .tooLarge]))
    }
}
