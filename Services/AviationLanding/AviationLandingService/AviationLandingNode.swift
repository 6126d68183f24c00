import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import AviationLandingAPI

/// aviation-landing-points as a node: its methods on the shared server skeleton.
public struct AviationLandingNode: NodeService {
    public static let kind = "aviation-landing-points"
    public let register: AviationLanding

    public init(register: AviationLanding) {
        self.register = register
    }

    public func register(into router: inout RPCRouter) {
        let register = self.register
        typealias M = AviationLandingMethods
        router.async(M.putPoint) { request, _ in try await register.putPoint(request) }
        router.async(M.getPoint) { request, _ in try await register.point(id: request.id) }
        router.async(M.deletePoint) { request, _ in
            try await register.deletePoint(id: request.id)
            return EmptyMessage()
        }
        router.async(M.listPoints) { request, _ in try await register.points(request) }
        router.async(M.nearest) { request, _ in try await register.nearest(request) }
        router.async(M.inBox) { request, _ in try await register.inBox(request) }
        router.async(M.recordInspection) { request, _ in try await register.recordInspection(request) }
        router.async(M.inspections) { request, _ in RecordPage(records: try await register.inspections(pointID: request.id)) }
        router.async(M.coverage) { request, _ in try await register.coverage(request) }
        router.async(M.targets) { request, _ in try await register.targets(request) }
        router.async(M.statistics) { request, _ in try await register.statistics(request) }
        router.importCSV(M.importCSV, into: register)
        router.exportCSV(M.exportCSV, from: register)
    }

    public func counts() async throws -> [NodeCount] {
        try await register.counts().map { NodeCount($0.0, $0.1) }
    }
}
