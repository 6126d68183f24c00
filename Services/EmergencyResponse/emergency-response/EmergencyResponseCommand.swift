import AnlanNode
import AnlanRecords
import ArgumentParser
import EmergencyResponseAPI
import EmergencyResponseService
import Foundation
import Logging

/// `emergency-response`: rescue teams, incidents and their timelines, deployments (应急救援).
@main
struct EmergencyResponseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency-response",
        abstract: "Anlan emergency response: rescue teams, incidents, deployments.",
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Generate.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions

        func makeNode(logger: Logger) async throws -> EmergencyResponseNode {
            EmergencyResponseNode(response: try EmergencyResponse(databasePath: databasePath, regionCode: options.region, logger: logger))
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = EmergencyResponseNode
        static let configuration = CommandConfiguration(abstract: "Import teams or equipment kinds straight into a node's database.")
        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var file: ImportFileOptions<EmergencyRecordKind>

        func open(logger: Logger) async throws -> EmergencyResponse {
            try EmergencyResponse(databasePath: node.database, regionCode: node.region, logger: logger)
        }

        func load(into response: EmergencyResponse) async throws -> ImportReport {
            try await file.load(into: response)
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic rescue teams (teams.csv) commanded by a region's node.",
            discussion: """
                Synthetic, deterministic, plausible — not a register. Generated for the province, every city \
                and every county, the teams add up to Zhejiang's 581 (132 fire-rescue, 188 professional, \
                248 social, 13 aviation); townships command none.
                """)

        @Option(help: "Region whose node commands the teams.") var region: String
        @OptionGroup var files: GenerateOptions

        func run() async throws {
            let data = try SyntheticTeams(regionCode: region)
            let teams = data.teams(seed: files.seed)
            try files.write([("teams.csv", SyntheticTeams.csv(teams))])
            let byKind = TeamKind.allCases.compactMap { kind -> String? in
                let count = teams.filter { $0.kind == kind }.count
                return count == 0 ? nil : "\(count) \(kind.name)"
            }
            print("wrote \(teams.count) teams (\(byKind.isEmpty ? "none" : byKind.joined(separator: ", "))) for \(data.region) to \(files.output)")
        }
    }
}
