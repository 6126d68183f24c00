import AnlanRegions
import ArgumentParser
import Logging

/// The `serve` flags every executable shares; each maps onto a configuration field.
public struct ServeOptions: ParsableArguments, Sendable {
    @Option(help: "Address to listen on.")
    public var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port; see --port-file).")
    public var port = 0

    @Option(help: "Region code this node serves (e.g. 330000 province, 330100 city, 330106 county, a 9- or 12-digit township).")
    public var region: String

    @Option(help: "SQLite database file (default: ./<service>-<region>.sqlite).")
    public var database: String?

    @Option(name: [.customLong("registry"), .customLong("parent")],
            help: "host:port of the registry to register with (for a registry: its parent tier's registry).")
    public var registry: String?

    @Option(help: "Node id announced in HELLO and to the registry (default: <region>-<service>).")
    public var nodeID: String?

    @Option(help: "Host other nodes should use to reach this one (default: --host).")
    public var advertiseHost: String?

    @Option(help: "Write the bound port to this file once listening (for scripts and tests).")
    public var portFile: String?

    @Option(help: "Lease TTL in seconds when registering.")
    public var leaseTTL: Double = 15

    @Option(help: "Largest frame accepted, in bytes.")
    public var maxFrameSize = 4 * 1024 * 1024

    @Option(help: "Requests one connection may have running before the server stops reading.")
    public var maxConcurrentRequests = 256

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    public var logLevel = "info"

    @Option(help: "PKI directory (root.pem, this node's <region>-<service>.pem and .key, revoked.txt): mutual TLS on every connection, in and out.")
    public var pki: String?

    @Flag(help: "Plain TCP with no identity on any connection (development only; logged and reported by node.info).")
    public var insecure = false

    public init() {}

    public mutating func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535, got \(port)") }
        do {
            region = try RegionTree.zhejiang.canonicalCode(region)
        } catch {
            throw ValidationError("--region: \(error)")
        }
        if let registry { _ = try HostPort(parsing: registry, flag: "--registry") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level \(logLevel)") }
        guard leaseTTL >= 0.1 else { throw ValidationError("--lease-ttl must be at least 0.1 s") }
        guard maxFrameSize >= 1024 else { throw ValidationError("--max-frame-size must be at least 1024") }
        guard pki == nil || !insecure else { throw ValidationError("--pki and --insecure exclude each other") }
        guard pki != nil || insecure else {
            throw ValidationError("give --pki DIR (mutual TLS, as every deployment runs) or --insecure (plain TCP, development only)")
        }
    }
}
