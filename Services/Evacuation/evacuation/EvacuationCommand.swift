import AnlanNode
import AnlanRecords
import ArgumentParser
import EvacuationAPI
import EvacuationService
import Foundation
import Logging

/// `evacuation`: warnings, coded people in risk zones, and their transfer to shelters (预警 → 一码转移 → 安置).
@main
struct EvacuationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evacuation",
        abstract: "Anlan evacuation: warnings, coded people in risk zones, transfer to shelters.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Generate.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @OptionGroup var rules: TransferRuleOptions

        func makeNode(logger: Logger) async throws -> EvacuationNode {
            EvacuationNode(evacuation: try Evacuation(databasePath: databasePath, regionCode: options.region,
                                                      configuration: try rules.configuration(), logger: logger))
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = EvacuationNode
        static let configuration = CommandConfiguration(abstract: "Import coded people or shelters straight into a node's database.")
        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var file: ImportFileOptions<EvacuationRecordKind>

        func open(logger: Logger) async throws -> Evacuation {
            try Evacuation(databasePath: node.database, regionCode: node.region, logger: logger)
        }

        func load(into evacuation: Evacuation) async throws -> ImportReport {
            try await file.load(into: evacuation)
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic coded people and shelters (people.csv, shelters.csv) for a region's townships.",
            discussion: """
                Synthetic, deterministic, plausible — not a register. The people of each township are those \
                `hazard-survey generate` with the same --points registers for transfer at its points (about \
                0.53 a point), each on one of those points; give the same --points as hazard-survey's.
                """)

        @Option(help: "Region whose townships get the data.") var region: String
        @Option(help: "Hazard points hazard-survey generated for the region (its --points).") var points = 200
        @Option(help: "Ages count back from this day (YYYY-MM-DD, default today).") var today: String?
        @OptionGroup var files: GenerateOptions

        func run() async throws {
            let data = try SyntheticEvacuation(regionCode: region, today: try CivilDay.option(today, "--today") ?? .today)
            let townships = data.townships(points: points, seed: files.seed)
            try files.write([
                ("people.csv", SyntheticEvacuation.peopleCSV(townships)),
                ("shelters.csv", SyntheticEvacuation.sheltersCSV(townships)),
            ])
            let people = townships.reduce(0) { $0 + $1.people.count }
            let shelters = townships.flatMap(\.shelters)
            print("wrote \(people) coded people, \(shelters.count) shelters (\(shelters.reduce(0) { $0 + $1.capacity }) places) "
                  + "over \(townships.count) townships for \(data.region) to \(files.output)")
        }
    }
}

/// Which warning levels move whom (defaults in `EvacuationConfiguration`).
struct TransferRuleOptions: ParsableArguments {
    @Option(help: "Levels that move everyone exposed, comma-separated.") var transferEveryone = "red,orange"
    @Option(help: "Levels that move the vulnerable only, comma-separated.") var transferVulnerable = "yellow"

    func configuration() throws -> EvacuationConfiguration {
        func levels(_ text: String) throws -> Set<WarningLevel> {
            do {
                return Set(try text.split(separator: ",").map { try WarningLevel.parse($0) })
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return EvacuationConfiguration(transferEveryone: try levels(transferEveryone), transferVulnerable: try levels(transferVulnerable))
    }
}
