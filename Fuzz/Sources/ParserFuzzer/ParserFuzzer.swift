internal import FuzzerDriver

/// libFuzzer entry point for the article parser: runs one input as
/// ``ParserFuzzInput`` lays it out and traps on a broken property, so the
/// fuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    guard let outcome = ParserFuzzInput.run(input) else { return 0 }
    let violations = ParserFuzzInput.violations(of: outcome, input: input)
    precondition(violations.isEmpty, "parser property broken: \(violations.joined(separator: "; "))")
    return 0
}

/// SwiftPM links an executable with `main` aliased to `<module>_main`, so
/// libFuzzer's own `main` is never used; this one starts libFuzzer's driver.
@_cdecl("ParserFuzzer_main")
public func parserFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzerDriver(argc, argv, parserFuzzerTestOneInput)
}
