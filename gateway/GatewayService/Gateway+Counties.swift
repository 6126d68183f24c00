import AnlanRecords
import AnlanRegions
import AnlanRPC
import GatewayAPI
import NIOCore

/// Every county of a node's subtree (区县一览), for the map that colours them, at the cost of a
/// standing summary: a city answers from its standing composition (its counties' gateways' parts), a
/// province asks each city once. The records the nodes above hold in a county (a city's storage point,
/// the province's aviation teams at a city seat) are added from `ownInCounties`, refreshed every ten
/// seconds one county at a time — asking every service of the province for each of 90 counties at
/// every recomposition slowed the province's own fan-out by half with 50 screens open.
extension Gateway {
    /// Every county of the node's subtree, in code order. A township's node has none.
    public func counties(deadline: NIODeadline?) async throws -> [RegionSummary] {
        let deadline = deadline ?? .now() + defaultBudget
        let tree = scope.tree
        switch scope.region.tier {
        case .township:
            return []
        case .county:
            return [try await summary(SummaryRequest(), deadline: deadline)]
        case .city:
            let counties = try tree.children(of: scope.region.code)
            async let own = ownRecords(in: counties, deadline: Self.childDeadline(deadline))
            let composed = try await composed(year: Self.thisYear, deadline: deadline, maxAge: nil)
            return Self.merged(counties, reported: composed.children, own: await own)
        case .province:
            let cities = try tree.children(of: scope.region.code)
            let counties = try cities.flatMap { try tree.children(of: $0.code) }
            let childDeadline = Self.childDeadline(deadline)
            async let own = ownRecords(in: counties, deadline: childDeadline)
            let reported = await Self.inParallel(cities) { city in await self.counties(of: city, deadline: childDeadline) }
            return Self.merged(counties, reported: reported.flatMap { $0 }, own: await own)
        }
    }

    /// `gateway.counties`: the node's own region and this year only.
    func counties(_ request: SummaryRequest, deadline: NIODeadline?) async throws -> CountySummaries {
        guard request.regionCode.isEmpty || request.regionCode == scope.region.code else {
            throw RPCError.invalidArgument("counties are answered for the node's own region \(scope.region.code), not \(request.regionCode)")
        }
        guard request.year == 0 || request.year == Self.thisYear else {
            throw RPCError.invalidArgument("counties are answered for this year, not \(request.year)")
        }
        return CountySummaries(counties: try await counties(deadline: deadline))
    }

    /// A city's counties from its gateway; when it cannot answer, the last ones it sent (stale) or its
    /// counties as missing; none when the city has no gateway (this node's own records stand for them).
    private func counties(of city: Region, deadline: NIODeadline) async -> [RegionSummary] {
        guard let gateway = directory.gateway(city.code) else {
            return hasGateway(city.code) ? missingOrStale(city, reason: "no gateway registered for \(city.code)") : []
        }
        do {
            let answer = try await gateway.call(GatewayMethods.counties, SummaryRequest(regionCode: city.code), deadline: deadline).counties
            lastCounties.withLockedValue { $0[city.code] = answer }
            return answer
        } catch {
            logger.debug("a city's counties are not fresh", metadata: ["city": "\(city.code)", "reason": "\(error)"])
            return missingOrStale(city, reason: "\(error)")
        }
    }

    private func missingOrStale(_ city: Region, reason: String) -> [RegionSummary] {
        if let last = lastCounties.withLockedValue({ $0[city.code] }) {
            return last.map { county in
                var county = county
                if county.freshness == .fresh { county.freshness = .stale }
                return county
            }
        }
        return ((try? scope.tree.children(of: city.code)) ?? []).map { RegionSummary(regionCode: $0.code, freshness: .missing) }
    }

    /// This node's own records in each of `counties`, by code: from the standing copy while it is at most
    /// three refresh intervals old (a refresh asks one county at a time, so it never competes with a fan-out for
    /// the cores), else asked now in parallel.
    func ownRecords(in counties: [Region], deadline: NIODeadline) async -> [String: RegionSummary] {
        guard directory.hasServices else { return [:] }
        let year = Self.thisYear
        let recompose: @Sendable () async -> [String: RegionSummary]? = { [self] in
            var parts: [String: RegionSummary] = [:]
            for county in counties {
                parts[county.code] = await local(county, year: year, deadline: .now() + defaultBudget)
            }
            return parts
        }
        if let kept = ownInCounties.value(year, maxAge: ownInCounties.refreshInterval * 3, recompose: recompose) { return kept }
        let started = NIODeadline.now()
        let parts = await locals(counties, year: year, deadline: deadline)
        let byCode = Dictionary(zip(counties.map(\.code), parts), uniquingKeysWith: { $1 })
        ownInCounties.keep(year, byCode, composedAt: started)
        return byCode
    }

    /// Each county as reported (own records added), or this node's own records where none reported.
    private static func merged(_ counties: [Region], reported: [RegionSummary], own: [String: RegionSummary]) -> [RegionSummary] {
        let byCode = Dictionary(reported.map { ($0.regionCode, $0) }, uniquingKeysWith: { $1 })
        return counties.map { county in
            guard var part = byCode[county.code] else { return own[county.code] ?? RegionSummary(regionCode: county.code, freshness: .missing) }
            if let records = own[county.code] { part.mergeStatistics(records) }
            return part
        }
    }
}
