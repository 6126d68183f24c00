import AnlanRPC
import ArgumentParser
import BenchTiming
import Foundation
import GatewayAPI
import MaterialReserveAPI

/// Measures a running whole-province mesh (scripts/province.sh start) through the province's gateway,
/// over the wire: the province summary warm, the answer's time with one county's gateway frozen
/// (SIGSTOP), and cross-tier dispatch plans. Prints figures; asserts nothing. Run with
/// `scripts/bench.sh gateway`.
@main
struct GatewayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gateway-bench",
                                                    abstract: "Gateway figures against a running whole-province mesh.")

    @Option(help: "The province gateway's port.") var port = 20600
    @Option(help: "Repetitions of each query.") var repetitions = 200
    @Option(help: "Pid of the process serving one county's gateway, to freeze (0: skip that figure).") var freezePid: Int32 = 0
    @Option(help: "The deadline of summaries with a county cut off, ms.") var deadline = 500

    func run() async throws {
        let province = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: port, defaultTimeout: .seconds(10)))
        let first = try await province.call(GatewayMethods.summary, SummaryRequest())
        let nodes = first.coverage.map { "tier \($0.tier) \($0.reporting)/\($0.expected)" }.joined(separator: ", ")
        print("province summary: coverage \(nodes)")

        let summary = try await RepeatedTiming.measure(repetitions: repetitions) {
            try await province.call(GatewayMethods.summary, SummaryRequest(), timeout: .seconds(2))
        }
        print(String(format: "province summary, warm: first %.2f ms, median %.2f ms, p99 %.2f ms (%d requests, one at a time)",
                     summary.firstMilliseconds, summary.median, summary.p99, repetitions))

        let concurrent = try await RepeatedTiming.measureConcurrent(callers: 8, each: repetitions / 8) {
            _ = try await province.call(GatewayMethods.summary, SummaryRequest(), timeout: .seconds(2))
        }
        print(String(format: "province summary, 8 callers at once: median %.2f ms, p99 %.2f ms", concurrent.median, concurrent.p99))

        if freezePid != 0 {
            kill(freezePid, SIGSTOP)
            defer { kill(freezePid, SIGCONT) }
            var worst = 0.0
            var answer = RegionSummary()
            for _ in 0..<10 {
                let started = ContinuousClock.now
                answer = try await province.call(GatewayMethods.summary, SummaryRequest(), timeout: .milliseconds(deadline))
                worst = max(worst, (ContinuousClock.now - started).seconds * 1000)
                try await Task.sleep(for: .milliseconds(1100))  // past the coalescing window: a new fan-out each time
            }
            let coverage = answer.coverage.map { "tier \($0.tier) \($0.reporting)/\($0.expected)" }.joined(separator: ", ")
            print(String(format: "one county's gateway frozen, deadline %d ms: slowest of 10 answers %.1f ms (deadline + %.1f ms); coverage %@",
                         deadline, worst, worst - Double(deadline), coverage))
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
        await province.close()
    }
}
