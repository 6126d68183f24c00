import AnlanRPC
import AnlanRegions
import AnlanWire
import ArgumentParser

/// `probe info`: version, uptime, region, tier and counts of a running node.
public struct InfoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "info", abstract: "What a running node is and holds.")

    @OptionGroup public var options: ProbeOptions

    public init() {}

    public func run() async throws {
        try await options.run { client in
            let info = try await client.call(NodeMethods.info, EmptyMessage())
            let tier = Tier(rawValue: info.tier)?.name ?? "tier \(info.tier)"
            var lines = [
                "\(info.service) \(info.softwareVersion) (protocol \(info.protocolVersion)) node \(info.nodeID)",
                "region:      \(info.regionCode) \(info.regionName) (\(tier))",
                "uptime:      \(info.uptimeMilliseconds / 1000) s",
                "requests:    \(info.requestsServed), connections open: \(info.openConnections)",
                "transport:   \(info.transport.isEmpty ? "(not reported)" : info.transport)",
            ]
            lines += info.counts.map { "\($0.name): \($0.value)" }
            try options.emit(info, text: lines.joined(separator: "\n"))
        }
    }
}
