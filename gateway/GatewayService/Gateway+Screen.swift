import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import EvacuationAPI
import GatewayAPI
import NIOCore

/// What the duty-room screen and the phone page (一图一屏一键通) ask beyond the binary methods: 码上转
/// at the node's own evacuation service.
extension Gateway {
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
