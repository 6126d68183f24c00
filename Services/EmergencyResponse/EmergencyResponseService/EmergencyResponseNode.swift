import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import EmergencyResponseAPI

/// emergency-response as a node: its methods on the shared server skeleton.
public struct EmergencyResponseNode: NodeService {
    public static let kind = "emergency-response"
    public let response: EmergencyResponse

    public init(response: EmergencyResponse) {
        self.response = response
    }

    public func register(into router: inout RPCRouter) {
        let response = self.response
        typealias M = EmergencyResponseMethods
        router.async(M.putTeam) { request, _ in try await response.putTeam(request) }
        router.async(M.getTeam) { request, _ in try await response.team(id: request.id) }
        router.async(M.deleteTeam) { request, _ in
            try await response.deleteTeam(id: request.id)
            return EmptyMessage()
        }
        router.async(M.listTeams) { request, _ in try await response.teams(request) }
        router.async(M.setReadiness) { request, _ in try await response.setReadiness(request) }
        router.async(M.putEquipment) { request, _ in try await response.putEquipment(request) }
        router.async(M.listEquipment) { _, _ in RecordPage(records: try await response.equipment()) }
        router.async(M.reportIncident) { request, _ in try await response.reportIncident(request) }
        router.async(M.getIncident) { request, _ in try await response.incident(id: request.id) }
        router.async(M.listIncidents) { request, _ in try await response.incidents(request) }
        router.async(M.fieldReport) { request, _ in try await response.fieldReport(request) }
        router.async(M.respond) { request, _ in try await response.respond(request) }
        router.async(M.close) { request, _ in try await response.close(request) }
        router.async(M.arrival) { request, _ in try await response.arrival(request) }
        router.async(M.candidates) { request, _ in try await response.candidates(request) }
        router.async(M.deploy) { request, _ in try await response.deploy(request) }
        router.async(M.release) { request, _ in try await response.release(request) }
        router.async(M.getDeployment) { request, _ in try await response.deployment(key: request.id) }
        router.async(M.statistics) { request, _ in try await response.statistics(request) }
        router.importCSV(M.importCSV, into: response)
        router.exportCSV(M.exportCSV, from: response)
    }

    public func counts() async throws -> [NodeCount] {
        try await response.counts().map { NodeCount($0.0, $0.1) }
    }
}
