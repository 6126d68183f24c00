import Foundation

/// A program run to its end — an import, protoc, the Python probe, `gateway pki` — with its waits off
/// the cooperative threads (`BlockingWaits`): its exit status and what it printed.
public struct ProgramRun: Sendable {
    /// Where the program's standard error goes.
    public enum Errors: Sendable {
        /// To the test runner's standard error.
        case inherited
        /// Nowhere.
        case discarded
        /// Into `output`, interleaved as printed.
        case merged
        /// Into `errors`.
        case kept
    }

    public let status: Int32
    /// Standard output (and standard error, when `.merged`).
    public let output: String
    /// Standard error, when `.kept`; otherwise empty.
    public let errors: String

    /// Runs `executable` with `arguments` until it exits.
    public static func run(_ executable: URL, _ arguments: [String], errors: Errors = .inherited) async throws -> ProgramRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errorPipe = Pipe()
        process.standardOutput = output
        switch errors {
        case .inherited: break
        case .discarded: process.standardError = FileHandle.nullDevice
        case .merged: process.standardError = output
        case .kept: process.standardError = errorPipe
        }
        return try await BlockingWaits.run {
            try process.run()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors == .kept ? errorPipe.fileHandleForReading.readDataToEndOfFile() : Data()
            process.waitUntilExit()
            return ProgramRun(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                              errors: String(decoding: err, as: UTF8.self))
        }
    }
}
