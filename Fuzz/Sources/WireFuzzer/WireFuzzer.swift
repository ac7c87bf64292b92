internal import FuzzerDriver

/// libFuzzer entry point for the wire decoder: runs one input as
/// ``WireFuzzInput`` lays it out and traps on a broken property, so the
/// fuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func wireFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    for case .violation(let problem) in WireFuzzInput.run(input) {
        preconditionFailure("wire decoder property broken: \(problem)")
    }
    return 0
}

/// SwiftPM links an executable with `main` aliased to `<module>_main`, so
/// libFuzzer's own `main` is never used; this one starts libFuzzer's driver.
@_cdecl("WireFuzzer_main")
public func wireFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzerDriver(argc, argv, wireFuzzerTestOneInput)
}
