import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanRegions
import ArgumentParser
import BenchTiming
import EvacuationAPI
import EvacuationService
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Measures evacuation at a county node's scale against a real SQLite file (WAL, synchronous=FULL):
/// CSV import, a red warning over a whole city creating the county's transfer tasks, and scans over
/// the wire (the real server and client in this process, each scan on disk before it is answered),
/// one at a time and many in flight. Prints figures; asserts nothing. Run with scripts/bench.sh evacuation.
@main
struct EvacuationBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evacuation-bench",
                                                    abstract: "evacuation import, warning, scan and statistics figures.")

    @Option(help: "Coded people at the county (西湖区 330106).") var people = 20_000
    @Option(help: "Rows of the separate import-rate run.") var importRows = 200_000
    @Option(help: "Sequential scans timed one at a time.") var scans = 3000
    @Option(help: "Scans in flight in the throughput run.") var inFlight = 32

    func run() async throws {
        let dir = NSTemporaryDirectory() + "evacuation-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var logger = Logger(label: "evacuation-bench")
        logger.logLevel = .warning
        let townships = try RegionTree.zhejiang.leaves(under: "330106").map(\.code)

        // Import rate: a large file into a fresh database (the province node's scale of rows).
        let big = try Evacuation(databasePath: dir + "/import.sqlite", regionCode: "330000", logger: logger)
        let allTownships = RegionTree.zhejiang.regions(at: .township).map(\.code)
        let file = csv(rows: importRows, townships: allTownships)
        var started = ContinuousClock.now
        let report = try await big.importCSV(.people, bytes: Array(file.utf8), source: "bench")
        let importSeconds = (ContinuousClock.now - started).seconds
        print(String(format: "import: %lld people in %.2f s = %.0f rows/s (%lld rejected)",
                     report.inserted, importSeconds, Double(report.inserted) / importSeconds, Int64(report.rejected.count)))

        // The county: its people, shelters, and a red typhoon warning over all of 杭州市.
        let county = try Evacuation(databasePath: dir + "/county.sqlite", regionCode: "330106", logger: logger)
        _ = try await county.importCSV(.people, bytes: Array(csv(rows: people, townships: townships).utf8), source: "bench")
        var shelters = "id,region_code,name,latitude,longitude,kind,capacity\n"
        for (n, township) in townships.enumerated() {
            let point = try RegionTree.zhejiang.location(of: township).coordinate
            shelters += "S-\(n),\(township),安置点\(n),\(point.latitude),\(point.longitude),school,\(people)\n"
        }
        _ = try await county.importCSV(.shelters, bytes: Array(shelters.utf8), source: "bench")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        started = ContinuousClock.now
        let warning = try await county.issueWarning(Warning(id: "W-CITY", issuerRegion: "330100", regionCodes: ["330100"],
                                                            hazard: .typhoon, level: .red, leadTimeHours: 24,
                                                            validToMilliseconds: now + 48 * 3_600_000))
        print(String(format: "red warning over 杭州市 at the county: %lld transfer tasks in %.3f s",
                     warning.tasksCreated, (ContinuousClock.now - started).seconds))

        var codes: [String] = []
        var cursor = ""
        repeat {
            let page = try await county.worklist(WorklistRequest(limit: 1000, cursor: cursor))
            codes += page.records.map(\.transferCode)
            cursor = page.nextCursor
        } while !cursor.isEmpty

        var router = RPCRouter.forNode()
        EvacuationNode(evacuation: county).register(into: &router)
        let server = RPCServer(configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await server.port))
            // One at a time: confirm (叫应) for the first `scans` people.
            var next = 0
            let sequential = try await RepeatedTiming.measure(repetitions: min(scans, codes.count - 1)) {
                defer { next += 1 }
                return try await client.call(EvacuationMethods.scan, ScanRequest(transferCode: codes[next], action: .confirm, actor: "bench")).state
            }
            print(String(format: "scan over the wire, one at a time: median %.3f ms, p99 %.3f ms (%d scans)",
                          sequential.median, sequential.p99, min(scans, codes.count - 1)))

            // Many in flight: move everyone to a shelter, `inFlight` callers at once.
            let remaining = codes
            let counter = Counter()
            let each = remaining.count / inFlight
            started = ContinuousClock.now
            let concurrent = try await RepeatedTiming.measureConcurrent(callers: inFlight, each: each) {
                let index = counter.next()
                _ = try await client.call(EvacuationMethods.scan, ScanRequest(transferCode: remaining[index], action: .move,
                                                                              shelterID: "S-\(index % townships.count)", actor: "bench"))
            }
            let seconds = (ContinuousClock.now - started).seconds
            print(String(format: "scans, %d in flight: %.0f scans/s, median %.3f ms, p99 %.3f ms (%d scans)",
                          inFlight, Double(each * inFlight) / seconds, concurrent.median, concurrent.p99, each * inFlight))

            let statistics = try await RepeatedTiming.measure(repetitions: 200) {
                try await client.call(EvacuationMethods.statistics, StatisticsQuery()).moved
            }
            let s = try await client.call(EvacuationMethods.statistics, StatisticsQuery())
            print(String(format: "statistics of the county over the wire: median %.3f ms, p99 %.3f ms (to move %lld, moved %lld, sheltered %lld)",
                          statistics.median, statistics.p99, s.toMove, s.moved, s.sheltered))
            await client.close()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// `rows` coded people over `townships`, every fifth vulnerable, valid ID numbers.
    func csv(rows: Int, townships: [String]) -> String {
        var writer = CSVWriter()
        writer.write(["name", "national_id", "phone", "region_code", "village", "risk_kind", "needs", "cadre"])
        let kinds = ["geological", "flash-flood", "urban-flooding", "coastal", "worksite"]
        for n in 0..<rows {
            let body = "330106" + String(1940 + n % 70) + String(format: "%02d", 1 + n % 12) + String(format: "%02d", 1 + n % 28)
                + String(format: "%03d", n % 1000)
            writer.write(["村民\(n)", body + String(NationalID.checkCharacter(for: body)!), "138\(String(format: "%08d", n))",
                          townships[n % townships.count], "村\(n % 17)", kinds[n % kinds.count], n % 5 == 0 ? "elderly" : "",
                          "干部\(n % 97)"])
        }
        return writer.text
    }
}

/// Hands out 0, 1, 2, … to concurrent callers.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
