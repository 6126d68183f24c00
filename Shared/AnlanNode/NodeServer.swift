import AnlanDiscovery
import AnlanRPC
import AnlanRegions
import AnlanWire
import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// Runs one node: the service's handlers plus `node.info`/`node.echo`/`node.metrics` on an `RPCServer`,
/// its background services, and — when a registry is given — a `LeaseKeeper`, all in one `ServiceGroup`
/// that drains on SIGTERM/SIGINT (deregister first, then finish in-flight requests, then stop the
/// service's own work). The process's metrics go to `NodeMetrics.registry`, each node's labelled with it.
public enum NodeServer {
    /// The software version reported in HELLO and `node.info`.
    public static let softwareVersion = "0.1.0"

    public static func run(_ service: some NodeService, options: ServeOptions, logger: Logger) async throws {
        try await runGroup([(service, options)], logger: logger)
    }

    /// Runs several nodes in one process — each with its own server, port, registration and
    /// background work — in one `ServiceGroup`. The whole-province mode hosts a tier's regions this way.
    ///
    /// A group shuts down in reverse order, one service at a time: so every node's background work
    /// comes first, then every server, then the lease keepers — every node deregisters before any
    /// drains, instead of the first node waiting for 1,358 others to drain. The keepers of a group of
    /// several nodes run as one `ConcurrentServices`, so they deregister together.
    public static func runGroup(_ nodes: [(service: any NodeService, options: ServeOptions)], logger: Logger) async throws {
        NodeMetrics.bootstrap()
        var parts = NodeParts()
        for node in nodes { try add(node.service, options: node.options, logger: logger, to: &parts) }
        let keepers: [ServiceGroupConfiguration.ServiceConfiguration] = parts.keepers.isEmpty ? []
            : [.init(service: parts.keepers.count == 1 ? parts.keepers[0] : ConcurrentServices(services: parts.keepers))]
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: parts.background + parts.servers + keepers, gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [], logger: logger))
        try await group.run()
    }

    /// The services of a group's nodes, by the order they stop in.
    private struct NodeParts {
        var background: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var servers: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var keepers: [any Service] = []
    }

    /// One node's services into `parts`: its background work, its server and port file, and its lease keeper.
    private static func add(_ service: some NodeService, options: ServeOptions, logger: Logger, to parts: inout NodeParts) throws {
        let serviceKind = type(of: service).kind
        let region = try RegionTree.zhejiang.region(options.region)
        let nodeID = options.nodeID ?? "\(region.code)-\(serviceKind)"
        var logger = logger
        logger[metadataKey: "node"] = "\(nodeID)"

        var hello = Hello()
        hello.nodeID = nodeID
        hello.tier = region.tier.rawValue
        hello.regionCode = region.code
        hello.service = serviceKind
        hello.softwareVersion = softwareVersion
        let limits = WireLimits(maxFrameSize: options.maxFrameSize)
        let tls = try options.tls(service: serviceKind)
        let clientTLS = tls?.client
        let configuration = RPCServerConfiguration(
            host: options.host, port: options.port, limits: limits,
            maxConcurrentRequests: options.maxConcurrentRequests, hello: hello, tls: tls?.server)
        let transport = tls.map { "mutual TLS as \($0.name)" } ?? "plaintext (insecure)"
        if tls == nil {
            logger.warning("plaintext: no identity on this node's connections", metadata: [
                "why": "\(options.insecure ? "--insecure" : "no --pki given")"])
        }

        let started = ContinuousClock.now
        let serverBox = NIOLockedValueBox<RPCServer?>(nil)
        // With identities (TLS), every request is authorized and every write audited; a plaintext node has neither.
        let audit = try tls.map { _ in
            try AuditLog.open(node: nodeID, databasePath: options.database ?? "\(serviceKind)-\(region.code).sqlite", logger: logger)
        }
        var router = RPCRouter.forNode(limits: limits)
        router.authorizer = tls?.authorizer(audit: audit)
        router.audit = audit
        router.inline(NodeMethods.echo) { request, _ in request }
        router.async(NodeMethods.info) { _, _ in
            var info = NodeInfo()
            info.service = serviceKind
            info.nodeID = nodeID
            info.regionCode = region.code
            info.regionName = region.name
            info.tier = region.tier.rawValue
            info.softwareVersion = softwareVersion
            info.uptimeMilliseconds = UInt64((ContinuousClock.now - started).wholeMilliseconds)
            info.transport = transport
            if let server = serverBox.withLockedValue({ $0 }) {
                info.requestsServed = UInt64(server.statistics.requests.count)
                info.openConnections = UInt64(server.connectionCount)
            }
            info.counts = try await service.counts()
            return info
        }
        // Off the event loop: a serve-group process's registry holds every node's figures.
        router.async(NodeMethods.metrics) { _, _ in MetricsText(text: NodeMetrics.exposition(node: nodeID)) }
        router.async(NodeMethods.audit) { query, _ in try await audit?.records(query) ?? AuditPage() }
        service.register(into: &router)
        // The server makes its figures as it starts: labelled with this node, apart from its neighbours'.
        let server = withMetricsFactory(NodeMetrics.factory(labellingNode: nodeID)) {
            RPCServer(configuration: configuration, router: router, logger: logger)
        }
        serverBox.withLockedValue { $0 = server }

        parts.background += service.backgroundServices.map { .init(service: $0) }
        parts.servers.append(.init(service: server))
        if let portFile = options.portFile {
            parts.servers.append(.init(service: PortFileWriter(server: server, path: portFile),
                                       successTerminationBehavior: .ignore))
        }
        if let registry = options.registry {
            let address = try HostPort(parsing: registry, flag: "--registry")
            let advertised = options.advertiseHost ?? options.host
            let client = RegistryClient(configuration: RPCClientConfiguration(
                host: address.host, port: address.port, defaultTimeout: .seconds(3), hello: hello, tls: clientTLS))
            let keeper = LeaseKeeper(client: client, ttl: .milliseconds(Int(options.leaseTTL * 1000)), logger: logger) {
                Registration(instanceID: nodeID, service: serviceKind, regionCode: region.code, tier: region.tier.rawValue,
                             host: advertised, port: UInt16(try await server.port),
                             metadata: [MetadataEntry(key: "version", value: softwareVersion)])
            }
            parts.keepers.append(keeper)
        }
    }
}

/// Writes the server's port to a file once it is bound, for scripts and tests that start nodes on port 0.
struct PortFileWriter: Service {
    let server: RPCServer
    let path: String

    func run() async throws {
        let port = try await server.port
        try "\(port)\n".write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        _ = rename(path + ".tmp", path)
    }
}
