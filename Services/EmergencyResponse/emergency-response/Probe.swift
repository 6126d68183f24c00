import AnlanNode
import AnlanRecords
import AnlanWire
import ArgumentParser
import EmergencyResponseAPI
import Foundation

/// `emergency-response probe …`: ask a running node over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running emergency-response node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self, TeamCommand.self, ReadinessCommand.self,
                      EquipmentCommand.self, Report.self, IncidentCommand.self, Timeline.self, FieldReportCommand.self,
                      Respond.self, Close.self, Arrival.self, Candidates.self, Deploy.self, Release.self, DeploymentCommand.self,
                      Stats.self, ImportFile.self, Export.self])
}

func describe(_ team: RescueTeam) -> String {
    let out = team.readiness == .deployed ? " → \(team.deployedTo) (\(team.deploymentKey))" : ""
    let helicopter = team.helicopterClass.map { ", \($0.name) helicopters" } ?? ""
    return "\(team.id) \(team.name) (\(team.kind.name)\(helicopter), \(team.regionCode) \(ProbeText.regionName(team.regionCode))): "
        + "\(team.headcount) people, \(team.specialties.map(\.name).joined(separator: ",")), \(team.readiness.name)\(out); "
        + "equipment \(team.equipment.map { "\($0.code)×\($0.count)" }.joined(separator: " ")); "
        + "contact \(team.contact) \(team.phone), commanded by \(team.commandingNode)"
}

func describe(_ deployment: Deployment) -> String {
    let ended = deployment.endedAtMilliseconds == 0 ? "" : ", ended \(time(deployment.endedAtMilliseconds))"
    return "\(deployment.idempotencyKey): team \(deployment.teamID) → \(deployment.incidentID), \(deployment.state.name)"
        + (deployment.deployedAtMilliseconds == 0 ? "" : ", since \(time(deployment.deployedAtMilliseconds))") + ended
}

/// Unix milliseconds as local time, e.g. 2026-06-21 14:05:00.
func time(_ milliseconds: Int64) -> String {
    ProbeText.time(milliseconds: milliseconds)
}

func specialties(_ text: String) throws -> [Specialty] {
    try text.split(separator: ",").map { try Specialty.parse($0.trimmingCharacters(in: .whitespaces)) }
}

struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "team", abstract: "Rescue teams (救援队伍): get, list, put, delete.",
                                                    subcommands: [Get.self, List.self, Put.self, Delete.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One team.")
        @OptionGroup var options: ProbeOptions
        @Argument var id: String

        func run() async throws {
            try await options.run { client in
                let team = try await client.call(EmergencyResponseMethods.getTeam, RecordID(id))
                try options.emit(team, text: describe(team))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The teams based in a subtree, by id.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Region code (default: the node's region).") var region = ""
        @Option(help: "fire-rescue, professional, social or aviation.") var kind: String?
        @Option(help: "standby, deployed, resting or unavailable.") var readiness: String?
        @Option(help: "Page size.") var limit: UInt32 = 20
        @Option(help: "The cursor a previous page gave.") var cursor = ""

        func run() async throws {
            let query = TeamQuery(regionCode: region, kind: try kind.map { try TeamKind.parse($0) },
                                  readiness: try readiness.map { try Readiness.parse($0) }, cursor: cursor, limit: limit)
            try await options.run { client in
                let page = try await client.call(EmergencyResponseMethods.listTeams, query)
                try options.emit(page, text: (page.records.map(describe) + [ProbeText.footer(page)]).joined(separator: "\n"))
            }
        }
    }

    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or replace a team this node commands.")
        @OptionGroup var options: ProbeOptions
        @Option var id: String
        @Option var name: String
        @Option(help: "fire-rescue, professional, social or aviation.") var kind = "professional"
        @Option(help: "Specialties, comma-separated (e.g. flood-water,medical).") var specialty: String
        @Option var headcount: Int64
        @Option(help: "Equipment as code:count, comma-separated (e.g. assault-boat:4,pump:2).") var equipment = ""
        @Option var lat: Double
        @Option var lon: Double
        @Option(help: "Region of the base.") var region: String
        @Option var contact = ""
        @Option var phone = ""
        @Option(help: "Aviation teams: light, medium or heavy.") var helicopterClass: String?

        func run() async throws {
            let team = RescueTeam(
                id: id, name: name, kind: try TeamKind.parse(kind), specialties: try specialties(specialty), headcount: headcount,
                equipment: try equipment.split(separator: ",").map { item in
                    let parts = item.split(separator: ":")
                    guard parts.count == 2, let count = Int64(parts[1]) else { throw ValidationError("--equipment: \"\(item)\" is not code:count") }
                    return EquipmentCount(code: String(parts[0]), count: count)
                },
                latitude: lat, longitude: lon, regionCode: region, contact: contact, phone: phone,
                helicopterClass: try helicopterClass.map { try HelicopterClass.parse($0) })
            try await options.run { client in
                let stored = try await client.call(EmergencyResponseMethods.putTeam, team)
                try options.emit(stored, text: describe(stored))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a team that is not deployed.")
        @OptionGroup var options: ProbeOptions
        @Argument var id: String

        func run() async throws {
            try await options.run { client in
                _ = try await client.call(EmergencyResponseMethods.deleteTeam, RecordID(id))
                try options.emit(["deleted": id], text: "deleted \(id)")
            }
        }
    }
}

struct ReadinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "readiness", abstract: "Set a team's readiness (战备状态) by hand.")
    @OptionGroup var options: ProbeOptions
    @Argument var team: String
    @Argument(help: "standby, resting or unavailable.") var readiness: String
    @Option(help: "Who sets it.") var actor = ""

    func run() async throws {
        let change = ReadinessChange(teamID: team, readiness: try Readiness.parse(readiness), actor: actor)
        try await options.run { client in
            let stored = try await client.call(EmergencyResponseMethods.setReadiness, change)
            try options.emit(stored, text: describe(stored))
        }
    }
}

struct EquipmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "equipment", abstract: "The equipment catalogue (装备目录): list, put.",
                                                    subcommands: [List.self, Put.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The whole catalogue.")
        @OptionGroup var options: ProbeOptions

        func run() async throws {
            try await options.run { client in
                let page = try await client.call(EmergencyResponseMethods.listEquipment, EmptyMessage())
                try options.emit(page, text: page.records.map { "\($0.code) \($0.name) (\($0.unit))" }.joined(separator: "\n"))
            }
        }
    }

    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or replace a kind of equipment.")
        @OptionGroup var options: ProbeOptions
        @Argument var code: String
        @Argument var name: String
        @Option(help: "计量单位, e.g. 台.") var unit = ""

        func run() async throws {
            try await options.run { client in
                let item = try await client.call(EmergencyResponseMethods.putEquipment, EquipmentItem(code: code, name: name, unit: unit))
                try options.emit(item, text: "\(item.code) \(item.name) (\(item.unit))")
            }
        }
    }
}

struct Candidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Teams on standby with any of the specialties, nearest first.")
    @OptionGroup var options: ProbeOptions
    @Option var lat: Double
    @Option var lon: Double
    @Option(help: "Specialties, comma-separated (e.g. flood-water,medical).") var specialty: String
    @Option(help: "How many (0: 100).") var limit: UInt32 = 10

    func run() async throws {
        let search = TeamSearch(latitude: lat, longitude: lon, specialties: try specialties(specialty), limit: limit)
        try await options.run { client in
            let answer = try await client.call(EmergencyResponseMethods.candidates, search)
            try options.emit(answer, text: (answer.candidates.map {
                String(format: "%6.1f km  ", $0.distanceKilometres) + describe($0.team)
            } + (answer.truncated ? ["(more matched)"] : [])).joined(separator: "\n"))
        }
    }
}

struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send a team on standby to an incident (出动), once per key.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Idempotency key.") var key: String
    @Option var team: String
    @Option var incident: String
    @Option(help: "Where the team goes.") var lat: Double = 0
    @Option var lon: Double = 0
    @Option var actor = ""

    func run() async throws {
        let deployment = Deployment(idempotencyKey: key, teamID: team, incidentID: incident, latitude: lat, longitude: lon, actor: actor)
        try await options.run { client in
            let sent = try await client.call(EmergencyResponseMethods.deploy, deployment)
            try options.emit(sent, text: describe(sent))
        }
    }
}

struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "End a deployment (归建), or undo one whose confirmation failed.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Idempotency key.") var key: String
    @Flag(help: "The team never left.") var undo = false
    @Option var actor = ""

    func run() async throws {
        try await options.run { client in
            let ended = try await client.call(EmergencyResponseMethods.release, ReleaseRequest(idempotencyKey: key, actor: actor, undo: undo))
            try options.emit(ended, text: describe(ended))
        }
    }
}

struct DeploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deployment", abstract: "One deployment by its key.")
    @OptionGroup var options: ProbeOptions
    @Argument var key: String

    func run() async throws {
        try await options.run { client in
            let deployment = try await client.call(EmergencyResponseMethods.getDeployment, RecordID(key))
            try options.emit(deployment, text: describe(deployment))
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A subtree's mergeable figures: teams by kind and readiness, incidents.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""

    func run() async throws {
        try await options.run { client in
            let s = try await client.call(EmergencyResponseMethods.statistics, ResponseStatisticsQuery(regionCode: region))
            let mean = s.incidentsArrived == 0 ? "—" : String(format: "%.1f min", Double(s.arrivalSeconds) / Double(s.incidentsArrived) / 60)
            try options.emit(s, text: ([
                "\(s.regionCode) \(ProbeText.regionName(s.regionCode)): \(s.teamCount) teams, \(s.headcount) people",
            ] + s.teams.map { "  \($0.kind.name) \($0.readiness.name): \($0.teams) teams, \($0.headcount) people" } + [
                "  incidents \(s.incidents), open \(s.openCount)"
                    + (s.openIncidents.isEmpty ? "" : " (" + s.openIncidents.map { "\($0.level.name): \($0.open)" }.joined(separator: ", ") + ")"),
                "  first team on scene: \(s.incidentsArrived) incidents, mean \(mean)",
                "  open incidents: affected \(s.affected), dead \(s.dead), injured \(s.injured), missing \(s.missing)",
            ]).joined(separator: "\n"))
        }
    }
}

struct ImportFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Send a CSV file of teams or equipment over the wire.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "teams or equipment.") var kind: String
    @Argument var file: String

    func run() async throws {
        let request = EmergencyImportRequest(kind: try EmergencyRecordKind.parse(kind), csv: try String(contentsOfFile: file, encoding: .utf8),
                                             source: file)
        try await options.run { client in
            let report = try await client.call(EmergencyResponseMethods.importCSV, request)
            try options.emit(report, text: report.summary)
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's teams, or the equipment catalogue, as CSV on standard output.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "teams or equipment.") var kind: String
    @Option(help: "Region code (default: the node's region).") var region = ""

    func run() async throws {
        let request = EmergencyExportRequest(kind: try EmergencyRecordKind.parse(kind), regionCode: region)
        try await options.run { client in
            for try await chunk in try await client.stream(EmergencyResponseMethods.exportCSV, request) {
                FileHandle.standardOutput.write(Data(chunk.text.utf8))
            }
        }
    }
}
