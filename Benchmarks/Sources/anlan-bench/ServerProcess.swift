import BenchSupport
import Foundation

/// A benchmarked server in its own process, with what /proc says about it.
final class ServerProcess {
    let process = Process()
    let port: Int

    init(executable: URL) async throws {
        let portFile = NSTemporaryDirectory() + "anlan-bench-\(getpid())-\(UUID().uuidString).port"
        process.executableURL = executable
        process.arguments = ["--port-file", portFile]
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var port: Int?
        for _ in 0..<1000 where port == nil {
            port = PortFile.read(portFile)
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        try? FileManager.default.removeItem(atPath: portFile)
        guard let port else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: executable.path]) }
        self.port = port
    }

    /// Resident set size, in KiB.
    var residentKilobytes: Int {
        field("/proc/\(process.processIdentifier)/status", "VmRSS:") ?? 0
    }

    /// Bytes the process passed to read and write system calls (sockets included): its traffic.
    var ioBytes: Int {
        let path = "/proc/\(process.processIdentifier)/io"
        return (field(path, "rchar:") ?? 0) + (field(path, "wchar:") ?? 0)
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private func field(_ path: String, _ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(name) }
        return line.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
    }
}
