import AnlanNode
import AnlanRecords
import AnlanRegions
import ArgumentParser
import Foundation
import Logging
import MaterialReserveAPI
import MaterialReserveService

/// `material-reserve`: storage points, the stock ledger, dispatch orders and local dispatch planning.
@main
struct MaterialReserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "material-reserve",
        abstract: "Anlan material-reserve: storage points, the stock ledger, dispatch orders, nearest-first planning.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Generate.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @Option(help: "Assumed road speed for ETAs, km/h.") var roadSpeed = 40.0
        @Option(help: "Loading time before leaving, hours.") var loadingHours = 0.5
        @Option(help: "Arrival target when a plan request gives none, hours.") var targetHours = 3.0

        func validate() throws {
            guard roadSpeed > 0, roadSpeed.isFinite else { throw ValidationError("--road-speed must be positive") }
            guard loadingHours >= 0, loadingHours.isFinite else { throw ValidationError("--loading-hours must be ≥ 0") }
            guard targetHours > 0, targetHours.isFinite else { throw ValidationError("--target-hours must be positive") }
        }

        func makeNode(logger: Logger) async throws -> MaterialReserveNode {
            let reserve = try MaterialReserve(databasePath: databasePath, regionCode: options.region, logger: logger)
            let planner = DispatchPlanner(roadSpeedKilometresPerHour: roadSpeed, loadingHours: loadingHours, defaultTargetHours: targetHours)
            return MaterialReserveNode(reserve: reserve, planner: planner)
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = MaterialReserveNode
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV file straight into a node's database.",
            discussion: """
                The node may be running: the import is one write transaction, during which the node's own writes \
                wait (up to 5 s, then fail with "database is locked") and its reads go on.
                """)

        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var file: ImportFileOptions<ReserveRecordKind>

        func open(logger: Logger) async throws -> MaterialReserve {
            try MaterialReserve(databasePath: node.database, regionCode: node.region, logger: logger)
        }

        func load(into reserve: MaterialReserve) async throws -> ImportReport { try await file.load(into: reserve) }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic demo data (profiles.csv, storage-points.csv, stock.csv) for a region.",
            discussion: "Synthetic, deterministic, plausible — not reserve data. For the local mesh, tests and benchmarks.")

        @Option(help: "Region whose counties and townships get the data.") var region: String
        @Option(help: "Expiry dates count from this day (YYYY-MM-DD, default today).") var today: String?
        @OptionGroup var files: GenerateOptions
        @Option(help: "Village stores per township on average (1.6454 gives Zhejiang's 3,685 storage points).") var villageStores = 0.0
        @Option(help: "Units each village store holds.") var villageUnits = 0

        func run() async throws {
            let data = try SyntheticReserve(regionCode: region, today: try CivilDay.option(today, "--today") ?? .today,
                                            villageStoresPerTownship: villageStores, unitsPerVillageStore: villageUnits)
            try files.write(try data.files(seed: files.seed).map { ($0.name, $0.csv) })
            print("wrote profiles.csv, storage-points.csv and stock.csv for \(data.region) to \(files.output)")
        }
    }
}
