import Foundation

/// A TCP link between a test's client and server that the test can cut and heal
/// (Tests/Network/link_proxy.py, a process of its own): `cut` turns every connection into a black hole
/// that stays established, as over a cut link; `heal` lets new connections through.
public final class LinkProxy: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle

    /// Starts the proxy in front of 127.0.0.1:`target`.
    public init(target: Int) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Network/link_proxy.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "\(target)"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        guard let line = Self.readLine(output), let port = Int(line) else {
            process.terminate()
            throw LinkProxyError(message: "the link proxy did not print its port")
        }
        self.port = port
    }

    public func cut() throws { try command("cut") }
    public func heal() throws { try command("heal") }

    private func command(_ text: String) throws {
        input.write(Data((text + "\n").utf8))
        guard Self.readLine(output) == "ok" else { throw LinkProxyError(message: "the link proxy did not take \(text)") }
    }

    /// Ends the proxy: its standard input closes, so it stops (and a kill makes sure).
    public func stop() {
        try? input.close()
        if process.isRunning { process.terminate() }
    }

    private static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }
}

public struct LinkProxyError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
