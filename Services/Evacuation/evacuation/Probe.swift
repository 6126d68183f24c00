import AnlanNode
import AnlanRecords
import AnlanWire
import ArgumentParser
import EvacuationAPI
import Foundation

/// `evacuation probe …`: ask a running node over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running evacuation node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self, Person.self, DeletePerson.self, ShelterCommand.self,
                      Issue.self, ImportCAP.self, ExportCAP.self, Lift.self, WarningCommand.self, Warnings.self, Scan.self,
                      Transfer.self, Worklist.self, Nearby.self, Stats.self, ImportFile.self, Export.self])
}

func describe(_ task: TransferTask) -> String {
    let needs = task.needs.isEmpty ? "" : " [" + task.needs.map(\.name).joined(separator: ",") + "]"
    let shelter = task.state == .moved ? (task.shelterID.isEmpty ? " → relatives" : " → \(task.shelterID)") : ""
    return "\(task.transferCode) \(task.name)\(needs) \(task.regionCode) \(task.village) (\(task.cadre)): \(task.state.name)\(shelter) — \(task.warningID)"
}

func describe(_ warning: Warning) -> String {
    "\(warning.id) \(warning.level.name) \(warning.hazard.name) \(warning.leadTimeHours) h, \(warning.status.name), "
        + "issued by \(warning.issuerRegion) for \(warning.regionCodes.joined(separator: ",")): \(warning.tasksCreated) tasks here"
}

struct Person: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A coded person by transfer code (or QR payload).")
    @OptionGroup var options: ProbeOptions
    @Argument var code: String

    func run() async throws {
        try await options.run { client in
            let p = try await client.call(EvacuationMethods.getPerson, RecordID(code))
            try options.emit(p, text: "\(p.transferCode) \(p.name) \(p.nationalID) \(p.phone), \(p.regionCode) \(p.village), "
                + "\(p.riskKind.name)\(p.needs.isEmpty ? "" : ", " + p.needs.map(\.name).joined(separator: ",")), cadre \(p.cadre) \(p.cadrePhone), "
                + "shelter \(p.shelterID.isEmpty ? "—" : p.shelterID), QR \(p.qrPayload)")
        }
    }
}

struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Issue a warning for some of the issuer's regions.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Warning id.") var id: String
    @Option(help: "The issuing tier's region.") var issuer: String
    @Option(help: "Covered regions, comma-separated.") var regions: String
    @Option(help: "typhoon, rainstorm, flood, flash-flood, geological or storm-surge.") var hazard = "typhoon"
    @Option(help: "red, orange, yellow or blue.") var level = "red"
    @Option(help: "Lead time band: 3, 6, 24 or 48 hours.") var leadTime: UInt32 = 24
    @Option(help: "Hours it stays in force.") var validHours: Int64 = 48
    @Option(help: "The warning it replaces.") var replaces = ""
    @Option(help: "Headline.") var headline = ""

    func run() async throws {
        let warning = Warning(id: id, issuerRegion: issuer, regionCodes: regions.split(separator: ",").map(String.init),
                              hazard: try WarningHazard.parse(hazard), level: try WarningLevel.parse(level), leadTimeHours: leadTime,
                              validToMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + validHours * 3_600_000,
                              replaces: replaces, headline: headline)
        try await options.run { client in
            let issued = try await client.call(EvacuationMethods.issueWarning, warning)
            try options.emit(issued, text: describe(issued))
        }
    }
}

struct ImportCAP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-cap", abstract: "Send a CAP 1.2 file as a warning (Alert, Update or Cancel).")
    @OptionGroup var options: ProbeOptions
    @Argument var file: String

    func run() async throws {
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        try await options.run { client in
            let warning = try await client.call(EvacuationMethods.importCAP, CAPDocument(xml: xml))
            try options.emit(warning, text: describe(warning))
        }
    }
}

struct ExportCAP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-cap", abstract: "A warning as a CAP 1.2 document.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let document = try await client.call(EvacuationMethods.exportCAP, RecordID(id))
            try options.emit(document, text: document.xml)
        }
    }
}

struct Lift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lift a warning.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String
    @Option(help: "The lifting tier's region (default: the node's).") var issuer = ""

    func run() async throws {
        try await options.run { client in
            let warning = try await client.call(EvacuationMethods.liftWarning, LiftRequest(warningID: id, issuerRegion: issuer))
            try options.emit(warning, text: describe(warning))
        }
    }
}

struct Warnings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The warnings the node holds, newest first.")
    @OptionGroup var options: ProbeOptions
    @Flag(help: "Only warnings in force.") var active = false
    @Option(help: "Page size.") var limit: UInt32 = 20

    func run() async throws {
        try await options.run { client in
            let page = try await client.call(EvacuationMethods.listWarnings, WarningQuery(activeOnly: active, limit: limit))
            try options.emit(page, text: page.records.map(describe).joined(separator: "\n"))
        }
    }
}

struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "码上转: record confirm, move, return, refuse or unreachable for a person.")
    @OptionGroup var options: ProbeOptions
    @Argument(help: "Transfer code or QR payload.") var code: String
    @Option(help: "confirm, move, return, refuse or unreachable.") var action = "confirm"
    @Option(help: "For move: the shelter (empty: to relatives).") var shelter = ""
    @Option(help: "The warning (default: the person's latest active one).") var warning = ""
    @Option(help: "Who records it.") var actor: String

    func run() async throws {
        let request = ScanRequest(transferCode: code, warningID: warning, action: try TransferAction.parse(action), shelterID: shelter, actor: actor)
        try await options.run { client in
            let task = try await client.call(EvacuationMethods.scan, request)
            try options.emit(task, text: ([describe(task)] + task.history.map {
                "  \($0.sequence). \($0.action.name) \($0.fromState.name) → \($0.toState.name) by \($0.actor)\($0.shelterID.isEmpty ? "" : " at \($0.shelterID)")"
            }).joined(separator: "\n"))
        }
    }
}

struct Worklist: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Who is still to call or move, vulnerable people first.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Village.") var village = ""
    @Option(help: "Cadre (包保责任人).") var cadre = ""
    @Option(help: "Page size.") var limit: UInt32 = 20

    func run() async throws {
        try await options.run { client in
            let page = try await client.call(EvacuationMethods.worklist, WorklistRequest(regionCode: region, village: village, cadre: cadre, limit: limit))
            try options.emit(page, text: page.records.map(describe).joined(separator: "\n"))
        }
    }
}

struct Nearby: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Shelters with free places near a point, nearest first.")
    @OptionGroup var options: ProbeOptions
    @Option var lat: Double
    @Option var lon: Double
    @Option(help: "How many.") var count: UInt32 = 5

    func run() async throws {
        try await options.run { client in
            let answer = try await client.call(EvacuationMethods.nearbyShelters, NearbySheltersRequest(latitude: lat, longitude: lon, count: count))
            try options.emit(answer, text: answer.shelters.map {
                String(format: "%@ %@ (%@) %.1f km: %lld free of %lld", $0.shelter.id, $0.shelter.name, $0.shelter.regionCode,
                       $0.distanceKilometres, $0.shelter.freePlaces, $0.shelter.capacity)
            }.joined(separator: "\n"))
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A subtree's mergeable figures: people coded, transfer progress, shelters.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""

    func run() async throws {
        try await options.run { client in
            let s = try await client.call(EvacuationMethods.statistics, StatisticsQuery(regionCode: region))
            try options.emit(s, text: """
                \(s.regionCode): \(s.coded) people coded (\(s.vulnerable) vulnerable), \(s.activeWarnings) active warnings
                  to move \(s.toMove): called \(s.called), moved \(s.moved) (sheltered \(s.sheltered)), refused or unreachable \(s.unresolved), vulnerable not moved \(s.vulnerableNotMoved)
                  shelters \(s.shelters): \(s.shelterOccupancy) of \(s.shelterCapacity) places taken, \(s.sheltersOverCapacity) over capacity
                """)
        }
    }
}

struct DeletePerson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-person", abstract: "Delete a coded person.")
    @OptionGroup var options: ProbeOptions
    @Argument var code: String

    func run() async throws {
        try await options.run { client in
            _ = try await client.call(EvacuationMethods.deletePerson, RecordID(code))
            try options.emit(["deleted": code], text: "deleted \(code)")
        }
    }
}

struct ShelterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shelter", abstract: "A shelter: capacity, occupancy, status.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let s = try await client.call(EvacuationMethods.getShelter, RecordID(id))
            try options.emit(s, text: "\(s.id) \(s.name) (\(s.kind.name), \(s.regionCode)): \(s.occupancy) of \(s.capacity), \(s.status.name)"
                + (s.isOverCapacity ? " — OVER CAPACITY" : ""))
        }
    }
}

struct WarningCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "warning", abstract: "One warning.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let warning = try await client.call(EvacuationMethods.getWarning, RecordID(id))
            try options.emit(warning, text: describe(warning))
        }
    }
}

struct Transfer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One person's transfer with every step.")
    @OptionGroup var options: ProbeOptions
    @Argument(help: "Transfer code or QR payload.") var code: String
    @Option(help: "The warning (default: the person's latest active one).") var warning = ""

    func run() async throws {
        try await options.run { client in
            let task = try await client.call(EvacuationMethods.getTransfer, TransferQuery(transferCode: code, warningID: warning))
            try options.emit(task, text: ([describe(task)] + task.history.map {
                "  \($0.sequence). \($0.action.name) \($0.fromState.name) → \($0.toState.name) by \($0.actor)\($0.shelterID.isEmpty ? "" : " at \($0.shelterID)")"
            }).joined(separator: "\n"))
        }
    }
}

struct ImportFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Send a CSV file of people or shelters over the wire.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "people or shelters.") var kind: String
    @Argument var file: String

    func run() async throws {
        let request = EvacuationImportRequest(kind: try EvacuationRecordKind.parse(kind), csv: try String(contentsOfFile: file, encoding: .utf8),
                                              source: file)
        try await options.run { client in
            let report = try await client.call(EvacuationMethods.importCSV, request)
            try options.emit(report, text: report.summary)
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's people or shelters as CSV on standard output.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "people or shelters.") var kind: String
    @Option(help: "Region code (default: the node's region).") var region = ""

    func run() async throws {
        let request = EvacuationExportRequest(kind: try EvacuationRecordKind.parse(kind), regionCode: region)
        try await options.run { client in
            for try await chunk in try await client.stream(EvacuationMethods.exportCSV, request) {
                FileHandle.standardOutput.write(Data(chunk.text.utf8))
            }
        }
    }
}
