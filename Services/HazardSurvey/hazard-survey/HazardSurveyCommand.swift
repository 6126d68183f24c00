import AnlanNode
import AnlanRecords
import AnlanRegions
import ArgumentParser
import Foundation
import HazardSurveyAPI
import HazardSurveyService
import Logging

/// `hazard-survey`: natural-disaster and enterprise risk surveys, hidden hazards tracked to closure.
@main
struct HazardSurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazard-survey",
        abstract: "Anlan hazard-survey: hazard points, enterprises by risk colour, hidden hazards through 发现→交办→整改→督查→销号.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Generate.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")

        @OptionGroup var options: ServeOptions
        @OptionGroup var rules: RuleOptions

        func makeNode(logger: Logger) async throws -> HazardSurveyNode {
            let survey = try HazardSurvey(databasePath: databasePath, regionCode: options.region,
                                          configuration: try rules.configuration(), logger: logger)
            return HazardSurveyNode(survey: survey)
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = HazardSurveyNode
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV file straight into a node's database (any size).",
            discussion: """
                The node may be running: the import is one write transaction, during which the node's own writes \
                wait (up to 5 s, then fail with "database is locked") and its reads go on.
                """)

        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var rules: RuleOptions
        @OptionGroup var file: ImportFileOptions<HazardRecordKind>

        func open(logger: Logger) async throws -> HazardSurvey {
            try HazardSurvey(databasePath: node.database, regionCode: node.region, configuration: try rules.configuration(), logger: logger)
        }

        func load(into survey: HazardSurvey) async throws -> ImportReport { try await file.load(into: survey) }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic demo data (points.csv, enterprises.csv, hidden-hazards.csv) for a region's townships.",
            discussion: "Synthetic, deterministic, plausible — not survey data. For the local mesh, tests and benchmarks.")

        @Option(help: "Region whose townships get the data.") var region: String
        @Option(help: "Hazard points.") var points = 200
        @Option(help: "Enterprises.") var enterprises = 60
        @Option(help: "Hidden hazards.") var hidden = 80
        @Option(help: "Dates count back from this day (YYYY-MM-DD, default today).") var today: String?
        @OptionGroup var files: GenerateOptions

        func run() async throws {
            let data = try SyntheticSurvey(regionCode: region, today: try CivilDay.option(today, "--today") ?? .today)
            let offset = files.seed &* 1000
            try files.write([
                ("points.csv", data.pointsCSV(count: points, seed: offset + 1)),
                ("enterprises.csv", data.enterprisesCSV(count: enterprises, seed: offset + 2)),
                ("hidden-hazards.csv", data.hiddenHazardsCSV(count: hidden, enterprises: enterprises, seed: offset + 3)),
            ])
            print("wrote \(points) points, \(enterprises) enterprises, \(hidden) hidden hazards for \(data.region) to \(files.output)")
        }
    }
}

/// The node's rules as flags (see `HazardSurveyConfiguration` for the defaults and their sources).
struct RuleOptions: ParsableArguments {
    @Option(help: "Risk band names, highest risk first, comma-separated.")
    var riskBands = "I,II,III,IV,V"

    @Option(help: "Days to rectify per supervising tier, e.g. city=60,county=30.")
    var deadlineDays = "province=90,city=60,county=30,township=15"

    @Flag(help: "Refuse to reopen closed hidden hazards.")
    var noReopen = false

    func configuration() throws -> HazardSurveyConfiguration {
        let bands = riskBands.split(separator: ",").map { String($0).trimmed }
        guard !bands.isEmpty, bands.count < 256, !bands.contains("") else { throw ValidationError("--risk-bands: 1…255 non-empty names") }
        var days = HazardSurveyConfiguration.defaults.deadlineDays
        for pair in deadlineDays.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let tier = Tier(name: String(parts[0])), let value = Int(parts[1]), value > 0 else {
                throw ValidationError("--deadline-days: \"\(pair)\" is not tier=days (province, city, county, township)")
            }
            days[tier] = value
        }
        return HazardSurveyConfiguration(riskBands: bands, deadlineDays: days, reopenAllowed: !noReopen)
    }
}
