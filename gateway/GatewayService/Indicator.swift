import AviationLandingAPI
import GatewayAPI
import TrainingRecordsAPI

/// The indicators Anlan can measure from the figures it keeps (指标), each a numerator and a
/// denominator read from a region's merged summary — sums up the tiers, so a county's indicator and
/// the province's follow one rule. Why each is there: docs/INDICES.md.
public enum Indicator: String, CaseIterable, Sendable {
    case hazardsClosedOnTime = "hazards-closed-on-time"
    case hazardsOverdueListed = "hazards-overdue-listed"
    case majorHazardsOpen = "major-hazards-open"
    case safetyTraining = "safety-training"
    case cadreTraining = "cadre-training"
    case meshReporting = "mesh-reporting"
    case reserveNormsMet = "reserve-norms-met"
    case landingCompliant = "landing-compliant"
    case landingTarget = "landing-target"
    case floodResponsibleTrained = "flood-responsible-trained"
    case informationOfficersTrained = "information-officers-trained"
    case riskPeopleCoded = "risk-people-coded"
    case transferCalled = "transfer-called"
    case transferMoved = "transfer-moved"
    case shelterPlaces = "shelter-places"
    case sheltersWithinCapacity = "shelters-within-capacity"
    case incidentArrivalMinutes = "incident-arrival-minutes"
    case incidentsReached = "incidents-reached"

    /// Its name in the published tables.
    public var chineseName: String {
        switch self {
        case .hazardsClosedOnTime: "隐患按期整改率"
        case .hazardsOverdueListed: "逾期及挂牌督办隐患（每百家企业）"
        case .majorHazardsOpen: "未销号重大隐患（每百家企业）"
        case .safetyTraining: "安全生产培训达标率"
        case .cadreTraining: "领导干部应急培训达标率"
        case .meshReporting: "数据按时报送率"
        case .reserveNormsMet: "物资储备定额达标率"
        case .landingCompliant: "直升机起降点合规率"
        case .landingTarget: "起降点年度建设目标完成率"
        case .floodResponsibleTrained: "防汛责任人培训达标率"
        case .informationOfficersTrained: "灾害信息员培训达标率"
        case .riskPeopleCoded: "风险区人员赋码率"
        case .transferCalled: "转移叫应率"
        case .transferMoved: "应转尽转率"
        case .shelterPlaces: "避灾安置容量保障率"
        case .sheltersWithinCapacity: "避灾场所未超员率"
        case .incidentArrivalMinutes: "救援力量平均到达时长（分钟）"
        case .incidentsReached: "突发事件救援到达率"
        }
    }

    /// The area of the published evaluation it belongs to.
    public var area: String {
        switch self {
        case .hazardsClosedOnTime, .hazardsOverdueListed, .majorHazardsOpen: "隐患治理"
        case .safetyTraining, .cadreTraining: "教育培训"
        case .meshReporting: "信息报送"
        case .reserveNormsMet, .landingCompliant, .landingTarget: "工作部署"
        case .floodResponsibleTrained, .informationOfficersTrained: "责任落实"
        case .riskPeopleCoded, .transferCalled, .transferMoved, .shelterPlaces, .sheltersWithinCapacity: "人员转移"
        case .incidentArrivalMinutes, .incidentsReached: "应急救援"
        }
    }

    /// The roles a training indicator counts; nil for the others.
    public var trainingRoles: Set<PersonRole>? {
        switch self {
        case .safetyTraining: [.enterprisePrincipal, .safetyManager, .specialOperationsWorker, .enforcementOfficer]
        case .cadreTraining: [.cadre]
        case .floodResponsibleTrained: [.floodControlResponsible]
        case .informationOfficersTrained: [.informationOfficerA, .informationOfficerB]
        default: nil
        }
    }

    /// Numerator and denominator in `summary`; the value is numerator ÷ denominator (× 100 for the
    /// per-hundred indicators). A zero denominator is missing data, with the reason.
    func measure(_ summary: RegionSummary) -> (numerator: Double, denominator: Double, unit: Double, missing: String) {
        let hazards = summary.hazard.hiddenHazards
        let enterprises = Double(summary.hazard.enterpriseCells.reduce(Int64(0)) { $0 + $1.enterprises })
        let evacuation = summary.evacuation
        let response = summary.response
        switch self {
        case .hazardsClosedOnTime:
            return (Double(hazards.closedOnTime), Double(hazards.closed), 1, "no hidden hazard closed")
        case .hazardsOverdueListed:
            return (Double(hazards.overdue + hazards.listedOpen), enterprises, 100, "no enterprise registered")
        case .majorHazardsOpen:
            return (Double(hazards.majorOpen), enterprises, 100, "no enterprise registered")
        case .safetyTraining, .cadreTraining, .floodResponsibleTrained, .informationOfficersTrained:
            return Self.training(summary, trainingRoles ?? [])
        case .meshReporting:
            // The region's own node counts: reporting when its figures are fresh.
            let reporting = summary.coverage.reduce(0) { $0 + Double($1.reporting) } + (summary.freshness == .fresh ? 1 : 0)
            let expected = summary.coverage.reduce(0) { $0 + Double($1.expected) } + 1
            return (reporting, expected, 1, "")
        case .reserveNormsMet:
            return (Double(summary.reserve.normLines - summary.reserve.shortLines), Double(summary.reserve.normLines), 1, "no reserve norm set")
        case .landingCompliant:
            let usable = summary.landing.cells.filter { $0.status != .outOfService }
            return (Double(usable.reduce(Int64(0)) { $0 + $1.compliant }), Double(usable.reduce(Int64(0)) { $0 + $1.points }), 1,
                    "no landing point in service")
        case .landingTarget:
            return (min(Double(summary.landing.built), summary.landing.target), summary.landing.target, 1, "no construction target this year")
        case .riskPeopleCoded:
            let cells = summary.hazard.pointCells
            return (Double(cells.reduce(Int64(0)) { $0 + min($1.registeredForTransfer, $1.populationAtRisk) }),
                    Double(cells.reduce(Int64(0)) { $0 + $1.populationAtRisk }), 1, "no people at risk surveyed")
        case .transferCalled:
            return (Double(evacuation.called), Double(evacuation.toMove), 1, "no transfer under a warning in force")
        case .transferMoved:
            return (Double(evacuation.moved), Double(evacuation.toMove), 1, "no transfer under a warning in force")
        case .shelterPlaces:
            // Places against the people coded for transfer, at most all of them — both counted by the
            // evacuation services, so a region without one has no data here, not zero places.
            let coded = Double(evacuation.coded)
            return (min(Double(evacuation.shelterCapacity), coded), coded, 1, "no people coded for transfer")
        case .sheltersWithinCapacity:
            return (Double(evacuation.shelters - evacuation.sheltersOverCapacity), Double(evacuation.shelters), 1, "no shelter registered")
        case .incidentArrivalMinutes:
            return (Double(response.arrivalSeconds) / 60, Double(response.incidentsArrived), 1, "no incident reached by a team")
        case .incidentsReached:
            return (Double(response.incidentsArrived), Double(response.incidents), 1, "no incident reported")
        }
    }

    /// Trained people against the target, over the roles' lines: each line counts at most its target.
    private static func training(_ summary: RegionSummary, _ roles: Set<PersonRole>) -> (Double, Double, Double, String) {
        let lines = summary.training.coverage.filter { roles.contains($0.role) }
        let target = lines.reduce(0) { $0 + Double($1.people) * $1.targetPercent / 100 }
        let trained = lines.reduce(0) { $0 + min(Double($1.trained), Double($1.people) * $1.targetPercent / 100) }
        return (trained, target, 1, "no one in these roles")
    }
}
