import Foundation

/// Runs scripts/anlan_probe.py — the independent client written from docs/PROTOCOL.md alone — with
/// `arguments`; its exit status and everything it printed.
public func runPythonProbe(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/anlan_probe.py")
    let run = try await ProgramRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + arguments, errors: .merged)
    return (run.status, run.output)
}
