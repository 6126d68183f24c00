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
            let records = try TrainingRecords(databasePath: databasePath, regionCode: options.region,
                                              configuration: season.configuration, logger: logger)
            return TrainingRecordsNode(records: records)
        }
    }

    struct Import: RecordImportCommand {
        typealias Node = TrainingRecordsNode
        static let configuration = CommandConfiguration(abstract: "Import people or attendance straight into a node's database.")
        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var season: SeasonOptions
        @OptionGroup var file: ImportFileOptions<TrainingRecordKind>

        func open(logger: Logger) async throws -> TrainingRecords { try season.open(node, logger: logger) }

        func load(into records: TrainingRecords) async throws -> ImportReport { try await file.load(into: records) }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seed a node's database with the demo courses and sessions, and write synthetic people.csv and attendance.csv.",
            discussion: "Synthetic, deterministic, plausible — not training data. For the local mesh, tests and benchmarks.")
        @OptionGroup var node: LocalNodeOptions
        @Option(help: "People.") var people = 2000
        @Option(help: "Attendance records.") var attendance = 6000
        @OptionGroup var files: GenerateOptions
        @OptionGroup var season: SeasonOptions

        func run() async throws {
            let records = try season.open(node, logger: .localCommand(TrainingRecordsNode.kind))
            let data = try SyntheticTraining(regionCode: node.region, today: .today)
            for course in SyntheticTraining.courses { try await records.putCourse(course) }
            for session in data.sessions() { try await records.putSession(session) }
            try files.write([
                ("people.csv", data.peopleCSV(count: people, seed: files.seed)),
                ("attendance.csv", data.attendanceCSV(count: attendance, people: people, seed: files.seed &+ 1)),
            ])
            print("seeded \(SyntheticTraining.courses.count) courses and their sessions; wrote \(people) people and \(attendance) attendances for \(data.region) to \(files.output)")
        }
    }

    /// The one place a full national ID number is shown: on the node's own machine, from its database.
    struct ShowPerson: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person with the full national ID number (reads the node's database; never over the wire).")
        @OptionGroup var node: LocalNodeOptions
        @OptionGroup var season: SeasonOptions
        @Argument var id: String

        func run() async throws {
            let person = try await season.open(node, logger: .localCommand(TrainingRecordsNode.kind)).unmaskedPerson(id: id)
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

    /// The records of the node whose database the command works on, with this season.
    func open(_ node: LocalNodeOptions, logger: Logger) throws -> TrainingRecords {
        try TrainingRecords(databasePath: node.database, regionCode: node.region, configuration: configuration, logger: logger)
    }
}
