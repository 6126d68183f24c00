import AnlanDiscovery
import AnlanIdentity
import AnlanNode
import ArgumentParser
import Foundation
import GatewayHTTP
import GatewayService
import Logging
import NIOPosix

/// `gateway`: a node's aggregation point across the four tiers.
@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Anlan gateway: merges a node's services with its child regions' gateways, within a deadline.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Probe.self, SchemaCommand.self, PKICommand.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the gateway of a region's node.")
        @OptionGroup var options: ServeOptions
        @Option(help: "Seconds old a summary may be when a request does not say; the node's summary is recomposed every half of it while asked for (0: every request fans out).")
        var maxAge = 3.0
        @Option(help: "Budget in seconds of a request that carries none.") var defaultBudget = 2.0
        @Flag(help: "Every child region has a node of its own: expect each to report from the start, so one that never came up counts as missing.")
        var everyChildHasANode = false
        @Option(help: "Seconds between registry lookups of the node's services and child gateways.") var refreshInterval = 2.0
        @Option(help: "The parent node's registry (host:port), where the parent's gateway is found; none at the province.")
        var parentRegistry: String?
        @Option(help: "The file of children's last good summaries (default: the database); gateways of one process may share one.")
        var store: String?
        @Option(help: "Serve the duty-room screen, the phone page and their JSON API on this HTTP port (0: any free port; none when absent).")
        var httpPort: Int?
        @Option(help: "Address the HTTP port listens on.") var httpHost = "127.0.0.1"
        @Option(help: "Write the bound HTTP port to this file once listening (for scripts and tests).") var httpPortFile: String?
        @Option(help: "The control-power indices' configuration (JSON; default: the bundled one, docs/INDICES.md).")
        var indexConfig: String?
        @Option(help: "Seconds between checks whether the month that ended is due to be published at this node (0: never).")
        var publishCheck = 600.0

        func validate() throws {
            guard options.registry != nil else { throw ValidationError("--registry is required: the gateway finds its services and children there") }
            guard publishCheck >= 0 else { throw ValidationError("--publish-check must be 0 (never) or positive") }
            guard defaultBudget > 0, refreshInterval > 0 else { throw ValidationError("budgets and intervals must be positive") }
            guard maxAge == 0 || (0.2...3600).contains(maxAge) else {
                throw ValidationError("--max-age must be 0 (every request fans out) or 0.2…3600 seconds")
            }
            if let httpPort, !(0...65535).contains(httpPort) { throw ValidationError("--http-port must be 0…65535, got \(httpPort)") }
            if httpPort != nil, httpPort == options.port, options.port != 0 { throw ValidationError("--http-port must differ from --port") }
        }

        func makeNode(logger: Logger) async throws -> GatewayNode {
            let database = options.database ?? "gateway-\(options.region).sqlite"
            let tls = try options.clientTLS(service: GatewayNode.kind)
            let registry = RegistryClients.shared(try HostPort(parsing: options.registry ?? "", flag: "--registry"),
                                                  snapshotPath: database + ".registry-snapshot", tls: tls)
            let parent = try parentRegistry.map {
                RegistryClients.shared(try HostPort(parsing: $0, flag: "--parent-registry"), snapshotPath: nil, tls: tls)
            }
            let gateway = try Gateway(regionCode: options.region, registry: registry, parentRegistry: parent,
                                      store: try SummaryStore.shared(path: store ?? database),
                                      maxAge: .milliseconds(Int(maxAge * 1000)), defaultBudget: .milliseconds(Int(defaultBudget * 1000)),
                                      everyChildHasANode: everyChildHasANode,
                                      indexConfiguration: try indexConfig.map { try IndexConfiguration.load(Data(contentsOf: URL(fileURLWithPath: $0))) },
                                      tls: tls, logger: logger)
            // On the loops the node's RPC server runs on (NodeServer's default: the singleton).
            // With identities, the screen signs people in from the roster beside the gateway's certificate.
            let signIn = try httpPort == nil ? nil : options.pki.flatMap { pki in
                try options.credentials(service: GatewayNode.kind).map { credentials in
                    try ScreenSignIn(credentials: credentials, roster: PeopleRoster(directory: PKIDirectory(pki), region: credentials.name.region),
                                     tokens: try options.tls(service: GatewayNode.kind)!.tokens)
                }
            }
            let http = httpPort.map { port in
                GatewayHTTPServer(gateway: gateway, nodeID: options.nodeID ?? "\(options.region)-\(GatewayNode.kind)", host: httpHost, port: port,
                                  portFile: httpPortFile, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, signIn: signIn,
                                  logger: logger)
            }
            return GatewayNode(gateway: gateway, refreshInterval: .milliseconds(Int(refreshInterval * 1000)),
                               publishCheck: publishCheck == 0 ? nil : .milliseconds(Int(publishCheck * 1000)), services: http.map { [$0] } ?? [])
        }
    }
}
