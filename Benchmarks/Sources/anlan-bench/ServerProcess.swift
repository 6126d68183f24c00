import BenchSupport
import Foundation

/// A benchmarked server in its own process, with what /proc says about it.
final class ServerProcess {
    let process = Process()
    let port: Int

    init(executable: URL, pki: String? = nil) async throws {
        let portFile = NSTemporaryDirectory() + "anlan-bench-\(getpid())-\(UUID().uuidString).port"
        // ANLAN_BENCH_SERVER_WRAPPER, e.g. "valgrind --tool=callgrind", runs the server under a profiler.
        let wrapper = ProcessInfo.processInfo.environment["ANLAN_BENCH_SERVER_WRAPPER"]?.split(separator: " ").map(String.init) ?? []
        if wrapper.isEmpty {
            process.executableURL = executable
            process.arguments = ["--port-file", portFile] + (pki.map { ["--pki", $0] } ?? [])
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = wrapper + [executable.path, "--port-file", portFile] + (pki.map { ["--pki", $0] } ?? [])
        }
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var port: Int?
        for _ in 0..<(wrapper.isEmpty ? 1000 : 6000) where port == nil {
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

    /// SIGINT: every server stops on it, and a profiler wrapping one (perf record) writes its data.
    /// A server that is still running 10 s later gets SIGKILL: a driver started in the background by a
    /// shell (`bench.sh … &`) hands its children SIGINT ignored, and must not wait for them for ever.
    func stop() async {
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<1000 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func field(_ path: String, _ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(name) }
        return line.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
    }
}
