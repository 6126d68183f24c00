import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import EvacuationAPI

/// evacuation as a node: its methods on the shared server skeleton.
public struct EvacuationNode: NodeService {
    public static let kind = "evacuation"
    public let evacuation: Evacuation

    public init(evacuation: Evacuation) {
        self.evacuation = evacuation
    }

    public func register(into router: inout RPCRouter) {
        let evacuation = self.evacuation
        typealias M = EvacuationMethods
        router.async(M.putPerson) { request, _ in try await evacuation.putPerson(request) }
        router.async(M.getPerson) { request, _ in try await evacuation.person(code: request.id) }
        router.async(M.deletePerson) { request, _ in
            try await evacuation.deletePerson(code: request.id)
            return EmptyMessage()
        }
        router.async(M.putShelter) { request, _ in try await evacuation.putShelter(request) }
        router.async(M.getShelter) { request, _ in try await evacuation.shelter(id: request.id) }
        router.async(M.nearbyShelters) { request, _ in try await evacuation.nearbyShelters(request) }
        router.async(M.issueWarning) { request, _ in try await evacuation.issueWarning(request) }
        router.async(M.importCAP) { request, _ in try await evacuation.importCAP(request) }
        router.async(M.liftWarning) { request, _ in try await evacuation.liftWarning(request) }
        router.async(M.getWarning) { request, _ in try await evacuation.warning(id: request.id) }
        router.async(M.listWarnings) { request, _ in try await evacuation.warnings(request) }
        router.async(M.exportCAP) { request, _ in try await evacuation.exportCAP(id: request.id) }
        router.async(M.scan) { request, _ in try await evacuation.scan(request) }
        router.async(M.getTransfer) { request, _ in try await evacuation.transfer(request) }
        router.async(M.worklist) { request, _ in try await evacuation.worklist(request) }
        router.async(M.statistics) { request, _ in try await evacuation.statistics(request) }
        router.importCSV(M.importCSV, into: evacuation)
        router.exportCSV(M.exportCSV, from: evacuation)
    }

    public func counts() async throws -> [NodeCount] {
        try await evacuation.counts().map { NodeCount($0.0, $0.1) }
    }
}
