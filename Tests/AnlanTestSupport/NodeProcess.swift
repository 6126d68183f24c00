import Foundation

/// An Anlan executable (`registry`, `hazard-survey`, …) running as a real process for an integration
/// test: `serve` on port 0 with a port file, its stderr discarded.
public final class NodeProcess: @unchecked Sendable {
    public let process = Process()
    public let portFile: String

    /// Starts `<executable> serve --port-file … --log-level warning [--insecure] <arguments>` (`--insecure`
    /// unless `arguments` give `--pki`), inside the network
    /// namespace `namespace` when given (`ip netns exec` execs it: the process is the node itself).
    public init(_ executable: String, _ arguments: [String], directory: String, name: String, namespace: String? = nil) throws {
        portFile = directory + "/\(name).port"
        try? FileManager.default.removeItem(atPath: portFile)
        // Plain TCP unless the test gives the node a PKI (`--pki`).
        let transport = arguments.contains("--pki") ? [] : ["--insecure"]
        let command = ["serve", "--port-file", portFile, "--log-level", "warning"] + transport + arguments
        if let namespace {
            process.executableURL = URL(fileURLWithPath: NetworkLab.ip)
            process.arguments = ["netns", "exec", namespace, try Self.locate(executable).path] + command
        } else {
            process.executableURL = try Self.locate(executable)
            process.arguments = command
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// A test that fails half-way never leaves its node running (it would hold the test runner open).
    deinit {
        if process.isRunning { killNow() }
    }

    /// Sends SIGKILL and waits for the end, synchronously: the kernel ends the process at once, so the
    /// wait is short, and closers that run in a `defer` or a `deinit` can use it.
    public func killNow() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The port the node bound, once it has written it (up to 10 s).
    public func port() async throws -> Int {
        for _ in 0..<400 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw NodeProcessError(message: "\(process.executableURL?.lastPathComponent ?? "node") did not start within 10 s")
    }

    /// Sends `signal` and waits for the process to end (off the cooperative threads: a graceful stop
    /// can take seconds).
    public func stop(signal: Int32) async {
        kill(process.processIdentifier, signal)
        let process = process
        _ = try? await BlockingWaits.run { process.waitUntilExit() }
    }

    /// The executable beside the test bundle (`<build>/<package>PackageTests.xctest`).
    public static func locate(_ executable: String) throws -> URL {
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            buildDirectory.appendingPathComponent(executable),
            buildDirectory.deletingLastPathComponent().appendingPathComponent(executable),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw NodeProcessError(message: "build the \(executable) executable first (swift build --build-tests)")
        }
        return found
    }
}

public struct NodeProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A fresh temporary directory, removed when `body` returns.
public func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = NSTemporaryDirectory() + "anlan-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
