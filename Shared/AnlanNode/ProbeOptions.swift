import AnlanRPC
import AnlanWire
import ArgumentParser
import Foundation

/// The flags every `probe` subcommand shares: where the node is, how long to wait, how to print.
public struct ProbeOptions: ParsableArguments, Sendable {
    @Option(help: "Host of the running node.")
    public var host = "127.0.0.1"

    @Option(help: "Port of the running node.")
    public var port: Int

    @Option(help: "Seconds to wait for the answer.")
    public var timeout: Double = 3

    @Flag(help: "Print JSON for scripts instead of text for people.")
    public var json = false

    public init() {}

    public func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1…65535, got \(port)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    public var timeoutDuration: Duration { .milliseconds(Int(timeout * 1000)) }

    /// A client for the probed node; a probe announces itself as service "probe".
    public func makeClient() -> RPCClient {
        var hello = Hello()
        hello.service = "probe"
        hello.nodeID = "probe-\(ProcessInfo.processInfo.processIdentifier)"
        return RPCClient(configuration: RPCClientConfiguration(
            host: host, port: port, connectTimeout: timeoutDuration, defaultTimeout: timeoutDuration, hello: hello))
    }

    /// Runs `body` against the node; any failure becomes one line on stderr and exit code 1.
    public func run(_ body: (RPCClient) async throws -> Void) async throws {
        let client = makeClient()
        do {
            try await body(client)
            await client.close()
        } catch {
            await client.close()
            let reason: String
            switch error {
            case let error as RPCError: reason = "\(error.status): \(error.message)"
            default: reason = "\(error)"
            }
            FileHandle.standardError.write(Data("error: \(host):\(port): \(reason)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Prints `value` as JSON (sorted keys) or, for people, as `text`.
    public func emit<T: Encodable>(_ value: T, text: @autoclosure () -> String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } else {
            print(text())
        }
    }
}
