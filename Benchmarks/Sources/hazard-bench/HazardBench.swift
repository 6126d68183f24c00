import AnlanNode
import AnlanRPC
import BenchTiming
import AnlanRecords
import ArgumentParser
import Foundation
import HazardSurveyAPI
import HazardSurveyService
import Logging
import ServiceLifecycle

/// Measures hazard-survey's storage at survey scale, in-process against a real SQLite file (WAL,
/// synchronous=FULL), the same code the service runs:
/// - bulk CSV import of hazard points (and enterprises, hidden hazards) over the whole province;
/// - statistics for a county, a city and the province subtree;
/// - one page of overdue hidden hazards for a county, a city and the province.
/// Prints figures; asserts nothing. Run with scripts/bench.sh hazard.
@main
struct HazardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hazard-bench",
                                                    abstract: "hazard-survey import, statistics and overdue-list figures.")

    @Option(help: "Hazard points to import.") var points = 1_000_000
    @Option(help: "Enterprises to import.") var enterprises = 100_000
    @Option(help: "Hidden hazards to import.") var hidden = 200_000
    @Option(help: "Repetitions of each query (the median and p99 are printed).") var repetitions = 200
    @Option(help: "Directory for the database and the CSV files (default: a new temporary one).") var directory: String?

    func run() async throws {
        let dir = directory ?? NSTemporaryDirectory() + "hazard-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: dir) } }
        var logger = Logger(label: "hazard-bench")
        logger.logLevel = .warning
        let today = CivilDay("2026-11-23")!
        let survey = try HazardSurvey(databasePath: dir + "/hazard.sqlite", regionCode: "330000",
                                      configuration: HazardSurveyConfiguration(today: { today }), logger: logger)

        print("generating \(points) points, \(enterprises) enterprises, \(hidden) hidden hazards over Zhejiang's 1,359 townships…")
        let data = try SyntheticSurvey(regionCode: "330000", today: today)
        let files: [(HazardRecordKind, [UInt8])] = [
            (.enterprises, Array(data.enterprisesCSV(count: enterprises).utf8)),
            (.points, Array(data.pointsCSV(count: points).utf8)),
            (.hiddenHazards, Array(data.hiddenHazardsCSV(count: hidden, enterprises: enterprises).utf8)),
        ]

        print("\nimport (one transaction per file, CSV parsing and validation included)")
        print("kind            rows        seconds   rows/s     MiB")
        for (kind, bytes) in files {
            let started = ContinuousClock.now
            let report = try await survey.importCSV(kind, bytes: bytes, source: kind.name)
            let seconds = (ContinuousClock.now - started).seconds
            precondition(report.rejected.isEmpty, "generated data was rejected: \(report.rejected.prefix(3))")
            print(pad(kind.name, 16) + pad("\(report.rows)", 12) + pad(String(format: "%.2f", seconds), 10)
                  + pad(String(format: "%.0f", Double(report.rows) / seconds), 11) + String(format: "%.1f", Double(bytes.count) / 1_048_576))
        }

        // Some hidden hazards move through the loop so that closed and on-time counts are not empty.
        for n in stride(from: 1, through: min(hidden, 8_000), by: 4) {
            for (action, evidence) in [(HiddenHazardAction.assign, ""), (.rectify, "r"), (.inspect, ""), (.close, "c")] {
                _ = try await survey.transition(TransitionRequest(id: "HH-\(n)", action: action, actor: "bench", evidence: evidence))
            }
        }

        let regions = [("county 西湖区", "330106"), ("city 杭州市", "330100"), ("province", "330000")]
        print("\nstatistics (subtree; \(repetitions) runs each, after one warm-up)")
        print("region          points in subtree   median ms   p99 ms   first ms")
        for (name, code) in regions {
            // Counted every time: `statistics` keeps its answer until the data changes.
            let times = try await RepeatedTiming.measure(repetitions: repetitions) {
                try await survey.countStatistics(StatisticsRequest(regionCode: code), day: today).hazardPoints
            }
            let count = try await survey.statistics(StatisticsRequest(regionCode: code)).hazardPoints
            print(pad(name, 16) + pad("\(count)", 20) + pad(String(format: "%.3f", times.median), 12)
                  + pad(String(format: "%.3f", times.p99), 9) + String(format: "%.3f", times.firstMilliseconds))
        }

        print("\noverdue hidden hazards, one page of 50 (\(repetitions) runs each)")
        print("region          overdue in subtree   median ms   p99 ms   first ms")
        for (name, code) in regions {
            let times = try await RepeatedTiming.measure(repetitions: repetitions) {
                try await survey.hiddenHazards(HazardQuery(regionCode: code, overdueOnly: true, limit: 50)).records.count
            }
            let overdue = try await survey.statistics(StatisticsRequest(regionCode: code)).hiddenHazards.overdue
            print(pad(name, 16) + pad("\(overdue)", 21) + pad(String(format: "%.3f", times.median), 12)
                  + pad(String(format: "%.3f", times.p99), 9) + String(format: "%.3f", times.firstMilliseconds))
        }
        try await overTheWire(survey, regions: regions, logger: logger)

        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/hazard.sqlite")[.size] as? Int) ?? 0
        print("\ndatabase file: \(size / 1_048_576) MiB")
    }

    /// The same queries as a client sees them: the service on the real `RPCServer` (port 0, loopback)
    /// and an `RPCClient` in this process.
    func overTheWire(_ survey: HazardSurvey, regions: [(String, String)], logger: Logger) async throws {
        var router = RPCRouter.forNode()
        HazardSurveyNode(survey: survey).register(into: &router)
        let server = RPCServer(configuration: RPCServerConfiguration(), router: router, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await server.port))
            print("\nover the wire (RPCServer and RPCClient on loopback; \(repetitions) runs each; median / p99 ms)")
            print("region          statistics (kept)   overdue page of 50")
            for (name, code) in regions {
                let stats = try await RepeatedTiming.measure(repetitions: repetitions) {
                    try await client.call(HazardSurveyMethods.statistics, StatisticsRequest(regionCode: code)).hazardPoints
                }
                let overdue = try await RepeatedTiming.measure(repetitions: repetitions) {
                    try await client.call(HazardSurveyMethods.listHidden,
                                          HazardQuery(regionCode: code, overdueOnly: true, limit: 50)).records.count
                }
                print(pad(name, 16) + pad(String(format: "%.3f / %.3f", stats.median, stats.p99), 20)
                      + String(format: "%.3f / %.3f", overdue.median, overdue.p99))
            }
            await client.close()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
