import AnlanNode
import AnlanRecords
import ArgumentParser
import Foundation
import Logging
import TrainingRecordsAPI
import TrainingRecordsService

/// `training-records`: who was trained, whether it counts, and coverage against targets.
@main
struct TrainingRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-records",
        abstract: "Anlan training-records: people, courses, attendance, certificates, statutory hours and coverage.",
        subcommands: [Serve.self, Import.self, ShowPerson.self, Probe.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @Option(help: "Month and day the flood season starts (MM-DD).") var floodSeasonStarts = "04-15"

        func run() async throws {
            let parts = floodSeasonStarts.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, CivilDay(year: 2000, month: parts[0], day: parts[1]) != nil else {
                throw ValidationError("--flood-season-starts must be MM-DD")
            }
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
            let records = try TrainingRecords(databasePath: options.database ?? "training-records-\(options.region).sqlite", regionCode: options.region,
                                              configuration: TrainingConfiguration(floodSeasonStarts: (parts[0], parts[1])), logger: logger)
            try await NodeServer.run(TrainingRecordsNode(records: records), options: options, logger: logger)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import people or attendance straight into a node's database.")
        @Option(help: "The node's SQLite database file.") var database: String
        @Option(help: "The node's region code.") var region: String
        @Option(help: "people or attendance.") var kind: String
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let kind = try TrainingRecordKind.parse(kind)
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = .warning
            let records = try TrainingRecords(databasePath: database, regionCode: region, logger: logger)
            let started = ContinuousClock.now
            let report = try await records.importCSV(kind, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))), source: file)
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            print(report.summary)
            print(String(format: "%.2f s, %.0f rows/s", seconds, Double(report.rows) / max(seconds, 0.001)))
            if !report.rejected.isEmpty { throw ExitCode(3) }
        }
    }

    /// The one place a full national ID number is shown: on the node's own machine, from its database.
    struct ShowPerson: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person with the full national ID number (reads the node's database; never over the wire).")
        @Option(help: "The node's SQLite database file.") var database: String
        @Option(help: "The node's region code.") var region: String
        @Argument var id: String

        func run() async throws {
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = .warning
            let person = try await TrainingRecords(databasePath: database, regionCode: region, logger: logger).unmaskedPerson(id: id)
            print("\(person.id) \(person.name) \(person.nationalID) \(person.role.name) \(person.regionCode)\(person.village.isEmpty ? "" : " " + person.village)")
        }
    }
}
