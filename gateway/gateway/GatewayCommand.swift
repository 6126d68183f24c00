import AnlanDiscovery
import AnlanNode
import ArgumentParser
import Foundation
import GatewayService
import Logging

/// `gateway`: a node's aggregation point across the four tiers.
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Anlan gateway: merges a node's services with its child regions' gateways, within a deadline.",
        subcommands: [Serve.self, Probe.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the gateway of a region's node.")
        @OptionGroup var options: ServeOptions
        @Option(help: "Seconds identical summaries share one fan-out.") var coalesceWindow = 1.0
        @Option(help: "Budget in seconds of a request that carries none.") var defaultBudget = 2.0
        @Option(help: "Seconds between registry lookups of the node's services and child gateways.") var refreshInterval = 2.0
        @Option(help: "The parent node's registry (host:port), where the parent's gateway is found; none at the province.")
        var parentRegistry: String?

        func validate() throws {
            guard options.registry != nil else { throw ValidationError("--registry is required: the gateway finds its services and children there") }
            guard coalesceWindow >= 0, defaultBudget > 0, refreshInterval > 0 else { throw ValidationError("windows, budgets and intervals must be positive") }
        }

        func run() async throws {
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
            var logger = Logger(label: "anlan.gateway")
            logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
            let database = options.database ?? "gateway-\(options.region).sqlite"
            let address = try HostPort(parsing: options.registry ?? "", flag: "--registry")
            let registry = RegistryClient(host: address.host, port: address.port, snapshotPath: database + ".registry-snapshot")
            let parent = try parentRegistry.map { try HostPort(parsing: $0, flag: "--parent-registry") }
                .map { RegistryClient(host: $0.host, port: $0.port) }
            let gateway = try Gateway(regionCode: options.region, registry: registry, parentRegistry: parent, databasePath: database,
                                      coalesceWindow: .milliseconds(Int(coalesceWindow * 1000)),
                                      defaultBudget: .milliseconds(Int(defaultBudget * 1000)), logger: logger)
            await gateway.refreshDirectory()
            try await NodeServer.run(GatewayNode(gateway: gateway, refreshInterval: .milliseconds(Int(refreshInterval * 1000))),
                                     options: options, logger: logger)
            await gateway.close()
            await registry.close()
            await parent?.close()
        }
    }
}
