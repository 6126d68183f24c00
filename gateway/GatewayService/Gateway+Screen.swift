import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import EvacuationAPI
import GatewayAPI
import NIOCore

/// What the duty-room screen and the phone page (一图一屏一键通) ask beyond the binary methods: the
/// counties that colour the map, and 码上转 at the node's own evacuation service.
extension Gateway {
    /// Every county of the node's subtree as a summary, from the standing summaries (the default max
    /// age): a county's gateway answers its own, a city's its children's, the province each city's
    /// children's, asked in parallel (a city that fails stands for its counties as missing ones). A
    /// township's gateway has none.
    public func counties(deadline: NIODeadline?) async throws -> [RegionSummary] {
        let deadline = deadline ?? .now() + defaultBudget
        switch scope.region.tier {
        case .county:
            return [try await summary(SummaryRequest(), deadline: deadline)]
        case .city:
            return try await children(SummaryRequest(), deadline: deadline).children
        case .province:
            let cities = try scope.tree.children(of: scope.region.code)
            let tree = scope.tree
            let parts = await Self.inParallel(cities) { city -> [RegionSummary] in
                do {
                    return try await self.children(SummaryRequest(regionCode: city.code), deadline: deadline).children
                } catch {
                    self.logger.debug("a city's counties are missing", metadata: ["city": "\(city.code)", "reason": "\(error)"])
                    return ((try? tree.children(of: city.code)) ?? []).map { RegionSummary(regionCode: $0.code, freshness: .missing) }
                }
            }
            return parts.flatMap { $0 }
        case .township:
            return []
        }
    }

    /// A person's transfer under the warning in force (or the one asked for), at the node's own
    /// evacuation service. Fails as `evacuation.transfer.get`; `unavailable` when the node has none.
    public func transfer(_ query: TransferQuery, deadline: NIODeadline?) async throws -> TransferTask {
        try await atOwnEvacuation(EvacuationMethods.getTransfer, query, deadline: deadline)
    }

    /// 码上转 at the node's own evacuation service. Fails as `evacuation.transfer.scan`.
    public func scan(_ request: ScanRequest, deadline: NIODeadline?) async throws -> TransferTask {
        try await atOwnEvacuation(EvacuationMethods.scan, request, deadline: deadline)
    }

    /// Shelters with free places near a point, the node's own. Fails as `evacuation.shelter.nearby`.
    public func nearbyShelters(_ request: NearbySheltersRequest, deadline: NIODeadline?) async throws -> NearbyShelters {
        _ = try validating { try GeoCoordinate(latitude: request.latitude, longitude: request.longitude) }
        return try await atOwnEvacuation(EvacuationMethods.nearbyShelters, request, deadline: deadline)
    }

    private func atOwnEvacuation<Request, Response>(_ method: RPCMethod<Request, Response>, _ request: Request,
                                                    deadline: NIODeadline?) async throws -> Response {
        guard let service = directory.service(ServiceKind.evacuation) else {
            throw RPCError.unavailable("no evacuation service is registered at the node of \(scope.region.code)")
        }
        return try await Self.relaying("evacuation at \(scope.region.code)") { () async throws(RPCError) in
            try await service.call(method, request, deadline: deadline ?? .now() + defaultBudget)
        }
    }
}
