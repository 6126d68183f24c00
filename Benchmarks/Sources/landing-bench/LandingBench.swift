import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanRegions
import ArgumentParser
import AviationLandingAPI
import AviationLandingService
import BenchTiming
import Foundation
import Logging
import ServiceLifecycle

/// Measures aviation-landing-points at 100,000 points over Zhejiang, against a real SQLite file (WAL,
/// synchronous=FULL): nearest-10 inside the service, nearest-10 over the wire on loopback (the real
/// server and client in this process), coverage of all 1,359 townships. Prints figures; asserts
/// nothing. Run with scripts/bench.sh landing.
@main
struct LandingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "landing-bench",
                                                    abstract: "aviation-landing-points nearest-point and coverage figures.")

    @Option(help: "Landing points.") var points = 100_000
    @Option(help: "Repetitions of each query.") var repetitions = 5000

    func run() async throws {
        let dir = NSTemporaryDirectory() + "landing-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var logger = Logger(label: "landing-bench")
        logger.logLevel = .warning
        let register = try AviationLanding(databasePath: dir + "/landing.sqlite", regionCode: "330000", logger: logger)

        // Points scattered around the real townships (within about 10 km of each one's point), a fifth
        // of them restricted or out of service, classes mixed.
        var random = SplitMix64(seed: 2026)
        let codes = RegionTree.zhejiang.regions(at: .township).map(\.code)
        let townships = try codes.map { try RegionTree.zhejiang.location(of: $0).coordinate }
        var writer = CSVWriter()
        writer.write(["id", "name", "region", "lat", "lon", "kind", "status", "status_reason", "largest_class"])
        for n in 0..<points {
            let township = Int(random.next() % UInt64(townships.count))
            let centre = townships[township]
            let status = ["available", "available", "available", "available", "restricted", "out-of-service"][Int(random.next() % 6)]
            writer.write(["LP-\(n)", "起降点\(n)", codes[township], String(centre.latitude + random.unit(-0.09, 0.09)),
                          String(centre.longitude + random.unit(-0.1, 0.1)), "temporary-field", status,
                          status == "available" ? "" : "bench", ["light", "medium", "heavy"][Int(random.next() % 3)]])
        }
        let started = ContinuousClock.now
        let report = try await register.importCSV(.points, bytes: Array(writer.text.utf8), source: "bench")
        print(String(format: "import: %lld points in %.2f s", report.inserted, (ContinuousClock.now - started).seconds))

        // Query places: near random townships, a few km off.
        let queries = (0..<1024).map { _ in
            let centre = townships[Int(random.next() % UInt64(townships.count))]
            return NearestRequest(latitude: centre.latitude + random.unit(-0.05, 0.05), longitude: centre.longitude + random.unit(-0.05, 0.05), limit: 10)
        }
        var next = 0
        let inService = try await RepeatedTiming.measure(repetitions: repetitions) {
            next += 1
            return try await register.nearest(queries[next % queries.count]).points.count
        }
        print(String(format: "nearest 10, in the service:   median %.3f ms, p99 %.3f ms", inService.median, inService.p99))
        let byID = try await RepeatedTiming.measure(repetitions: repetitions) {
            next += 1
            return try await register.point(id: "LP-\(next % points)").id
        }
        print(String(format: "one point by id (baseline):   median %.3f ms, p99 %.3f ms", byID.median, byID.p99))
        var heavy = queries[0]
        heavy.minimumClass = .heavy
        let filtered = try await RepeatedTiming.measure(repetitions: repetitions) {
            next += 1
            heavy.latitude = queries[next % queries.count].latitude
            heavy.longitude = queries[next % queries.count].longitude
            return try await register.nearest(heavy).points.count
        }
        print(String(format: "nearest 10 heavy-capable:     median %.3f ms, p99 %.3f ms", filtered.median, filtered.p99))

        let coverage = try await RepeatedTiming.measure(repetitions: 20) { try await register.coverage(CoverageRequest()).covered }
        let covered = try await register.coverage(CoverageRequest())
        print(String(format: "coverage, 1,359 townships:    median %.1f ms, p99 %.1f ms (%lld covered within 15 km)",
                     coverage.median, coverage.p99, covered.covered))

        // Over the wire: the node's router on the real server, a real client, one connection, sequential.
        var router = RPCRouter.forNode()
        AviationLandingNode(register: register).register(into: &router)
        let server = RPCServer(configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let client = RPCClient(configuration: RPCClientConfiguration(host: "127.0.0.1", port: try await server.port))
            let wire = try await RepeatedTiming.measure(repetitions: repetitions) {
                next += 1
                return try await client.call(AviationLandingMethods.nearest, queries[next % queries.count]).points.count
            }
            print(String(format: "nearest 10, over the wire:    median %.3f ms, p99 %.3f ms", wire.median, wire.p99))
            await client.close()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
