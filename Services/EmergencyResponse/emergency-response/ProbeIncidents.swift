import AnlanNode
import AnlanRecords
import ArgumentParser
import EmergencyResponseAPI
import Foundation

func describe(_ incident: Incident) -> String {
    incident.text(regionName: ProbeText.regionName(incident.regionCode), time: time)
}

func describe(_ entry: TimelineEntry) -> String {
    entry.text(time: time)
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report an incident (突发事件) in the node's subtree.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "flood, typhoon, landslide, forest-fire, hazardous-chemicals, building-collapse, mine-tunnel or outage.") var kind: String
    @Option(help: "Where it happened (usually a township).") var region: String
    @Option(help: "事件名称.") var title: String
    @Option(help: "Response level: I, II, III or IV.") var level = "IV"
    @Option(help: "extraordinary, major, large or ordinary.") var severity = "ordinary"
    @Option(help: "Latitude (default: the region's point).") var lat: Double = 0
    @Option(help: "Longitude (default: the region's point).") var lon: Double = 0
    @Option var affected: Int64 = 0
    @Option var dead: Int64 = 0
    @Option var injured: Int64 = 0
    @Option var missing: Int64 = 0
    @Option var reporter = ""
    @Option(help: "Report key: the same key again answers the first incident.") var key = ""

    func run() async throws {
        let incident = Incident(kind: try IncidentKind.parse(kind), title: title, latitude: lat, longitude: lon, regionCode: region,
                                severity: try IncidentSeverity.parse(severity), responseLevel: try ResponseLevel.parse(level),
                                affected: affected, dead: dead, injured: injured, missing: missing, reporter: reporter, reportKey: key)
        try await options.run { client in
            let recorded = try await client.call(EmergencyResponseMethods.reportIncident, incident)
            try options.emit(recorded, text: describe(recorded))
        }
    }
}

struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incident", abstract: "Incidents: get, list.",
                                                    subcommands: [Get.self, List.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One incident.")
        @OptionGroup var options: ProbeOptions
        @Argument var id: String

        func run() async throws {
            try await options.run { client in
                let record = try await client.call(EmergencyResponseMethods.getIncident, RecordID(id))
                try options.emit(record.incident, text: describe(record.incident))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A subtree's incidents, newest first.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Region code (default: the node's region).") var region = ""
        @Flag(help: "Only those not closed.") var open = false
        @Option(help: "Page size.") var limit: UInt32 = 20
        @Option(help: "The cursor a previous page gave.") var cursor = ""

        func run() async throws {
            try await options.run { client in
                let page = try await client.call(EmergencyResponseMethods.listIncidents,
                                                 IncidentQuery(regionCode: region, openOnly: open, cursor: cursor, limit: limit))
                try options.emit(page, text: (page.records.map(describe) + [ProbeText.footer(page)]).joined(separator: "\n"))
            }
        }
    }
}

struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "An incident with its whole timeline.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let record = try await client.call(EmergencyResponseMethods.getIncident, RecordID(id))
            try options.emit(record, text: ([describe(record.incident)] + record.timeline.map(describe)).joined(separator: "\n"))
        }
    }
}

struct FieldReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "field-report", abstract: "码上报: new counts, level and a note from the field.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String
    @Option var reporter: String
    @Option var affected: Int64?
    @Option var dead: Int64?
    @Option var injured: Int64?
    @Option var missing: Int64?
    @Option(help: "A new response level: I, II, III or IV.") var level: String?
    @Option var note = ""

    func run() async throws {
        let report = FieldReport(incidentID: id, reporter: reporter, affected: affected, dead: dead, injured: injured, missing: missing,
                                 note: note, responseLevel: try level.map { try ResponseLevel.parse($0) })
        try await options.run { client in
            let incident = try await client.call(EmergencyResponseMethods.fieldReport, report)
            try options.emit(incident, text: describe(incident))
        }
    }
}

struct Respond: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "reported → responding (处置中); again: the note is appended as a dispatch.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String
    @Option(help: "What was sent.") var note = ""
    @Option var actor = ""

    func run() async throws {
        try await options.run { client in
            let incident = try await client.call(EmergencyResponseMethods.respond, IncidentStep(incidentID: id, actor: actor, note: note))
            try options.emit(incident, text: describe(incident))
        }
    }
}

struct Close: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close an incident (已结束).")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String
    @Option var note = ""
    @Option var actor = ""

    func run() async throws {
        try await options.run { client in
            let incident = try await client.call(EmergencyResponseMethods.close, IncidentStep(incidentID: id, actor: actor, note: note))
            try options.emit(incident, text: describe(incident))
        }
    }
}

struct Arrival: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A team reached the scene (到达现场).")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String
    @Option var team: String
    @Option var actor = ""

    func run() async throws {
        try await options.run { client in
            let incident = try await client.call(EmergencyResponseMethods.arrival, ArrivalReport(incidentID: id, teamID: team, actor: actor))
            try options.emit(incident, text: describe(incident))
        }
    }
}
