import AnlanRecords
import AnlanRegions
import AnlanRPC
import GatewayAPI
import NIOCore

/// The control-power indices (管控力指数) across the tiers: computed from the merged summaries (so a
/// county's and the province's follow one rule, and a stale county's last figures are used, marked),
/// ranked among siblings (晾晒), and published monthly into each gateway's store.
extension Gateway {
    /// A region's indices and its children ranked: live from the standing summaries, or a published month.
    public func index(_ request: IndexRequest, deadline: NIODeadline?) async throws -> IndexReport {
        let target = try validating { try scope.region(request.regionCode) }
        let deadline = deadline ?? .now() + defaultBudget
        if request.month.isEmpty {
            let drill = try await children(SummaryRequest(regionCode: target.code), deadline: deadline)
            let previous = try store.indexSnapshots.published(drill.children.map(\.regionCode), month: Self.month(before: Self.currentMonth()))
            var report = Self.report(region: indexCalculator.indices(drill.region), children: drill.children.map(indexCalculator.indices),
                                     previous: previous)
            report.responseActive = drill.region.evacuation.activeWarnings > 0 || drill.region.response.openCount > 0
            return report
        }
        let month = try Self.validMonth(request.month)
        if target != scope.region {
            let child = try childOnPath(to: target)
            if hasGateway(child.code) {
                return try await forward(GatewayMethods.index, IndexRequest(regionCode: target.code, month: month), to: child,
                                         deadline: Self.childDeadline(deadline))
            }
        }
        let children = try scope.tree.children(of: target.code).map(\.code)
        let published = try store.indexSnapshots.published([target.code] + children, month: month)
        guard let own = published[target.code] else {
            throw RPCError.notFound("\(month) is not published for \(target.code) at the node of \(scope.region.code)")
        }
        let previous = try store.indexSnapshots.published(children, month: Self.month(before: month))
        var report = Self.report(region: own, children: children.compactMap { published[$0] }, previous: previous)
        report.month = month
        return report
    }

    /// Publishes `request.month` at this node and every node below it: each keeps its own region's
    /// indices and its children's, from the figures it has now. A month already published stays as it was.
    public func publishIndices(_ request: PublishRequest, deadline: NIODeadline?) async throws -> PublishResult {
        let month = try request.month.isEmpty ? Self.month(before: Self.currentMonth()) : Self.validMonth(request.month)
        guard month < Self.currentMonth() else { throw RPCError.invalidArgument("month \(month) has not ended: it cannot be published yet") }
        let deadline = deadline ?? .now() + defaultBudget
        let childDeadline = Self.childDeadline(deadline)
        let below = try scope.tree.children(of: scope.region.code).filter { directory.gateway($0.code) != nil }
        async let results = Self.inParallel(below) { child -> PublishResult? in
            do {
                return try await self.forward(GatewayMethods.publishIndices, PublishRequest(month: month), to: child, deadline: childDeadline)
            } catch {
                self.logger.warning("a child did not publish", metadata: ["child": "\(child.code)", "month": "\(month)", "reason": "\(error)"])
                return nil
            }
        }
        let drill = try await children(SummaryRequest(), deadline: childDeadline)
        // Written after the children have written theirs: gateways may share a store, and a region counts
        // as published by its own node, not by its parent keeping a copy for its rankings.
        let parts = await results
        let written = try keep(drill, month: month, childrenPublishingThemselves: Set(below.map(\.code)))
        var result = PublishResult()
        result.month = month
        result.configurationVersion = indexCalculator.configuration.version
        result.published = UInt32(written.published)
        result.alreadyPublished = UInt32(written.kept)
        for part in parts {
            guard let part else { continue }
            result.published += part.published
            result.alreadyPublished += part.alreadyPublished
        }
        return result
    }

    /// Keeps `drill`'s region and children's indices for `month`; counts the region and the children
    /// not in `withGateways` (those publish themselves), though it keeps all of them for its rankings.
    private func keep(_ drill: DrillDown, month: String, childrenPublishingThemselves withGateways: Set<String>) throws -> (published: Int, kept: Int) {
        let stamp = { (parts: [RegionSummary]) in parts.flatMap(self.indexCalculator.indices).map { index -> ControlIndex in
            var index = index
            index.month = month
            return index
        } }
        let written = try store.indexSnapshots.publish(stamp([drill.region] + drill.children.filter { !withGateways.contains($0.regionCode) }))
        _ = try store.indexSnapshots.publish(stamp(drill.children.filter { withGateways.contains($0.regionCode) }))
        return written
    }

    /// The day of the month from which a month that ended is published even if some child has not
    /// reported fresh since (its last figures are used, marked stale).
    static let publicationGraceDays = 5

    /// Publishes the month that ended at this node by itself (月度发布), once it is due: every child
    /// reporting fresh, or the grace day come. Nothing when it is published already. Returns whether it
    /// published now.
    @discardableResult
    public func publishEndedMonthIfDue() async -> Bool {
        let month = Self.month(before: Self.currentMonth())
        do {
            guard try store.indexSnapshots.published([scope.region.code], month: month).isEmpty else { return false }
            let drill = try await children(SummaryRequest(), deadline: .now() + defaultBudget)
            let allFresh = drill.region.children.allSatisfy { $0.freshness == .fresh }
            guard Self.publicationIsDue(allFresh: allFresh, dayOfMonth: CivilDay.today.components.day) else {
                logger.info("the month that ended waits for every child to report", metadata: ["month": "\(month)"])
                return false
            }
            let written = try keep(drill, month: month, childrenPublishingThemselves: Set(directory.childGateways()))
            logger.info("published the month that ended", metadata: ["month": "\(month)", "regions": "\(written.published)",
                                                                    "all fresh": "\(allFresh)"])
            return true
        } catch {
            logger.warning("the month that ended could not be published", metadata: ["month": "\(month)", "reason": "\(error)"])
            return false
        }
    }

    static func publicationIsDue(allFresh: Bool, dayOfMonth: Int) -> Bool {
        allFresh || dayOfMonth >= publicationGraceDays
    }

    /// The report: the region's indices, and the children ranked in each kind, with what moved each most
    /// since `previous` (the month before's published indices, by region).
    static func report(region: [ControlIndex], children: [[ControlIndex]], previous: [String: [ControlIndex]]) -> IndexReport {
        var report = IndexReport()
        report.region = region
        for kind in IndexKind.allCases {
            let ranked = children.compactMap { $0.first { $0.kind == kind } }
                .sorted { ($0.score ?? -1, $1.regionCode) > ($1.score ?? -1, $0.regionCode) }
            var rows: [RankedRegion] = []
            for (position, index) in ranked.enumerated() {
                var row = RankedRegion(index: index, rank: index.score == nil ? 0 : UInt32(position + 1))
                if let before = previous[index.regionCode]?.first(where: { $0.kind == kind }) {
                    if let now = index.score, let then = before.score { row.change = ((now - then) * 10).rounded() / 10 }
                    if let moved = mostMoved(index, since: before) {
                        row.mostMovedIndicator = moved.id
                        row.mostMovedBy = moved.by
                    }
                }
                rows.append(row)
            }
            switch kind {
            case .workSafety: report.workSafetyRanking = rows
            case .naturalDisaster: report.naturalDisasterRanking = rows
            }
        }
        return report
    }

    /// The indicator whose weighted score changed most between two of a region's indices.
    static func mostMoved(_ now: ControlIndex, since before: ControlIndex) -> (id: String, by: Double)? {
        let earlier = Dictionary(before.values.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        var best: (id: String, by: Double)?
        for value in now.values {
            guard let score = value.score, let then = earlier[value.id]?.score else { continue }
            let by = ((score - then) * value.weight * 10).rounded() / 10
            if abs(by) > abs(best?.by ?? 0) { best = (value.id, by) }
        }
        return best
    }

    static func currentMonth() -> String {
        let today = CivilDay.today.components
        return month(year: today.year, month: today.month)
    }

    static func month(year: Int, month: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// The month before `month` (`2026-01` → `2025-12`).
    static func month(before month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return "" }
        return parts[1] == 1 ? Self.month(year: parts[0] - 1, month: 12) : Self.month(year: parts[0], month: parts[1] - 1)
    }

    /// `YYYY-MM`, 2000-01 to this month.
    static func validMonth(_ text: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (2000...2099).contains(year), (1...12).contains(month) else {
            throw RPCError.invalidArgument("month \(text) is not YYYY-MM")
        }
        let normal = Self.month(year: year, month: month)
        guard normal <= currentMonth() else { throw RPCError.invalidArgument("month \(text) has not begun") }
        return normal
    }
}
