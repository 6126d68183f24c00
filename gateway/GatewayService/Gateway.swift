import AnlanDiscovery
import AnlanRecords
import AnlanRegions
import AnlanRPC
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import Foundation
import GatewayAPI
import HazardSurveyAPI
import Logging
import MaterialReserveAPI
import NIOConcurrencyHelpers
import NIOCore
import TrainingRecordsAPI

/// A node's gateway: merges its own services' statistics with its child regions' gateways' summaries.
///
/// Children are asked in parallel within the caller's remaining budget (less a margin kept for
/// merging). A child that fails or runs out of time does not fail the answer: its last good summary
/// is used and flagged stale, or it is flagged missing if there is none; the coverage counts it as
/// not reporting. A child region without a gateway of its own is served by this node's services.
///
/// While callers ask for the node's summary it is kept standing, recomposed in the background every
/// half of `maxAge`: a caller that accepts figures up to its max age old is answered from memory.
public final class Gateway: Sendable {
    public let scope: NodeScope
    let directory: GatewayDirectory
    let store: SummaryStore
    private let flights = SingleFlight<SummaryStore.Key, Composed>()
    private let standing: StandingSummaries<SummaryStore.Key, Composed>
    /// This node's own records in each county of its subtree, by county code (this year's), for the map:
    /// kept standing, refreshed in the background every ten seconds while asked for.
    let ownInCounties = StandingSummaries<UInt32, [String: RegionSummary]>(refreshInterval: .seconds(10))
    /// Each city's counties as its gateway last sent them (a province's): they stand, stale, for a city
    /// that cannot be reached.
    let lastCounties = NIOLockedValueBox<[String: [RegionSummary]]>([:])
    /// Children that missed their last answer: compositions use their last figures while they are probed.
    let suspects = SuspectChildren()
    /// The age of answer a request accepts when it does not say (0: every request fans out).
    let defaultMaxAge: TimeAmount
    /// Every child region has a node of its own (a full deployment): each is expected to report from
    /// the start, registered or not, so a child that never came up counts as missing in the coverage.
    let everyChildHasANode: Bool
    /// Each child region's reach, so a search within a radius asks only the children it can reach.
    let childReach: [String: RegionReach]
    let defaultBudget: TimeAmount
    /// Scores regions in the control-power indices (the configuration's version is kept with each score).
    let indexCalculator: IndexCalculator
    let logger: Logger

    /// A child gateway's summary as this node used it, and how it was obtained.
    struct ChildPart: Sendable {
        var summary: RegionSummary
        var status: PartStatus
    }

    /// One fan-out: the node's summary and each child region's part of it.
    struct Composed: Sendable {
        let summary: RegionSummary
        let children: [RegionSummary]
        /// When its fan-out started: how old its figures may be.
        let startedAt: NIODeadline
    }

    /// - Parameters:
    ///   - maxAge: how old a summary a request that does not say accepts; the node's own summary is
    ///     recomposed every half of it while asked for (zero: every request fans out, and nothing is
    ///     kept standing).
    ///   - defaultBudget: the budget of a request that carries none.
    ///   - parentRegistry: the parent node's registry, where the parent's gateway is found (for searches
    ///     that widen beyond this node's region).
    ///   - store: where children's last good summaries are kept (gateways of one process may share one).
    ///   - everyChildHasANode: expect every child region to report, not only those seen (a full deployment;
    ///     where some children are served by this node's services, leave it off).
    ///   - indexConfiguration: the control-power indices' weights and scales (nil: the bundled default).
    ///   - tls: what the gateway's calls to its services and other gateways present and check (nil: plain TCP).
    public init(regionCode: String, registry: RegistryClient, parentRegistry: RegistryClient? = nil, store: SummaryStore,
                maxAge: Duration = .seconds(3), defaultBudget: Duration = .seconds(2), everyChildHasANode: Bool = false,
                indexConfiguration: IndexConfiguration? = nil, tls: RPCTLS? = nil, logger: Logger) throws {
        let tree = RegionTree.zhejiang
        scope = NodeScope(region: try tree.region(regionCode), tree: tree)
        directory = try GatewayDirectory(region: scope.region, tree: tree, registry: registry, parentRegistry: parentRegistry,
                                         callTimeout: defaultBudget, tls: tls, logger: logger)
        self.store = store
        defaultMaxAge = TimeAmount(maxAge)
        self.everyChildHasANode = everyChildHasANode
        standing = StandingSummaries(refreshInterval: TimeAmount(maxAge / 2))
        childReach = try Dictionary(uniqueKeysWithValues: tree.children(of: regionCode).map { ($0.code, try RegionReach($0, in: tree)) })
        self.defaultBudget = TimeAmount(defaultBudget)
        indexCalculator = IndexCalculator(configuration: try indexConfiguration ?? .bundled())
        self.logger = logger
    }

    // MARK: Answers

    /// The summary of the node's region, or of a region below it from the node that owns it. Every
    /// node on the way adds the records its own services hold in that region (a county's store may
    /// stand in a township that has a node of its own).
    public func summary(_ request: SummaryRequest, deadline: NIODeadline?) async throws -> RegionSummary {
        let target = try validating { try scope.region(request.regionCode) }
        let year = try Self.year(request.year)
        let deadline = deadline ?? .now() + defaultBudget
        if target == scope.region { return try await composed(year: year, deadline: deadline, maxAge: request.maxAgeMilliseconds).summary }
        let child = try childOnPath(to: target)
        guard hasGateway(child.code) else { return await local(target, year: year, deadline: deadline) }
        let childDeadline = Self.childDeadline(deadline)
        async let here = local(target, year: year, deadline: childDeadline)
        let asked = SummaryRequest(regionCode: target.code, year: year, maxAgeMilliseconds: request.maxAgeMilliseconds)
        var below = target == child
            ? await childPart(child, asked, deadline: childDeadline).summary
            : try await forward(GatewayMethods.summary, asked, to: child, deadline: childDeadline)
        below.mergeStatistics(await here)
        return below
    }

    /// A region's summary and its children's, side by side (each with this node's own records in it).
    public func children(_ request: SummaryRequest, deadline: NIODeadline?) async throws -> DrillDown {
        let target = try validating { try scope.region(request.regionCode) }
        let year = try Self.year(request.year)
        let deadline = deadline ?? .now() + defaultBudget
        let regions = try scope.tree.children(of: target.code)
        if target == scope.region {
            async let locally = locals(regions, year: year, deadline: Self.childDeadline(deadline))
            let composed = try await composed(year: year, deadline: deadline, maxAge: request.maxAgeMilliseconds)
            let withGateways = Dictionary(composed.children.map { ($0.regionCode, $0) }, uniquingKeysWith: { $1 })
            let here = await locally
            return DrillDown(region: composed.summary, children: zip(regions, here).map { region, local in
                guard var part = withGateways[region.code] else { return local }
                part.mergeStatistics(local)
                return part
            })
        }
        let child = try childOnPath(to: target)
        let childDeadline = Self.childDeadline(deadline)
        async let here = locals([target] + regions, year: year, deadline: childDeadline)
        guard hasGateway(child.code) else {
            let parts = await here
            return DrillDown(region: parts[0], children: Array(parts.dropFirst()))
        }
        var drill = try await forward(GatewayMethods.children,
                                      SummaryRequest(regionCode: target.code, year: year, maxAgeMilliseconds: request.maxAgeMilliseconds), to: child,
                                      deadline: childDeadline)
        let parts = await here
        drill.region.mergeStatistics(parts[0])
        let own = Dictionary(parts.dropFirst().map { ($0.regionCode, $0) }, uniquingKeysWith: { $1 })
        for index in drill.children.indices {
            if let local = own[drill.children[index].regionCode] { drill.children[index].mergeStatistics(local) }
        }
        return drill
    }

    static var thisYear: UInt32 { UInt32(CivilDay.today.year) }

    /// The year asked for (0: this one); only 2000…2062, the years the services keep figures for — a
    /// summary is kept per child and year, so the years must be few.
    static func year(_ asked: UInt32) throws -> UInt32 {
        let year = asked == 0 ? thisYear : asked
        guard (2000...2062).contains(year) else { throw RPCError.invalidArgument("year \(year) is not 2000…2062") }
        return year
    }

    /// This node's own records in each of `regions`, asked in parallel.
    func locals(_ regions: [Region], year: UInt32, deadline: NIODeadline) async -> [RegionSummary] {
        await withTaskGroup(of: (Int, RegionSummary).self) { group in
            for (index, region) in regions.enumerated() {
                group.addTask { (index, await self.local(region, year: year, deadline: deadline)) }
            }
            var parts = [RegionSummary](repeating: RegionSummary(), count: regions.count)
            for await (index, part) in group { parts[index] = part }
            return parts
        }
    }

    // MARK: Fan-out

    /// The node's own summary: the standing one if it is young enough for the caller (`maxAge` in
    /// milliseconds, nil: the node's default), else a fan-out shared with identical requests in flight.
    /// Only this year's summary is kept standing: a caller asking about past years must not set 63
    /// recompositions of the whole tree going.
    func composed(year: UInt32, deadline: NIODeadline, maxAge: UInt32?) async throws -> Composed {
        let key = SummaryStore.Key(regionCode: scope.region.code, year: year)
        let maxAge = maxAge.map { TimeAmount.milliseconds(Int64($0)) } ?? defaultMaxAge
        let stands = defaultMaxAge > .zero && year == Self.thisYear
        if maxAge > .zero, stands {
            // A background recomposition may take one refresh interval (slower children go stale), and
            // spreads its children's requests over a third of it: one child's subtree at a time keeps the
            // cores free for requests that are waited on. It is not shared: nobody should wait on its pace.
            let recompose: @Sendable () async -> Composed? = { [self] in
                try? await fanOut(year: year, deadline: .now() + standing.refreshInterval, spread: .nanoseconds(standing.refreshInterval.nanoseconds / 3))
            }
            if let answer = standing.value(key, maxAge: maxAge, recompose: recompose) { return answer }
        }
        let answer = try await flights.run(key, deadline: deadline) { [self] in try await fanOut(year: year, deadline: deadline) }
        // Kept only if it had at least a background recomposition's time: a caller in a hurry, whose
        // slower children went stale, must not stand in for everyone else's view.
        if stands, deadline - answer.startedAt >= standing.refreshInterval {
            standing.keep(key, answer, composedAt: answer.startedAt)
        }
        return answer
    }

    /// Asks the node's own services and every expected child gateway (for a summary composed now), in
    /// parallel — or, with a `spread`, each child's request started that much later than the first's
    /// divided evenly among them (all with the same deadline, so a hung child delays no other).
    private func fanOut(year: UInt32, deadline: NIODeadline, spread: TimeAmount = .zero) async throws -> Composed {
        let startedAt = NIODeadline.now()
        let childDeadline = Self.childDeadline(deadline)
        let expected = try expectedChildren()
        async let own = local(scope.region, year: year, deadline: childDeadline)
        let step = expected.isEmpty ? .zero : TimeAmount.nanoseconds(spread.nanoseconds / Int64(expected.count))
        let parts = await withTaskGroup(of: (Region, ChildPart).self) { group in
            for (index, child) in expected.enumerated() {
                group.addTask {
                    if self.suspects.isSuspect(child.code) {
                        return (child, self.lastPart(child, year: year, reason: "suspect: it missed its last answer and is being probed"))
                    }
                    if index > 0, step > .zero { try? await Task.sleep(nanoseconds: UInt64(step.nanoseconds) * UInt64(index)) }
                    let part = await self.childPart(child, SummaryRequest(regionCode: child.code, year: year, maxAgeMilliseconds: 0),
                                                    deadline: childDeadline)
                    if part.status.freshness != .fresh, self.directory.gateway(child.code) != nil {
                        self.suspects.suspect(child.code) { await self.probe(child, year: year) }
                    }
                    return (child, part)
                }
            }
            var parts: [(Region, ChildPart)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0.code < $1.0.code }
        }
        var summary = await own
        summary.mergeStatistics(contentsOf: parts.map(\.1.summary))
        for (child, part) in parts {
            let fresh = part.status.freshness == .fresh
            // A stale child's figures stand for its whole subtree, none of which reported now.
            let below = part.summary.coverage.map { TierCoverage(tier: $0.tier, reporting: fresh ? $0.reporting : 0, expected: $0.expected) }
            TierCoverage.merge([TierCoverage(tier: child.tier.rawValue, reporting: fresh ? 1 : 0, expected: 1)] + below, into: &summary.coverage)
            summary.children.append(part.status)
        }
        return Composed(summary: summary, children: parts.map(\.1.summary), startedAt: startedAt)
    }

    /// The child regions expected to report: every one when every child has a node; otherwise those whose
    /// gateway has registered, and those seen before.
    private func expectedChildren() throws -> [Region] {
        try scope.tree.children(of: scope.region.code).filter { hasGateway($0.code) }
    }

    func hasGateway(_ code: String) -> Bool {
        everyChildHasANode || directory.gateway(code) != nil || store.knows(code)
    }

    /// A child gateway's summary: fresh if it answers in time, else its last good one (stale), else missing.
    private func childPart(_ child: Region, _ request: SummaryRequest, deadline: NIODeadline) async -> ChildPart {
        let year = request.year
        let reason: String
        if let gateway = directory.gateway(child.code) {
            do {
                var summary = try await gateway.call(GatewayMethods.summary, request, deadline: deadline)
                summary.freshness = .fresh
                store.remember(summary, year: year)
                return ChildPart(summary: summary, status: PartStatus(name: child.code, freshness: .fresh, asOfMilliseconds: summary.asOfMilliseconds))
            } catch {
                reason = "\(error)"
            }
        } else {
            reason = "no gateway registered for \(child.code)"
        }
        logger.debug("child not fresh", metadata: ["child": "\(child.code)", "reason": "\(reason)"])
        return lastPart(child, year: year, reason: reason)
    }

    /// A child's last good summary, stale, or missing when there is none.
    private func lastPart(_ child: Region, year: UInt32, reason: String) -> ChildPart {
        guard var last = store.last(child.code, year: year) else {
            return ChildPart(summary: RegionSummary(regionCode: child.code, freshness: .missing),
                             status: PartStatus(name: child.code, freshness: .missing, reason: reason))
        }
        last.freshness = .stale
        return ChildPart(summary: last, status: PartStatus(name: child.code, freshness: .stale, asOfMilliseconds: last.asOfMilliseconds, reason: reason))
    }

    /// Asks a suspect child again (the gateway it has registered now); whether it answered, its figures
    /// then kept as its last good ones.
    private func probe(_ child: Region, year: UInt32) async -> Bool {
        guard let gateway = directory.gateway(child.code) else { return false }
        do {
            var summary = try await gateway.call(GatewayMethods.summary, SummaryRequest(regionCode: child.code, year: year, maxAgeMilliseconds: 0),
                                                 deadline: .now() + defaultBudget)
            summary.freshness = .fresh
            store.remember(summary, year: year)
            logger.info("a suspect child answers again", metadata: ["child": "\(child.code)"])
            return true
        } catch {
            return false
        }
    }

    /// `region`'s figures from this node's own services (no child gateways).
    func local(_ region: Region, year: UInt32, deadline: NIODeadline) async -> RegionSummary {
        guard directory.hasServices else { return Self.empty(region, year: year) }
        async let hazard = ask(ServiceKind.hazardSurvey, deadline) {
            try await $0.call(HazardSurveyMethods.statistics, StatisticsRequest(regionCode: region.code), deadline: $1)
        }
        async let reserve = ask(ServiceKind.materialReserve, deadline) {
            try await $0.call(MaterialReserveMethods.statistics, StockQuery(regionCode: region.code), deadline: $1)
        }
        async let landing = ask(ServiceKind.aviationLandingPoints, deadline) {
            try await $0.call(AviationLandingMethods.statistics, AviationLandingAPI.CoverageRequest(regionCode: region.code, year: year), deadline: $1)
        }
        async let training = ask(ServiceKind.trainingRecords, deadline) {
            try await $0.call(TrainingRecordsMethods.statistics, TrainingRecordsAPI.CoverageRequest(regionCode: region.code, year: year, coverageOnly: true),
                             deadline: $1)
        }
        async let evacuation = ask(ServiceKind.evacuation, deadline) {
            try await $0.call(EvacuationMethods.statistics, StatisticsQuery(regionCode: region.code), deadline: $1)
        }
        async let response = ask(ServiceKind.emergencyResponse, deadline) {
            try await $0.call(EmergencyResponseMethods.statistics, ResponseStatisticsQuery(regionCode: region.code), deadline: $1)
        }
        var summary = Self.empty(region, year: year)
        let (hazardPart, reservePart, landingPart, trainingPart, evacuationPart, responsePart)
            = await (hazard, reserve, landing, training, evacuation, response)
        if let figures = hazardPart.value { summary.hazard.merge(figures) }
        if let figures = reservePart.value { summary.reserve.merge(figures) }
        if let figures = landingPart.value {
            // Its distance and year are labels a merge keeps from the side merged into: take them whole.
            summary.landing = figures
            summary.landing.asOf = nil
        }
        if let figures = trainingPart.value { summary.training.merge(figures) }
        if let figures = evacuationPart.value { summary.evacuation.merge(contentsOf: CollectionOfOne(figures)) }
        if let figures = responsePart.value { summary.response.merge(contentsOf: CollectionOfOne(figures)) }
        summary.services = [hazardPart.status, reservePart.status, landingPart.status, trainingPart.status, evacuationPart.status,
                            responsePart.status]
            .compactMap { $0 }
        return summary
    }

    /// A summary of `region` with no figures yet, labelled and timed now.
    private static func empty(_ region: Region, year: UInt32) -> RegionSummary {
        var summary = RegionSummary(regionCode: region.code, asOfMilliseconds: nowMilliseconds())
        summary.hazard.regionCode = region.code
        summary.reserve.regionCode = region.code
        summary.landing.regionCode = region.code
        summary.training = TrainingStatistics(regionCode: region.code, year: year)
        summary.evacuation.regionCode = region.code
        summary.response.regionCode = region.code
        return summary
    }

    /// One own service's answer, or why there is none; no status when the node has no such service.
    private func ask<Figures: Sendable>(_ kind: String, _ deadline: NIODeadline,
                                         _ call: @Sendable (RPCClient, NIODeadline) async throws -> Figures) async -> (value: Figures?, status: PartStatus?) {
        guard let client = directory.service(kind) else { return (nil, nil) }
        do {
            let figures = try await call(client, deadline)
            return (figures, PartStatus(name: kind, freshness: .fresh, asOfMilliseconds: Self.nowMilliseconds()))
        } catch {
            return (nil, PartStatus(name: kind, freshness: .missing, reason: "\(error)"))
        }
    }

    /// Passes a request for a region below a child on to that child's gateway.
    func forward<Request, Response>(_ method: RPCMethod<Request, Response>, _ request: Request, to child: Region,
                                            deadline: NIODeadline) async throws -> Response {
        guard let gateway = directory.gateway(child.code) else {
            throw RPCError.unavailable("the gateway of \(child) is not registered")
        }
        return try await Self.relaying("the gateway of \(child)") { () async throws(RPCError) in
            try await gateway.call(method, request, deadline: deadline)
        }
    }

    /// Runs a call made on behalf of an upstream caller: a call that never left this process (no
    /// connection could be had) becomes `notProcessed`, since the flag saying so does not travel.
    static func relaying<Response>(_ callee: String, _ call: () async throws(RPCError) -> Response) async throws -> Response {
        do {
            return try await call()
        } catch {
            guard !error.requestWasSent else { throw error }
            throw RPCError(.notProcessed, "\(callee) is unreachable, nothing was sent: \(error.message)")
        }
    }

    /// The child of the node's region whose subtree holds `target`.
    func childOnPath(to target: Region) throws -> Region {
        let path = try scope.tree.ancestors(of: target.code).reversed() + [target]
        guard let index = path.firstIndex(of: scope.region), index + 1 < path.count else {
            throw RPCError.invalidArgument("\(target) is not below \(scope.region)")
        }
        return path[index + 1]
    }

    /// What children are given of the caller's deadline: a tenth of what is left (at most 200 ms) is kept
    /// for merging and the way back, so a child that times out still leaves time to answer — also on a
    /// loaded machine whose timers and sockets are served late (50 ms was not enough on two busy cores).
    static func childDeadline(_ deadline: NIODeadline) -> NIODeadline {
        let remaining = deadline - .now()
        return deadline - min(.milliseconds(200), .nanoseconds(max(0, remaining.nanoseconds / 10)))
    }

    static func nowMilliseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }

    /// Stops recomposing standing summaries (the node is shutting down; requests still in flight are
    /// answered by fan-outs of their own).
    func stopStanding() {
        standing.close()
        ownInCounties.close()
        suspects.close()
    }

    public func close() async {
        standing.close()
        await directory.close()
    }
}
