import CLibFuzzer

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver, run from a target's `main.swift`.
///
/// SwiftPM gives every executable a `main` of its own (renamed so that tests can link the module), so
/// the `main` in libFuzzer's runtime is never linked; `LLVMFuzzerRunDriver` is the documented way in.
public enum LibFuzzer {
    /// Runs libFuzzer with this process's arguments (`-runs=…`, corpus directories, …) on `test`, the
    /// target's `LLVMFuzzerTestOneInput`, and exits with libFuzzer's status.
    public static func main(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
}
