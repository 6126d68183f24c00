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
    /// node's own service and the child gateways whose regions overlap it, in parallel (`walkTiers`, the
    /// whole subtree at once); a part that fails is left out. One page only: `nextCursor` is always empty.
    public func listIncidents(_ query: IncidentQuery, deadline: NIODeadline?) async throws -> RecordPage<Incident> {
        let target = try validating { try scope.region(query.regionCode.isEmpty ? scope.region.code : query.regionCode) }
        guard query.limit <= Self.maximumIncidentLimit else {
            throw RPCError.invalidArgument("limit \(query.limit) is over \(Self.maximumIncidentLimit)")
        }
        let limit = query.limit == 0 ? Self.defaultIncidentLimit : query.limit
        let asked = IncidentQuery(regionCode: target.code, openOnly: query.openOnly, limit: limit)
        let tree = scope.tree
        let logger = logger
        return try await walkTiers(
            toward: target.code, wholeSubtree: true, deadline: deadline ?? .now() + defaultBudget,
            own: { [directory] deadline in
                guard let service = directory.service(ServiceKind.emergencyResponse) else { return RecordPage() }
                do {
                    return try await service.call(EmergencyResponseMethods.listIncidents, asked, deadline: deadline)
                } catch {
                    logger.debug("own incidents left out", metadata: ["reason": "\(error)"])
                    return RecordPage()
                }
            },
            child: { child, _, deadline in
                // A child whose region neither holds the target nor lies in it has none of its incidents.
                let below = tree.isInSubtree(child.code, of: target.code)
                guard below || tree.isInSubtree(target.code, of: child.code) else { return RecordPage() }
                var query = asked
                query.regionCode = below ? child.code : target.code
                do {
                    return try await self.forward(GatewayMethods.listIncidents, query, to: child, deadline: deadline)
                } catch {
                    logger.debug("a child's incidents left out", metadata: ["child": "\(child.code)", "reason": "\(error)"])
                    return RecordPage()
                }
            },
            enough: { _ in false },
            merge: { parts in Self.newestFirst(parts, limit: limit) })
    }

    /// Every part's incidents, newest first (ties by id), each once, the first `limit` kept.
    static func newestFirst(_ parts: [RecordPage<Incident>], limit: UInt32) -> RecordPage<Incident> {
        var byID: [String: Incident] = [:]
        for incident in parts.flatMap(\.records) { byID[incident.id] = incident }
        let sorted = byID.values.sorted { ($0.reportedAtMilliseconds, $1.id) > ($1.reportedAtMilliseconds, $0.id) }
        return RecordPage(records: Array(sorted.prefix(Int(limit))))
    }
}
