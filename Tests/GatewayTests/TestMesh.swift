import AnlanIdentity
import AnlanNode
import AnlanRecords
import AnlanWire
import AnlanRegions
import AnlanRPC
import AnlanTestSupport
import AviationLandingAPI
import EvacuationAPI
import Foundation
import GatewayAPI
import HazardSurveyAPI
import MaterialReserveAPI
import Testing

/// Registries, services and gateways for province 330000, city 330100 and counties 330106 and 330110,
/// each a real process on loopback; on demand, township nodes (an evacuation service and a gateway,
/// registered with their county's registry) and evacuation services at any node.
final class TestMesh: @unchecked Sendable {
    static let counties = ["330106", "330110"]
    let directory: String
    private var registries: [String: Int] = [:]
    private var processes: [String: [NodeProcess]] = [:]
    private var gateways: [String: Int] = [:]
    private var servicePorts: [String: [String: Int]] = [:]
    private var clients: [RPCClient] = []
    /// The gateways' `--max-age` in seconds (0: every request fans out, as most tests need).
    private let maxAge: String
    /// The regions whose gateways run with `--every-child-has-a-node`.
    private let fullyDeployed: Set<String>
    /// The services every county runs (and runs again in `startCounty`).
    private let countyServices: [String]
    /// The regions whose gateways serve HTTP (`--http-port 0`, the port written to a file).
    private let httpGateways: Set<String>
    /// The gateways' `--publish-check` in seconds (0: they never publish a month by themselves).
    private let publishCheck: String
    /// The gateways' `--index-config` file, when not the bundled one.
    private let indexConfig: String?
    /// The PKI directory every process is started with (`--pki`), and the test's own credentials
    /// (`330000/duty-room`): nil for plain TCP.
    let pki: String?
    private let clientTLS: RPCTLS?

    init(directory: String, maxAge: String = "0", everyChildHasANode fullyDeployed: Set<String> = [],
         countyServices: [String] = ["hazard-survey", "material-reserve"], httpGateways: Set<String> = [], publishCheck: String = "0",
         indexConfig: String? = nil, mutualTLS: Bool = false) async throws {
        self.directory = directory
        if mutualTLS {
            let pki = directory + "/pki"
            try await Self.makePKI(pki)
            self.pki = pki
            clientTLS = try NodeCredentials.load(from: PKIDirectory(pki), name: NodeName(region: "330000", service: "duty-room")).clientTLS()
        } else {
            pki = nil
            clientTLS = nil
        }
        self.maxAge = maxAge
        self.fullyDeployed = fullyDeployed
        self.countyServices = countyServices
        self.httpGateways = httpGateways
        self.publishCheck = publishCheck
        self.indexConfig = indexConfig
        for (region, parent) in [("330000", nil), ("330100", "330000"), ("330106", "330100"), ("330110", "330100")] as [(String, String?)] {
            var arguments = ["--region", region, "--database", "\(directory)/registry-\(region).sqlite"]
            if let parent { arguments += ["--parent", "127.0.0.1:\(registries[parent]!)"] }
            let registry = try NodeProcess("registry", arguments + pkiArguments, directory: directory, name: "registry-\(region)")
            registries[region] = try await registry.port()
            processes[region, default: []].append(registry)
        }
        for county in Self.counties { try await startServices(county) }
        for region in ["330000", "330100"] + Self.counties { try await startGateway(region) }
    }

    private var pkiArguments: [String] { pki.map { ["--pki", $0] } ?? [] }

    /// The mesh's PKI, made with the real `gateway pki` command: the root, 杭州市's intermediate, which
    /// issues for the city and its counties, and the test's own `330000/duty-room`.
    static func makePKI(_ pki: String) async throws {
        let county = ["registry", "hazard-survey", "material-reserve", "evacuation", "aviation-landing-points", "emergency-response",
                      "training-records", "gateway"]
        var commands: [[String]] = [
            ["init"], ["authority", "--region", "330100"],
            ["issue", "--region", "330000", "--service", "registry", "gateway", "duty-room"],
            ["issue", "--region", "330100", "--by", "330100", "--service"] + county,
        ]
        for region in Self.counties { commands.append(["issue", "--region", region, "--by", "330100", "--service"] + county) }
        for command in commands {
            let run = try await ProgramRun.run(try NodeProcess.locate("gateway"), ["pki"] + command.prefix(1) + ["--dir", pki] + command.dropFirst())
            guard run.status == 0 else {
                throw MeshError(message: "gateway pki \(command.joined(separator: " ")) exited \(run.status)")
            }
        }
    }

    private func startServices(_ county: String) async throws {
        for service in countyServices { try await startService(service, county) }
    }

    /// Starts aviation-landing-points at `region`'s node and puts `points` (id, region, latitude, longitude) in it.
    func startLanding(_ region: String, points: [(String, String, Double, Double)]) async throws {
        try await startService("aviation-landing-points", region)
        let landing = service("aviation-landing-points", region)
        for (id, code, latitude, longitude) in points {
            _ = try await landing.call(AviationLandingMethods.putPoint, LandingPoint(id: id, name: id, regionCode: code, latitude: latitude,
                                                                                     longitude: longitude, status: .available))
        }
    }

    /// The port of the registry `region`'s node registers with: its own, or (a township's) its county's.
    private func registryPort(_ region: String) -> Int {
        registries[region] ?? registries[String(region.prefix(6))]!
    }

    func startService(_ service: String, _ county: String) async throws {
        let node = try NodeProcess(service, ["--region", county, "--database", "\(directory)/\(service)-\(county).sqlite",
                                             "--registry", "127.0.0.1:\(registryPort(county))", "--lease-ttl", "2"] + pkiArguments,
                                   directory: directory, name: "\(service)-\(county)")
        servicePorts[county, default: [:]][service] = try await node.port()
        processes[county, default: []].append(node)
    }

    /// Kills one service of a county (SIGKILL), leaving the rest of its node running.
    func killService(_ service: String, _ county: String) {
        guard let index = processes[county]?.firstIndex(where: { $0.portFile.hasSuffix("/\(service)-\(county).port") }) else { return }
        processes[county]!.remove(at: index).killNow()
    }

    /// A county's stock of pumps (3010201) as its material-reserve reports it.
    func pumps(_ county: String) async throws -> StockTotals {
        try await service("material-reserve", county).call(MaterialReserveMethods.stockTotals, StockQuery(itemPrefix: "3010201"))
    }

    private static let parents = ["330100": "330000", "330106": "330100", "330110": "330100"]

    /// Starts a gateway (again, after `stopGateway`: with the same database, on a new port).
    func startGateway(_ region: String) async throws {
        var arguments = ["--region", region, "--database", "\(directory)/gateway-\(region).sqlite",
                         "--registry", "127.0.0.1:\(registryPort(region))", "--lease-ttl", "2",
                         "--refresh-interval", "0.2", "--max-age", maxAge, "--publish-check", publishCheck]
        if let parent = Self.parents[region] ?? (region.count == 12 ? String(region.prefix(6)) : nil) {
            arguments += ["--parent-registry", "127.0.0.1:\(registryPort(parent))"]
        }
        if fullyDeployed.contains(region) { arguments.append("--every-child-has-a-node") }
        if let indexConfig { arguments += ["--index-config", indexConfig] }
        if httpGateways.contains(region) {
            let portFile = "\(directory)/gateway-\(region).http-port"
            try? FileManager.default.removeItem(atPath: portFile)
            arguments += ["--http-port", "0", "--http-port-file", portFile]
        }
        let node = try NodeProcess("gateway", arguments + pkiArguments, directory: directory, name: "gateway-\(region)")
        gateways[region] = try await node.port()
        processes[region, default: []].append(node)
    }

    /// A township's own node: an evacuation service and a gateway, registered with its county's registry.
    func startTownship(_ township: String) async throws {
        try await startService("evacuation", township)
        try await startGateway(township)
    }

    /// The HTTP port of `region`'s gateway (started with `httpGateways`), once it listens (up to 10 s).
    func httpPort(_ region: String) async throws -> Int {
        let portFile = "\(directory)/gateway-\(region).http-port"
        for _ in 0..<400 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw MeshError(message: "the gateway of \(region) did not open its HTTP port")
    }

    /// Kills a node's gateway (SIGKILL), leaving its services and registry running.
    func stopGateway(_ region: String) {
        killService("gateway", region)
    }

    /// Puts coded people (numbered from `first`, exposed to landslides) in `township` through `region`'s
    /// evacuation service, and answers their transfer codes.
    func codePeople(_ count: Int, at region: String, township: String, first: Int) async throws -> [String] {
        let evacuation = service("evacuation", region)
        var codes: [String] = []
        for n in first..<(first + count) {
            let body = "33010619" + String(format: "%02d", 50 + n % 40) + "0101" + String(format: "%03d", n % 1000)
            let person = try await evacuation.call(EvacuationMethods.putPerson, CodedPerson(
                name: "村民\(n)", nationalID: body + String(NationalID.checkCharacter(for: body)!), regionCode: township,
                village: "龙井村", riskKind: .geological, cadre: "王村干"))
            codes.append(person.transferCode)
        }
        return codes
    }

    /// Records `action` for the person with `code` at `region`'s evacuation service.
    func scan(_ code: String, _ action: TransferAction, at region: String) async throws -> TransferTask {
        try await service("evacuation", region).call(EvacuationMethods.scan, ScanRequest(transferCode: code, action: action, actor: "王村干"))
    }

    /// A warning as `region`'s evacuation service holds it.
    func warning(_ id: String, at region: String) async throws -> EvacuationAPI.Warning {
        try await service("evacuation", region).call(EvacuationMethods.getWarning, RecordID(id))
    }

    func startCounty(_ county: String) async throws {
        try await startServices(county)
        try await startGateway(county)
    }

    /// Restarts a gateway process on a new port (its store of last good summaries kept), stopping it
    /// with `signal` (SIGKILL: as a power cut would).
    func restartGateway(_ region: String, signal: Int32 = SIGTERM) async throws {
        let gateway = processes[region]!.removeLast()
        await gateway.stop(signal: signal)
        try await startGateway(region)
    }

    /// A client of `region`'s gateway, presenting the duty room's certificate or, over TLS, `identity`'s.
    func client(gatewayOf region: String, as identity: NodeName? = nil) async throws -> RPCClient {
        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: gateways[region]!, defaultTimeout: .seconds(3),
                                                                     tls: try tls(identity)))
        clients.append(client)
        return client
    }

    /// A client of one service of a node, straight (not through the gateways).
    func service(_ name: String, _ county: String) -> RPCClient {
        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: servicePorts[county]![name]!, tls: clientTLS))
        clients.append(client)
        return client
    }

    /// A client of a county's service presenting `identity`'s certificate (over TLS).
    func service(_ name: String, _ county: String, as identity: NodeName) throws -> RPCClient {
        let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: servicePorts[county]![name]!,
                                                                     tls: try tls(identity)))
        clients.append(client)
        return client
    }

    /// The duty room's TLS, or `identity`'s from the mesh's PKI.
    private func tls(_ identity: NodeName?) throws -> RPCTLS? {
        guard let identity, let pki else { return clientTLS }
        return try NodeCredentials.load(from: PKIDirectory(pki), name: identity).clientTLS()
    }

    /// A county's data: `points` hazard points and one storage point holding `units` pumps in `township`.
    func loadCounty(_ county: String, township: String, points: Int, units: Int64) async throws {
        // Over TLS, records are kept by a person: the county's administrator.
        let keeper = pki == nil ? nil : try await token(by: county, id: "A-\(county)", name: "管理员", role: "administrator")
        try await RPCCredential.$current.withValue(keeper) {
            try await load(county, township: township, points: points, units: units)
        }
    }

    private func load(_ county: String, township: String, points: Int, units: Int64) async throws {
        let hazard = service("hazard-survey", county)
        for n in 0..<points {
            _ = try await hazard.call(HazardSurveyMethods.createPoint, HazardPoint(
                id: "HP-\(county)-\(n)", regionCode: township, latitude: 30.26, longitude: 120.1, type: .landslide, band: 2,
                populationAtRisk: 40, registeredForTransfer: 20, responsiblePerson: "王伟", responsiblePhone: "0571-87000000",
                surveyedOn: CivilDay("2026-06-01"), sourceDepartment: "自然资源"))
        }
        let reserve = service("material-reserve", county)
        let place = try RegionTree.zhejiang.location(of: township).coordinate
        _ = try await reserve.call(MaterialReserveMethods.putItem, CatalogueItem(code: "3010201", name: "排水泵", unit: "台"))
        _ = try await reserve.call(MaterialReserveMethods.putStoragePoint, StoragePoint(
            id: "SP-\(county)", regionCode: township, name: "物资库 \(county)", latitude: place.latitude, longitude: place.longitude, ownerTier: 4))
        _ = try await reserve.call(MaterialReserveMethods.recordMovements, MovementBatch(movements: [
            Movement(storagePointID: "SP-\(county)", itemCode: "3010201", kind: .receive, quantity: units, reference: "入库单", actor: "库管员")]))
    }

    /// A person's token, signed by `gateway`'s node key from the mesh's PKI (as `gateway pki token` does).
    func token(by gateway: String, id: String, name: String, role: String, region: String? = nil,
               lifetime: Duration = PersonTokenIssuer.defaultLifetime) async throws -> RPCCredential {
        let credentials = try NodeCredentials.load(from: PKIDirectory(try #require(pki)), name: NodeName(region: gateway, service: "gateway"))
        let issuer = try PersonTokenIssuer(credentials: credentials)
        return RPCCredential(token: try await issuer.issue(id: id, name: name, role: try #require(Role(rawValue: role)), region: region,
                                                           lifetime: lifetime))
    }

    /// The counties' statistics asked of their services directly, merged.
    func directStatistics() async throws -> (hazard: HazardStatistics, reserve: ReserveStatistics) {
        var hazard = HazardStatistics()
        var reserve = ReserveStatistics()
        for county in Self.counties {
            hazard.merge(try await service("hazard-survey", county).call(HazardSurveyMethods.statistics, StatisticsRequest(regionCode: county)))
            reserve.merge(try await service("material-reserve", county).call(MaterialReserveMethods.statistics, StockQuery(regionCode: county)))
        }
        return (hazard, reserve)
    }

    /// Asks for the gateway's summary (`request`) until `ready` holds (up to 15 s).
    func waitForSummary(_ client: RPCClient, _ request: SummaryRequest = SummaryRequest(),
                        _ ready: (RegionSummary) -> Bool) async throws -> RegionSummary {
        var last: RegionSummary?
        for _ in 0..<150 {
            if let summary = try? await client.call(GatewayMethods.summary, request, timeout: .seconds(2)) {
                if ready(summary) { return summary }
                last = summary
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw MeshError(message: "the summary never got there; last: \(String(describing: last))")
    }

    /// Waits (up to 10 s) until `region`'s gateway owes no warning delivery (its `node.info` count).
    func waitUntilNothingOwed(by region: String) async throws {
        let gateway = try await client(gatewayOf: region)
        for _ in 0..<100 {
            let info = try await gateway.call(NodeMethods.info, EmptyMessage())
            if info.counts.first(where: { $0.name == "warning deliveries owed" })?.value == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw MeshError(message: "the gateway of \(region) still owes warning deliveries")
    }

    /// Freezes a county's gateway (it accepts connections and never answers).
    func pause(_ county: String) {
        Foundation.kill(processes[county]!.last!.process.processIdentifier, SIGSTOP)
    }

    /// Kills every process of a county's node except its registry.
    func kill(_ county: String) {
        for node in processes[county]!.dropFirst() { node.killNow() }
        processes[county] = Array(processes[county]!.prefix(1))
    }

    func close() async {
        for client in clients { await client.close() }
    }
}

struct MeshError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
