import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import GatewayAPI
import HazardSurveyAPI
import NIOCore
import TrainingRecordsAPI

/// An indicator explained down to the records behind it (指标下钻): which children pull it down, which
/// hidden hazards are overdue or listed, which roles are short of their training target.
extension Gateway {
    static let defaultRecordLimit: UInt32 = 100
    static let maximumRecordLimit: UInt32 = 1000

    public func indicatorRecords(_ request: IndicatorRecordsRequest, deadline: NIODeadline?) async throws -> IndicatorRecords {
        let target = try validating { try scope.region(request.regionCode) }
        guard let indicator = Indicator(rawValue: request.indicator) else {
            throw RPCError.invalidArgument("unknown indicator \(request.indicator) (known: \(Indicator.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard request.limit <= Self.maximumRecordLimit else { throw RPCError.invalidArgument("limit \(request.limit) is over \(Self.maximumRecordLimit)") }
        let limit = request.limit == 0 ? Self.defaultRecordLimit : request.limit
        let deadline = deadline ?? .now() + defaultBudget
        async let hazards = hiddenHazards(behind: indicator, in: target.code, limit: limit, deadline: Self.childDeadline(deadline))
        let drill = try await children(SummaryRequest(regionCode: target.code), deadline: deadline)
        var records = IndicatorRecords()
        records.regionCode = target.code
        records.value = indexCalculator.value(of: indicator, drill.region)
        records.regions = drill.children
            .map { RegionIndicator(regionCode: $0.regionCode, value: indexCalculator.value(of: indicator, $0), freshness: $0.freshness) }
            .sorted { ($0.value.score ?? .infinity, $0.regionCode) < ($1.value.score ?? .infinity, $1.regionCode) }
        if let roles = indicator.trainingRoles {
            let parts = drill.children.isEmpty ? [drill.region] : drill.children
            records.trainingShortfalls = Array(parts.flatMap { part in
                part.training.coverage.filter { roles.contains($0.role) }.compactMap { line -> TrainingShortfall? in
                    let short = Int64((Double(line.people) * line.targetPercent / 100).rounded(.up)) - line.trained
                    return short > 0 ? TrainingShortfall(regionCode: part.regionCode, line: line, toTrain: short) : nil
                }
            }
            .sorted { ($0.toTrain, $1.regionCode) > ($1.toTrain, $0.regionCode) }
            .prefix(Int(limit)))
        }
        records.hiddenHazards = try await hazards
        return records
    }

    /// The open hidden hazards an indicator counts, from the whole subtree; none for other indicators.
    private func hiddenHazards(behind indicator: Indicator, in region: String, limit: UInt32, deadline: NIODeadline) async throws -> [HiddenHazard] {
        func open(_ only: WritableKeyPath<HazardQuery, Bool>) -> HazardQuery {
            var query = HazardQuery()
            query.regionCode = region
            query.states = [.discovered, .assigned, .rectified, .inspected]
            query[keyPath: only] = true
            query.limit = limit
            return query
        }
        let queries: [HazardQuery]
        switch indicator {
        case .hazardsOverdueListed: queries = [open(\.overdueOnly), open(\.listedOnly)]
        case .majorHazardsOpen: queries = [open(\.majorOnly)]
        default: return []
        }
        var byID: [String: HiddenHazard] = [:]
        for query in queries {
            for hazard in try await listHidden(query, deadline: deadline).records { byID[hazard.id] = hazard }
        }
        return Array(Self.oldestDeadlineFirst(Array(byID.values)).prefix(Int(limit)))
    }

    /// `gateway.hidden.list`: the subtree's hidden hazards matching `query` (`subtreeList`, from this
    /// node's own hazard-survey and every child gateway). One page: `nextCursor` is always empty.
    public func listHidden(_ query: HazardQuery, deadline: NIODeadline?) async throws -> RecordPage<HiddenHazard> {
        let target = try validating { try scope.region(query.regionCode) }
        guard query.limit <= Self.maximumRecordLimit else { throw RPCError.invalidArgument("limit \(query.limit) is over \(Self.maximumRecordLimit)") }
        guard query.cursor.isEmpty else { throw RPCError.invalidArgument("gateway.hidden.list answers one page: no cursor") }
        var scoped = query
        scoped.regionCode = target.code
        scoped.limit = query.limit == 0 ? Self.defaultRecordLimit : query.limit
        let asked = scoped
        let limit = Int(asked.limit)
        return try await subtreeList(of: target, asked, regionCode: \.regionCode, service: ServiceKind.hazardSurvey, method: HazardSurveyMethods.listHidden,
                                     forwarded: GatewayMethods.listHidden, what: "hidden hazards", deadline: deadline) { records in
            var byID: [String: HiddenHazard] = [:]
            for hazard in records { byID[hazard.id] = hazard }
            return Array(Self.oldestDeadlineFirst(Array(byID.values)).prefix(limit))
        }
    }

    /// Oldest deadline first (no deadline last), ties by id.
    static func oldestDeadlineFirst(_ hazards: [HiddenHazard]) -> [HiddenHazard] {
        hazards.sorted { ($0.deadline?.dayNumber ?? .max, $0.id) < ($1.deadline?.dayNumber ?? .max, $1.id) }
    }
}
