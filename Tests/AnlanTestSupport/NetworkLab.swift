import Foundation

/// Nodes as separate hosts (网络隔离试验): each host a Linux network namespace with two links — one
/// to a bridge shared with the other hosts (the links between the tiers, which a test can cut) and one
/// to the test (a duty room's own console, which stays up). A cut takes the host's bridge port down:
/// its TCP connections stay established and nothing arrives, as over a cut fibre.
///
/// Needs root and iproute2 (`ip netns`, veth, bridge); `unavailableReason` says why not where they are
/// missing, for a test to be skipped with that message.
public final class NetworkLab: @unchecked Sendable {
    /// One host: its namespace, its address on the bridge (how other hosts reach it) and its address on
    /// the link to the test (how the test reaches it, cut or not).
    public struct Host: Sendable {
        public let name: String
        public let namespace: String
        public let meshAddress: String
        public let consoleAddress: String
        let bridgePort: String
    }

    public private(set) var hosts: [String: Host] = [:]
    private let prefix: String
    private let hub: String
    private let subnet: Int
    private var rootLinks: [String] = []

    /// Why namespaces cannot be made here, or nil when they can.
    public static let unavailableReason: String? = {
        guard FileManager.default.isExecutableFile(atPath: ip) else { return "no \(ip) (iproute2)" }
        let name = "anlan-check-\(getpid())"
        guard (try? run(["netns", "add", name])) != nil else {
            return "`ip netns add` is not allowed here (needs root or CAP_SYS_ADMIN)"
        }
        _ = try? run(["netns", "delete", name])
        return nil
    }()

    static let ip = "/usr/sbin/ip"

    /// Makes the hub and one host per name (at most 60).
    public init(hosts names: [String]) throws {
        subnet = Int.random(in: 1...250)
        prefix = "al\(subnet)"
        hub = "\(prefix)-hub"
        do {
            try Self.run(["netns", "add", hub])
            try Self.run(["-n", hub, "link", "add", "br0", "type", "bridge"])
            try Self.run(["-n", hub, "link", "set", "br0", "up"])
            for (index, name) in names.enumerated() {
                try addHost(name, index: index + 1)
            }
        } catch {
            close()
            throw error
        }
    }

    private func addHost(_ name: String, index: Int) throws {
        let namespace = "\(prefix)-\(name)"
        let bridgePort = "\(prefix)b\(index)"
        let console = "\(prefix)c\(index)"
        let meshAddress = "10.201.\(subnet).\(index)"
        let consoleAddress = "10.202.\(subnet).\(4 * index + 2)"
        try Self.run(["netns", "add", namespace])
        try Self.run(["-n", namespace, "link", "set", "lo", "up"])
        // The host's link to the bridge: eth0 inside, the bridge port in the hub.
        try Self.run(["link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name", bridgePort, "netns", hub])
        try Self.run(["-n", namespace, "addr", "add", "\(meshAddress)/24", "dev", "eth0"])
        try Self.run(["-n", namespace, "link", "set", "eth0", "up"])
        try Self.run(["-n", hub, "link", "set", bridgePort, "master", "br0"])
        try Self.run(["-n", hub, "link", "set", bridgePort, "up"])
        // The test's own link to the host.
        try Self.run(["link", "add", console, "type", "veth", "peer", "name", "console", "netns", namespace])
        rootLinks.append(console)
        try Self.run(["addr", "add", "10.202.\(subnet).\(4 * index + 1)/30", "dev", console])
        try Self.run(["link", "set", console, "up"])
        try Self.run(["-n", namespace, "addr", "add", "\(consoleAddress)/30", "dev", "console"])
        try Self.run(["-n", namespace, "link", "set", "console", "up"])
        hosts[name] = Host(name: name, namespace: namespace, meshAddress: meshAddress, consoleAddress: consoleAddress, bridgePort: bridgePort)
    }

    /// Cuts `host` off the other hosts (its link to the test stays).
    public func cut(_ host: String) throws {
        try Self.run(["-n", hub, "link", "set", hosts[host]!.bridgePort, "down"])
    }

    /// Gives `host` its link back.
    public func heal(_ host: String) throws {
        try Self.run(["-n", hub, "link", "set", hosts[host]!.bridgePort, "up"])
    }

    /// Starts `executable serve …` inside `host`'s namespace, listening on every address there.
    public func start(_ executable: String, on host: String, _ arguments: [String], directory: String, name: String) throws -> NodeProcess {
        let where_ = hosts[host]!
        return try NodeProcess(executable, ["--host", "0.0.0.0", "--advertise-host", where_.meshAddress] + arguments,
                               directory: directory, name: name, namespace: where_.namespace)
    }

    /// Removes every namespace and link it made (the processes in them must have ended).
    public func close() {
        for link in rootLinks { _ = try? Self.run(["link", "delete", link]) }
        rootLinks = []
        for host in hosts.values { _ = try? Self.run(["netns", "delete", host.namespace]) }
        hosts = [:]
        _ = try? Self.run(["netns", "delete", hub])
    }

    deinit { close() }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NodeProcessError(message: "ip \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }
}
