import AnlanIdentity
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

    @Option(help: "PKI directory: call over mutual TLS with the certificate named by --as (default: $ANLAN_PKI).")
    public var pki: String?

    @Option(name: .customLong("as"),
            help: "With --pki: whose certificate to present, REGION/SERVICE, e.g. 330000/duty-room (default: $ANLAN_AS).")
    public var identity: String?

    @Option(help: "A person's token (`gateway pki token`, or the screen's sign-in): the calls act for them (default: $ANLAN_TOKEN).")
    public var token: String?

    public init() {}

    public func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1…65535, got \(port)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard (pkiDirectory == nil) == (caller == nil) else {
            throw ValidationError("--pki and --as go together (or ANLAN_PKI and ANLAN_AS)")
        }
    }

    /// `--pki`, or ANLAN_PKI.
    private var pkiDirectory: String? { pki ?? ProcessInfo.processInfo.environment["ANLAN_PKI"] }
    /// `--as`, or ANLAN_AS.
    private var caller: String? { identity ?? ProcessInfo.processInfo.environment["ANLAN_AS"] }
    /// `--token`, or ANLAN_TOKEN (a file's path or the token itself), or nil.
    var credential: RPCCredential? {
        guard let text = token ?? ProcessInfo.processInfo.environment["ANLAN_TOKEN"], !text.isEmpty else { return nil }
        do {
            return try RPCCredential(tokenOrPath: text)
        } catch {
            FileHandle.standardError.write(Data("warning: \(error.message): calling as the node alone\n".utf8))
            return nil
        }
    }

    /// The credentials named by `--pki` and `--as` (or their environment variables), or nil.
    func credentials() throws -> NodeCredentials? {
        guard let pki = pkiDirectory, let identity = caller else { return nil }
        return try NodeCredentials.load(from: PKIDirectory(pki), name: NodeName(caller: identity))
    }

    public var timeoutDuration: Duration { .milliseconds(Int(timeout * 1000)) }

    /// A client for the probed node; a probe announces itself as service "probe".
    public func makeClient() throws -> RPCClient {
        var hello = Hello()
        hello.service = "probe"
        hello.nodeID = "probe-\(ProcessInfo.processInfo.processIdentifier)"
        return RPCClient(configuration: RPCClientConfiguration(
            host: host, port: port, connectTimeout: timeoutDuration, defaultTimeout: timeoutDuration, hello: hello,
            tls: try credentials()?.clientTLS()))
    }

    /// Runs `body` against the node; any failure becomes one line on stderr and exit code 1.
    public func run(_ body: (RPCClient) async throws -> Void) async throws {
        let client = try makeClient()
        do {
            try await RPCCredential.$current.withValue(credential) { try await body(client) }
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
