import AnlanDiscovery
import AnlanNode
import AnlanRPC
import AnlanRegions
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Where the node's own services and its child regions' gateways are, refreshed from the registry in
/// the background so that the request path never waits on a lookup. An endpoint once seen is kept
/// when its lease lapses: a child that has gone quiet is still expected, and reported stale or
/// missing rather than silently dropped from the coverage.
final class GatewayDirectory: Sendable {
    /// The service kinds whose statistics make up a summary (evacuation's also receives the warnings).
    static let serviceKinds = [ServiceKind.hazardSurvey, ServiceKind.materialReserve, ServiceKind.aviationLandingPoints,
                               ServiceKind.trainingRecords, ServiceKind.evacuation, ServiceKind.emergencyResponse]

    private let region: Region
    private let childRegions: [Region]
    private let registry: RegistryClient
    /// The parent node's registry, where the parent's gateway is found (nil at the province).
    private let parentRegistry: RegistryClient?
    private let parentRegion: Region?
    private let parent = NIOLockedValueBox<RPCClient?>(nil)
    private let logger: Logger
    /// Clients by service kind and by child region, resolved when the registry is asked, so a request
    /// takes one lock and no address parsing.
    private let services = NIOLockedValueBox<[String: RPCClient]>([:])
    private let gateways = NIOLockedValueBox<[String: RPCClient]>([:])
    /// One client per address, reused when an endpoint is found again.
    private let clients = NIOLockedValueBox<[HostPort: RPCClient]>([:])
    /// Addresses no longer in use at the last refresh: closed if still unused at the next, so a call
    /// that took the old client just before it was replaced can finish.
    private let retiring = NIOLockedValueBox<Set<HostPort>>([])
    private let callTimeout: Duration
    /// What the gateway's calls to its services and to other gateways present and check (nil: plain TCP).
    private let tls: RPCTLS?

    init(region: Region, tree: RegionTree, registry: RegistryClient, parentRegistry: RegistryClient?, callTimeout: Duration,
         tls: RPCTLS?, logger: Logger) throws {
        self.tls = tls
        self.region = region
        self.childRegions = try tree.children(of: region.code)
        self.registry = registry
        self.parentRegistry = parentRegistry
        self.parentRegion = try tree.parent(of: region.code)
        self.callTimeout = callTimeout
        self.logger = logger
    }

    /// The client of the node's own service of `kind`, if one has registered.
    func service(_ kind: String) -> RPCClient? {
        services.withLockedValue { $0[kind] }
    }

    /// Whether any own service has registered (a township node may have none: its county keeps its records).
    var hasServices: Bool {
        services.withLockedValue { !$0.isEmpty }
    }

    /// The own services seen so far.
    func serviceKinds() -> [String] {
        let known = services.withLockedValue { Set($0.keys) }
        return Self.serviceKinds.filter(known.contains)
    }

    /// The client of the gateway of child region `code`, if one has registered.
    func gateway(_ code: String) -> RPCClient? {
        gateways.withLockedValue { $0[code] }
    }

    /// The client of the parent node's gateway, if known.
    func parentGateway() -> RPCClient? {
        parent.withLockedValue { $0 }
    }

    /// The child regions whose gateways have registered.
    func childGateways() -> Set<String> {
        gateways.withLockedValue { Set($0.keys) }
    }

    private func client(_ address: HostPort) -> RPCClient {
        clients.withLockedValue { clients in
            if let client = clients[address] { return client }
            let client = RPCClient(configuration: RPCClientConfiguration(host: address.host, port: address.port, defaultTimeout: callTimeout, tls: tls))
            clients[address] = client
            return client
        }
    }

    /// Looks every own service and child gateway up once (in parallel), then closes the clients of
    /// addresses no longer in use for two refreshes running (a child gateway restarted on another port).
    func refresh() async {
        await lookUpAll()
        await dropUnusedClients()
    }

    private func lookUpAll() async {
        await withTaskGroup(of: Void.self) { group in
            for kind in Self.serviceKinds {
                group.addTask { [self] in
                    if let address = await lookup(kind, regionCode: region.code) { services.withLockedValue { $0[kind] = client(address) } }
                }
            }
            if let parentRegistry, let parentRegion {
                group.addTask { [self] in
                    if let address = await lookup(ServiceKind.gateway, regionCode: parentRegion.code, at: parentRegistry) {
                        parent.withLockedValue { $0 = client(address) }
                    }
                }
            }
            for child in childRegions {
                group.addTask { [self] in
                    if let address = await lookup(ServiceKind.gateway, regionCode: child.code) {
                        gateways.withLockedValue { $0[child.code] = client(address) }
                    }
                }
            }
        }
    }

    private func dropUnusedClients() async {
        var inUse = Set(services.withLockedValue { $0.values.map(ObjectIdentifier.init) })
        inUse.formUnion(gateways.withLockedValue { $0.values.map(ObjectIdentifier.init) })
        if let parent = parent.withLockedValue({ $0 }) { inUse.insert(ObjectIdentifier(parent)) }
        let unused = clients.withLockedValue { clients -> [RPCClient] in
            let stale = Set(clients.filter { !inUse.contains(ObjectIdentifier($0.value)) }.keys)
            let closing = retiring.withLockedValue { retiring in
                defer { retiring = stale }
                return stale.intersection(retiring)
            }
            return closing.compactMap { clients.removeValue(forKey: $0) }
        }
        for client in unused { await client.close() }
    }

    /// The address of an instance of `service` registered for exactly `regionCode` (not an ancestor).
    private func lookup(_ service: String, regionCode: String, at registry: RegistryClient? = nil) async -> HostPort? {
        do {
            let found = try await (registry ?? self.registry).lookup(service: service, regionCode: regionCode, timeout: .seconds(2))
            return found.response.records.first { $0.registration.regionCode == regionCode }
                .map { HostPort(host: $0.registration.host, port: Int($0.registration.port)) }
        } catch {
            logger.debug("lookup failed", metadata: ["service": "\(service)", "region": "\(regionCode)", "error": "\(error)"])
            return nil
        }
    }

    func close() async {
        for client in clients.withLockedValue({ Array($0.values) }) { await client.close() }
    }
}

/// Refreshes a `GatewayDirectory` about every `interval` until the node shuts down, running
/// `afterRefresh` after each refresh (the gateway redelivers the warnings it owes), then runs
/// `atShutdown` (the gateway stops its background recompositions).
struct DirectoryRefresher: Service {
    let directory: GatewayDirectory
    let interval: Duration
    var afterRefresh: @Sendable () async -> Void = {}
    var atShutdown: @Sendable () -> Void = {}

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await directory.refresh()
                await afterRefresh()
                // ±25 %: the 1,359 township gateways of one process must not all ask at the same instant.
                try? await Task.sleep(for: interval * Double.random(in: 0.75...1.25))
            }
        }
        atShutdown()
    }
}
