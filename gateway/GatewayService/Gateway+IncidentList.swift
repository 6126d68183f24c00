import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import EmergencyResponseAPI
import GatewayAPI
import NIOCore

/// The incidents of a subtree (the duty-room screen's list): each node holds its own region's and its
/// townships', so a list is gathered from the node's own emergency-response and every child gateway.
extension Gateway {
    static let defaultIncidentLimit: UInt32 = 100
    static let maximumIncidentLimit: UInt32 = 1000

    /// The newest `limit` incidents of `query.regionCode` (the node's own region when empty), from this
    /// node's own emergency-response and every child gateway (`subtreeList`). One page only: `nextCursor`
    /// is always empty.
    public func listIncidents(_ query: IncidentQuery, deadline: NIODeadline?) async throws -> RecordPage<Incident> {
        let target = try validating { try scope.region(query.regionCode.isEmpty ? scope.region.code : query.regionCode) }
        guard query.limit <= Self.maximumIncidentLimit else {
            throw RPCError.invalidArgument("limit \(query.limit) is over \(Self.maximumIncidentLimit)")
        }
        let limit = query.limit == 0 ? Self.defaultIncidentLimit : query.limit
        let asked = IncidentQuery(regionCode: target.code, openOnly: query.openOnly, limit: limit)
        return try await subtreeList(of: target, asked, regionCode: \.regionCode, service: ServiceKind.emergencyResponse,
                                     method: EmergencyResponseMethods.listIncidents, forwarded: GatewayMethods.listIncidents,
                                     what: "incidents", deadline: deadline) { records in Self.newestFirst(records, limit: limit) }
    }

    /// The incidents, newest first (ties by id), each once, the first `limit` kept.
    static func newestFirst(_ incidents: [Incident], limit: UInt32) -> [Incident] {
        var byID: [String: Incident] = [:]
        for incident in incidents { byID[incident.id] = incident }
        let sorted = byID.values.sorted { ($0.reportedAtMilliseconds, $1.id) > ($1.reportedAtMilliseconds, $0.id) }
        return Array(sorted.prefix(Int(limit)))
    }
}
