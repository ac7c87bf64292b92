/// One libFuzzer input callback: the bytes and their count; returns 0.
public typealias FuzzerTestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

/// libFuzzer's `LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`,
/// linked in by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzerTestOneInput
) -> Int32

/// Runs libFuzzer with the process's arguments and `callback`, as libFuzzer's own `main` would.
public func runFuzzerDriver(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzerTestOneInput) -> Int32 {
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments, callback)
}
