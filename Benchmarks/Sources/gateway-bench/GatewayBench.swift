import AnlanIdentity
import AnlanRPC
import AnlanRecords
import EmergencyResponseAPI
import ArgumentParser
import BenchTiming
import Foundation
import GatewayAPI
import MaterialReserveAPI

/// Measures a running whole-province mesh (scripts/province.sh start) through the province's gateway,
/// over the wire: the province summary as a full fan-out (max age 0) and warm (answered from the
/// standing summary within the default max age), the answer's time with one county's gateway frozen
/// (SIGSTOP), cross-tier dispatch plans, an incident's dispatch proposals and their confirmation, and the
/// control-power indices (live, and a month published at every node). Prints figures; asserts nothing. Run with
/// `scripts/bench.sh gateway`.
@main
struct GatewayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gateway-bench",
                                                    abstract: "Gateway figures against a running whole-province mesh.")

    @Option(help: "The province gateway's port.") var port = 20600
    @Option(help: "Repetitions of each query.") var repetitions = 200
    @Option(help: "Repetitions of the full fan-out (max age 0).") var freshRepetitions = 100
    @Option(help: "Pid of the process serving one county's gateway, to freeze (0: skip that figure).") var freezePid: Int32 = 0
    @Option(help: "The deadline of summaries with a county cut off, ms.") var deadline = 500

    func run() async throws {
        // The duty officer's calls: writes (a month published, incidents, confirmations) need a person.
        try await RPCCredential.$current.withValue(Self.credentialFromEnvironment()) { try await measure() }
    }

    func measure() async throws {
        let province = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, defaultTimeout: .seconds(10),
                                                                       tls: try Self.tlsFromEnvironment()))
        let first = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0))
        let nodes = first.coverage.text
        print("province summary: coverage \(nodes)")
        // Before anything keeps summaries standing: a quiet mesh.
        try await publishMonth(province, while: "the mesh quiet")

        // Every request a fan-out to every node now (max age 0). First, before a warm request has any
        // gateway recomposing its summary in the background.
        let fresh = SummaryRequest(maxAgeMilliseconds: 0)
        let fanOut = try await RepeatedTiming.measure(repetitions: freshRepetitions) {
            try await province.call(GatewayMethods.summary, fresh, timeout: .seconds(2))
        }
        print(String(format: "province summary, a full fan-out each (max age 0): first %.2f ms, median %.2f ms, p99 %.2f ms (%d requests, one at a time)",
                     fanOut.firstMilliseconds, fanOut.median, fanOut.p99, freshRepetitions))
        let freshConcurrent = try await RepeatedTiming.measureConcurrent(callers: 8, each: max(1, freshRepetitions / 8)) {
            _ = try await province.call(GatewayMethods.summary, fresh, timeout: .seconds(2))
        }
        print(String(format: "province summary, a full fan-out each, 8 callers at once: median %.2f ms, p99 %.2f ms",
                     freshConcurrent.median, freshConcurrent.p99))

        // Warm, as a duty room asks: the gateway's default max age, so answers may come from the standing
        // summary it recomposes in the background while it is asked for.
        let warm = SummaryRequest()
        _ = try await province.call(GatewayMethods.summary, warm)
        let summary = try await RepeatedTiming.measure(repetitions: repetitions) {
            try await province.call(GatewayMethods.summary, warm, timeout: .seconds(2))
        }
        let standing = try await province.call(GatewayMethods.summary, warm)
        let age = Double(Int64(Date().timeIntervalSince1970 * 1000) - standing.asOfMilliseconds)
        print(String(format: "province summary, warm (default max age): median %.2f ms, p99 %.2f ms (%d requests, one at a time); the answer's figures %.0f ms old",
                     summary.median, summary.p99, repetitions, age))

        let concurrent = try await RepeatedTiming.measureConcurrent(callers: 8, each: max(1, repetitions / 8)) {
            _ = try await province.call(GatewayMethods.summary, warm, timeout: .seconds(2))
        }
        print(String(format: "province summary, warm, 8 callers at once: median %.2f ms, p99 %.2f ms", concurrent.median, concurrent.p99))

        if freezePid != 0 {
            kill(freezePid, SIGSTOP)
            defer { kill(freezePid, SIGCONT) }
            // Max age 0: each answer is a fan-out. The first must give up on the frozen county within the
            // deadline; after it the county is suspect and not waited for (its last figures stand).
            var times: [Double] = []
            var answer = RegionSummary()
            for _ in 0..<10 {
                let started = ContinuousClock.now
                answer = try await province.call(GatewayMethods.summary, fresh, timeout: .milliseconds(deadline))
                times.append((ContinuousClock.now - started).seconds * 1000)
            }
            let coverage = answer.coverage.text
            let later = times.dropFirst().sorted()
            print(String(format: "one county's gateway frozen, a full fan-out each, deadline %d ms: first answer %.1f ms, the 9 after it median %.1f ms, slowest %.1f ms; coverage %@",
                         deadline, times[0], later[later.count / 2], later.last ?? 0, coverage))
            // Warm requests meanwhile: the standing summary's recomposition gives up on the county at
            // its own deadline, in the background; callers are not held.
            try await Task.sleep(for: .seconds(2))
            let warmFrozen = try await RepeatedTiming.measure(repetitions: 50) {
                try await province.call(GatewayMethods.summary, SummaryRequest(), timeout: .milliseconds(deadline))
            }
            let standing = try await province.call(GatewayMethods.summary, SummaryRequest())
            let standingCoverage = standing.coverage.text
            print(String(format: "one county's gateway frozen, warm: median %.2f ms, p99 %.2f ms (50); coverage %@",
                         warmFrozen.median, warmFrozen.p99, standingCoverage))
        }

        let need = PlanRequest(needs: [DispatchLine(itemCode: "3010201", quantity: 400), DispatchLine(itemCode: "2030101", quantity: 20000)],
                               destinationRegion: "330106003000")
        let sample = try await province.call(GatewayMethods.plan, need)
        let nodesUsed = Set(sample.lines.map(\.node)).count
        let plan = try await RepeatedTiming.measure(repetitions: min(repetitions, 100)) {
            try await province.call(GatewayMethods.plan, need, timeout: .seconds(5))
        }
        print(String(format: "cross-tier plan (400 pumps, 20,000 life jackets to 灵隐街道): %d lines from %d nodes, unmet %d; median %.1f ms, p99 %.1f ms",
                     sample.lines.count, nodesUsed, sample.unmet.count, plan.median, plan.p99))
        try await proposals(province)
        try await indices(province)
        await province.close()
    }

    /// The control-power indices (管控力指数): the province's live index (from the standing summaries,
    /// its 11 cities ranked) and a city's, warm; then a month published at every one of the nodes, timed
    /// (a month never published before, found by asking; each run takes the next one).
    private func indices(_ province: RPCClient) async throws {
        _ = try await province.call(GatewayMethods.index, IndexRequest(), timeout: .seconds(5))
        let live = try await RepeatedTiming.measure(repetitions: repetitions) {
            try await province.call(GatewayMethods.index, IndexRequest(), timeout: .seconds(5))
        }
        let report = try await province.call(GatewayMethods.index, IndexRequest())
        let scores = report.region.map { "\($0.kind.name) \($0.score.map { String(format: "%.1f", $0) } ?? "not scored") (reliability \($0.reliability))" }
        print(String(format: "province index, live and warm (11 cities ranked): median %.2f ms, p99 %.2f ms (%d requests, one at a time); %@",
                     live.median, live.p99, repetitions, scores.joined(separator: ", ")))
        let city = IndexRequest(regionCode: "330100")
        _ = try await province.call(GatewayMethods.index, city, timeout: .seconds(5))
        let cityLive = try await RepeatedTiming.measure(repetitions: repetitions) {
            try await province.call(GatewayMethods.index, city, timeout: .seconds(5))
        }
        print(String(format: "杭州市's index through the province (its 13 counties ranked): median %.2f ms, p99 %.2f ms", cityLive.median, cityLive.p99))

        try await publishMonth(province, while: "every gateway keeping its summary standing after the warm requests")
    }

    /// Publishes a month never published before (found by asking; each run takes the next ones) at every
    /// node, timed.
    private func publishMonth(_ province: RPCClient, while condition: String) async throws {
        var month = (year: 2000, month: 1)
        var text = "2000-01"
        while try await isPublished(province, text) {
            month = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
            text = String(format: "%04d-%02d", month.year, month.month)
        }
        let started = ContinuousClock.now
        let result = try await province.call(GatewayMethods.publishIndices, PublishRequest(month: text), timeout: .seconds(60))
        let elapsed = ContinuousClock.now - started
        print(String(format: "a month's snapshot (%@) at every node, %@: %d regions published (%d already) in %.2f s",
                     text, condition, Int(result.published), Int(result.alreadyPublished),
                     Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    /// Whether the province has `month` published (notFound: not).
    private func isPublished(_ province: RPCClient, _ month: String) async throws -> Bool {
        do {
            _ = try await province.call(GatewayMethods.index, IndexRequest(month: month))
            return true
        } catch let error as RPCError {
            if error.status == .notFound { return false }
            throw error
        }
    }

    /// Incidents reported through the province: proposals of teams (the 581 over the tiers) and materials
    /// (3,685 storage points), then confirmations, each undone afterwards (untimed) so every round starts
    /// from the same teams and stock.
    private func proposals(_ province: RPCClient) async throws {
        let landslide = try await province.call(GatewayMethods.reportIncident, Incident(
            kind: .landslide, title: "灵隐街道山体滑坡（基准测试）", regionCode: "330106003000", severity: .large, responseLevel: .two,
            affected: 300, reporter: "gateway-bench"))
        let fire = try await province.call(GatewayMethods.reportIncident, Incident(
            kind: .forestFire, title: "淳安县石林镇森林火灾（基准测试）", regionCode: "330127102000", severity: .major, responseLevel: .one,
            affected: 50, reporter: "gateway-bench"))
        // Level II (5 teams) at 西湖区: the county and its city. Thirty teams at 淳安县: through the province,
        // whose helicopters fly to the nearest landing field that takes them.
        let asks = [("landslide at 灵隐街道, level II: 5 teams", ProposalRequest(incidentID: landslide.id)),
                    ("landslide at 灵隐街道, 20 teams", ProposalRequest(incidentID: landslide.id, teams: 20)),
                    ("forest fire at 淳安县石林镇, 30 teams", ProposalRequest(incidentID: fire.id, teams: 30))]
        for (label, ask) in asks {
            let sample = try await province.call(GatewayMethods.propose, ask, timeout: .seconds(5))
            let timing = try await RepeatedTiming.measure(repetitions: min(repetitions, 200)) {
                try await province.call(GatewayMethods.propose, ask, timeout: .seconds(5))
            }
            let aviation = sample.teams.filter { $0.team.kind == .aviation }.count
            print(String(format: "proposal, %@: %d teams from %d nodes (%d aviation), %d material lines from %d nodes, %d nodes asked for teams: first %.1f ms, median %.1f ms, p99 %.1f ms",
                         label, sample.teams.count, Set(sample.teams.map(\.node)).count, aviation, sample.materials.lines.count,
                         Set(sample.materials.lines.map(\.node)).count, sample.nodes.count, timing.firstMilliseconds, timing.median, timing.p99))
        }
        let wide = asks[2].1
        let sample = try await province.call(GatewayMethods.propose, wide, timeout: .seconds(5))

        var confirmations: [Double] = []
        for _ in 0..<min(repetitions, 100) {
            let proposal = try await province.call(GatewayMethods.propose, wide, timeout: .seconds(5))
            let started = ContinuousClock.now
            let result = try await province.call(GatewayMethods.confirmProposal, ProposalConfirmRequest(proposal: proposal, requestedBy: "gateway-bench"),
                                                 timeout: .seconds(5))
            confirmations.append((ContinuousClock.now - started).seconds * 1000)
            guard result.confirmed else { throw ValidationError("a confirmation failed: \(result.teams) \(result.materials.orders)") }
            // Undone, untimed: the teams back on standby, the orders cancelled (their stock released).
            for team in result.teams {
                _ = try await province.call(GatewayMethods.release, NodeRelease(
                    node: team.node, release: ReleaseRequest(idempotencyKey: team.idempotencyKey, actor: "gateway-bench")))
            }
            for order in result.materials.orders {
                _ = try await province.call(GatewayMethods.order, NodeOrderRequest(
                    node: order.node, action: .cancel, step: OrderStep(orderID: order.orderID, actor: "gateway-bench")))
            }
        }
        confirmations.sort()
        let median = confirmations[confirmations.count / 2]
        let p99 = confirmations[min(confirmations.count - 1, Int(Double(confirmations.count) * 0.99))]
        print(String(format: "confirming the 30-team proposal (%d teams deployed at %d nodes, %d orders approved): median %.1f ms, p99 %.1f ms (%d confirmations, each undone untimed)",
                     sample.teams.count, Set(sample.teams.map(\.node)).count, Set(sample.materials.lines.map(\.node)).count, median, p99, confirmations.count))
        for incident in [landslide, fire] {
            _ = try await province.call(GatewayMethods.close, IncidentStep(incidentID: incident.id, actor: "gateway-bench", note: "基准测试结束"))
        }
    }

    /// The person the bench acts for: ANLAN_TOKEN (the token, or a file holding it), as
    /// `scripts/province.sh` makes it for its duty officer; nil when it is not set.
    static func credentialFromEnvironment() throws -> RPCCredential? {
        guard let value = ProcessInfo.processInfo.environment["ANLAN_TOKEN"], !value.isEmpty else { return nil }
        return try RPCCredential(tokenOrPath: value)
    }

    /// Mutual TLS as `scripts/province.sh` runs it: the credentials named by ANLAN_PKI and ANLAN_AS
    /// (the script exports them; `330000/duty-room`), or plain TCP when they are not set.
    static func tlsFromEnvironment() throws -> RPCTLS? {
        let environment = ProcessInfo.processInfo.environment
        guard let pki = environment["ANLAN_PKI"], let identity = environment["ANLAN_AS"] else { return nil }
        return try NodeCredentials.load(from: PKIDirectory(pki), name: NodeName(caller: identity)).clientTLS()
    }
}
