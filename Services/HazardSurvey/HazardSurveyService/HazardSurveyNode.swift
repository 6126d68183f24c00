import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import HazardSurveyAPI

/// hazard-survey as a node: its methods on the shared server skeleton.
public struct HazardSurveyNode: NodeService {
    public static let kind = "hazard-survey"
    public let survey: HazardSurvey

    public init(survey: HazardSurvey) {
        self.survey = survey
    }

    public func register(into router: inout RPCRouter) {
        let survey = self.survey
        typealias M = HazardSurveyMethods
        router.async(M.createPoint) { request, _ in try await survey.createPoint(request) }
        router.async(M.updatePoint) { request, _ in try await survey.updatePoint(request) }
        router.async(M.getPoint) { request, _ in try await survey.point(id: request.id) }
        router.async(M.listPoints) { request, _ in try await survey.points(request) }
        router.async(M.deletePoint) { request, _ in
            try await survey.deletePoint(id: request.id)
            return EmptyMessage()
        }
        router.async(M.createEnterprise) { request, _ in try await survey.createEnterprise(request) }
        router.async(M.updateEnterprise) { request, _ in try await survey.updateEnterprise(request) }
        router.async(M.getEnterprise) { request, _ in try await survey.enterprise(id: request.id) }
        router.async(M.listEnterprises) { request, _ in try await survey.enterprises(request) }
        router.async(M.deleteEnterprise) { request, _ in
            try await survey.deleteEnterprise(id: request.id)
            return EmptyMessage()
        }
        router.async(M.regradeEnterprise) { request, _ in try await survey.regrade(request) }
        router.async(M.createHidden) { request, _ in try await survey.createHidden(request) }
        router.async(M.updateHidden) { request, _ in try await survey.updateHidden(request) }
        router.async(M.getHidden) { request, _ in try await survey.hidden(id: request.id) }
        router.async(M.listHidden) { request, _ in try await survey.hiddenHazards(request) }
        router.async(M.transitionHidden) { request, _ in try await survey.transition(request) }
        router.async(M.statistics) { request, _ in try await survey.statistics(request) }
        router.importCSV(M.importCSV, into: survey)
        router.exportCSV(M.exportCSV, from: survey)
    }

    public func counts() async throws -> [NodeCount] {
        try await survey.counts().map { NodeCount($0.0, $0.1) }
    }
}
