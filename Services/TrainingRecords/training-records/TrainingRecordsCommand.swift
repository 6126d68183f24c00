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
        subcommands: [Serve.self, ServeGroup<Serve>.self, Import.self, Generate.self, ShowPerson.self, Probe.self])

    struct Serve: NodeServeCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @OptionGroup var season: SeasonOptions

        func makeNode(logger: Logger) async throws -> TrainingRecordsNode {
            let records = try TrainingRecords(databasePath: options.database ?? "training-records-\(options.region).sqlite", regionCode: options.region,
                                              configuration: season.configuration, logger: logger)
            return TrainingRecordsNode(records: records)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import people or attendance straight into a node's database.")
        @Option(help: "The node's SQLite database file.") var database: String
        @Option(help: "The node's region code.") var region: String
        @Option(help: "people or attendance.") var kind: String
        @OptionGroup var season: SeasonOptions
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            let kind = try TrainingRecordKind.parse(kind)
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = .warning
            let records = try TrainingRecords(databasePath: database, regionCode: region, configuration: season.configuration, logger: logger)
            let started = ContinuousClock.now
            let report = try await records.importCSV(kind, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))), source: file)
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            print(report.summary)
            print(String(format: "%.2f s, %.0f rows/s", seconds, Double(report.rows) / max(seconds, 0.001)))
            if !report.rejected.isEmpty { throw ExitCode(3) }
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seed a node's database with the demo courses and sessions, and write synthetic people.csv and attendance.csv.",
            discussion: "Synthetic, deterministic, plausible — not training data. For the local mesh, tests and benchmarks.")
        @Option(help: "The node's SQLite database file (courses and sessions are written into it).") var database: String
        @Option(help: "Region whose townships get the people.") var region: String
        @Option(help: "People.") var people = 2000
        @Option(help: "Attendance records.") var attendance = 6000
        @Option(help: "Seed (the same seed gives the same files).") var seed: UInt64 = 1
        @Option(help: "Directory to write into.") var output = "."
        @OptionGroup var season: SeasonOptions

        func run() async throws {
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = .warning
            let records = try TrainingRecords(databasePath: database, regionCode: region, configuration: season.configuration, logger: logger)
            let data = try SyntheticTraining(regionCode: region, today: .today)
            for course in SyntheticTraining.courses { try await records.putCourse(course) }
            for session in data.sessions() { try await records.putSession(session) }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try data.peopleCSV(count: people, seed: seed).write(toFile: "\(output)/people.csv", atomically: true, encoding: .utf8)
            try data.attendanceCSV(count: attendance, people: people, seed: seed &+ 1)
                .write(toFile: "\(output)/attendance.csv", atomically: true, encoding: .utf8)
            print("seeded \(SyntheticTraining.courses.count) courses and their sessions; wrote \(people) people and \(attendance) attendances for \(data.region) to \(output)")
        }
    }

    /// The one place a full national ID number is shown: on the node's own machine, from its database.
    struct ShowPerson: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person with the full national ID number (reads the node's database; never over the wire).")
        @Option(help: "The node's SQLite database file.") var database: String
        @Option(help: "The node's region code.") var region: String
        @OptionGroup var season: SeasonOptions
        @Argument var id: String

        func run() async throws {
            var logger = Logger(label: "anlan.training-records")
            logger.logLevel = .warning
            let person = try await TrainingRecords(databasePath: database, regionCode: region, configuration: season.configuration,
                                                   logger: logger).unmaskedPerson(id: id)
            print("\(person.id) \(person.name) \(person.nationalID) \(person.role.name) \(person.regionCode)\(person.village.isEmpty ? "" : " " + person.village)")
        }
    }
}

/// The flood season's start, taken by every command that opens the database (the stored derivations
/// depend on it). Given, a different one makes the node derive everyone again; left out, the one the
/// database holds stands (04-15 for a new one).
struct SeasonOptions: ParsableArguments {
    @Option(help: "Month and day the flood season starts (MM-DD; not 02-29; default: the database's, 04-15 for a new one).")
    var floodSeasonStarts: String?

    func validate() throws {
        guard floodSeasonStarts.map({ TrainingConfiguration.floodSeasonStart($0) != nil }) ?? true else {
            throw ValidationError("--flood-season-starts must be a MM-DD day other than 02-29")
        }
    }

    var configuration: TrainingConfiguration {
        TrainingConfiguration(floodSeasonStarts: floodSeasonStarts.flatMap(TrainingConfiguration.floodSeasonStart))
    }
}
