import AnlanNode
import AnlanRecords
import ArgumentParser
import AviationLandingAPI
import AviationLandingService
import Foundation
import Logging

/// `aviation-landing-points`: the register of helicopter landing points, their compliance and coverage.
@main
struct AviationLandingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aviation-landing-points",
        abstract: "Anlan aviation-landing-points: helicopter landing points, compliance, inspections, nearest points, coverage.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @OptionGroup var rules: RuleOptions

        func makeNode(logger: Logger) async throws -> AviationLandingNode {
            let register = try AviationLanding(databasePath: databasePath, regionCode: options.region,
                                               configuration: rules.configuration, logger: logger)
            return AviationLandingNode(register: register)
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = AviationLandingNode
        static let configuration = CommandConfiguration(
            abstract: "Import landing points straight into a node's database.",
            discussion: """
                --kind points reads the register's columns; --kind ourairports reads an OurAirports export with a \
                zhejiang_county_code column. --shipped imports the bundled heliports-china.csv (OurAirports, public domain).
                """)
        @OptionGroup var node: LocalNodeOptions
        @Option(help: "points or ourairports.") var kind = "points"
        @Flag(help: "Import the shipped example set (heliports-china.csv).") var shipped = false
        @Argument(help: "The CSV file.") var file: String?

        func validate() throws {
            guard shipped != (file != nil) else { throw ValidationError("give a file or --shipped, not both or neither") }
        }

        func open(logger: Logger) async throws -> AviationLanding {
            try AviationLanding(databasePath: node.database, regionCode: node.region, logger: logger)
        }

        func load(into register: AviationLanding) async throws -> ImportReport {
            guard let file else { return try await register.importShippedHeliports() }
            return try await register.importCSV(try LandingRecordKind.parse(kind), bytes: Array(Data(contentsOf: URL(fileURLWithPath: file))),
                                                source: file)
        }

        /// The shipped set holds sites outside any one node's region: those are rejected rows, not a failure.
        var failsOnRejectedRows: Bool { !shipped }
    }
}

/// The node's rules as flags (defaults in `LandingConfiguration`).
struct RuleOptions: ParsableArguments {
    @Option(help: "Months after which a point is due for inspection.") var inspectionMonths = 12
    @Option(help: "Coverage distance, km: a township is covered with a usable point this close.") var coverageKm = 15.0
    @Option(help: "New landing points the province plans a year.") var annualTarget = 80

    func validate() throws {
        guard (1...120).contains(inspectionMonths) else { throw ValidationError("--inspection-months must be 1…120") }
        guard coverageKm > 0, coverageKm <= 1000 else { throw ValidationError("--coverage-km must be in (0, 1000]") }
        guard annualTarget >= 0 else { throw ValidationError("--annual-target must be ≥ 0") }
    }

    var configuration: LandingConfiguration {
        LandingConfiguration(inspectionIntervalMonths: inspectionMonths, coverageKilometres: coverageKm, annualTarget: annualTarget)
    }
}
