import AnlanDiscovery
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
    /// The service kinds whose statistics make up a summary.
    static let serviceKinds = [ServiceKind.hazardSurvey, ServiceKind.materialReserve, ServiceKind.aviationLandingPoints,
                               ServiceKind.trainingRecords]

    private let region: Region
    private let childRegions: [Region]
    private let registry: RegistryClient
    /// The parent node's registry, where the parent's gateway is found (nil at the province).
    private let parentRegistry: RegistryClient?
    private let parentRegion: Region?
    private let parent = NIOLockedValueBox<String?>(nil)
    private let logger: Logger
    private let services = NIOLockedValueBox<[String: String]>([:])
    private let gateways = NIOLockedValueBox<[String: String]>([:])
    private let clients = NIOLockedValueBox<[String: RPCClient]>([:])
    private let callTimeout: Duration

    init(region: Region, tree: RegionTree, registry: RegistryClient, parentRegistry: RegistryClient?, callTimeout: Duration,
         logger: Logger) throws {
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
        services.withLockedValue { $0[kind] }.map(client)
    }

    /// The own services seen so far.
    func serviceKinds() -> [String] {
        let known = services.withLockedValue { Set($0.keys) }
        return Self.serviceKinds.filter(known.contains)
    }

    /// The client of the gateway of child region `code`, if one has registered.
    func gateway(_ code: String) -> RPCClient? {
        gateways.withLockedValue { $0[code] }.map(client)
    }

    /// The client of the parent node's gateway, if known.
    func parentGateway() -> RPCClient? {
        parent.withLockedValue { $0 }.map(client)
    }

    /// The child regions whose gateways have registered.
    func childGateways() -> Set<String> {
        gateways.withLockedValue { Set($0.keys) }
    }

    private func client(_ address: String) -> RPCClient {
        clients.withLockedValue { clients in
            if let client = clients[address] { return client }
            let (host, port) = Self.split(address)
            let client = RPCClient(configuration: RPCClientConfiguration(host: host, port: port, defaultTimeout: callTimeout))
            clients[address] = client
            return client
        }
    }

    private static func split(_ address: String) -> (String, Int) {
        guard let colon = address.lastIndex(of: ":") else { return (address, 0) }
        return (String(address[..<colon]), Int(address[address.index(after: colon)...]) ?? 0)
    }

    /// Looks every own service and child gateway up once (in parallel).
    func refresh() async {
        await withTaskGroup(of: Void.self) { group in
            for kind in Self.serviceKinds {
                group.addTask { [self] in
                    if let address = await lookup(kind, regionCode: region.code) { services.withLockedValue { $0[kind] = address } }
                }
            }
            if let parentRegistry, let parentRegion {
                group.addTask { [self] in
                    if let address = await lookup(ServiceKind.gateway, regionCode: parentRegion.code, at: parentRegistry) {
                        parent.withLockedValue { $0 = address }
                    }
                }
            }
            for child in childRegions {
                group.addTask { [self] in
                    if let address = await lookup(ServiceKind.gateway, regionCode: child.code) { gateways.withLockedValue { $0[child.code] = address } }
                }
            }
        }
    }

    /// The address of an instance of `service` registered for exactly `regionCode` (not an ancestor).
    private func lookup(_ service: String, regionCode: String, at registry: RegistryClient? = nil) async -> String? {
        do {
            let found = try await (registry ?? self.registry).lookup(service: service, regionCode: regionCode, timeout: .seconds(2))
            return found.response.records.first { $0.registration.regionCode == regionCode }?.registration.address
        } catch {
            logger.debug("lookup failed", metadata: ["service": "\(service)", "region": "\(regionCode)", "error": "\(error)"])
            return nil
        }
    }

    func close() async {
        for client in clients.withLockedValue({ Array($0.values) }) { await client.close() }
    }
}

/// Refreshes a `GatewayDirectory` about every `interval` until the node shuts down.
struct DirectoryRefresher: Service {
    let directory: GatewayDirectory
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await directory.refresh()
                // ±25 %: the 1,359 township gateways of one process must not all ask at the same instant.
                try? await Task.sleep(for: interval * Double.random(in: 0.75...1.25))
            }
        }
    }
}
