import AnlanNode
import AnlanRecords
import AnlanRegions
import ArgumentParser
import Foundation
import HazardSurveyAPI

/// `hazard-survey probe …`: ask a running node (the read side, plus import over the wire).
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running hazard-survey node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self,
                      Stats.self, Points.self, Enterprises.self, Hidden.self,
                      Get.self, Transition.self, ImportOverWire.self, Export.self])

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Roll-up statistics for a region subtree.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Region code (default: the node's region).") var region = ""
        @Flag(help: "Only records coded to exactly this region.") var exact = false
        @Option(help: "Judge overdue as of this day (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            try await options.run { client in
                let stats = try await client.call(HazardSurveyMethods.statistics,
                                                  StatisticsRequest(regionCode: region, exactRegion: exact, asOf: try CivilDay.option(asOf, "--as-of")))
                try options.emit(stats, text: describe(stats))
            }
        }
    }

    struct Points: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List hazard points.")
        @OptionGroup var options: ProbeOptions
        @OptionGroup var page: PageOptions
        @Option(help: "Hazard types, comma-separated (e.g. landslide,flash-flood).") var type = ""
        @Option(help: "Risk bands, comma-separated numbers.") var band = ""

        func run() async throws {
            var query = try page.query()
            query.types = try list(type).map { try HazardType.parse($0) }
            query.bands = try list(band).map { text in
                guard let band = UInt8(text) else { throw ValidationError("--band: \(text) is not a number") }
                return band
            }
            try await options.run { client in
                let result = try await client.call(HazardSurveyMethods.listPoints, query)
                try options.emit(result, text: (result.records.map {
                    "\($0.id)  \($0.regionCode) \(ProbeText.regionName($0.regionCode))  \($0.type.name) band \($0.band)  at risk \($0.populationAtRisk), for transfer \($0.registeredForTransfer)  \($0.responsiblePerson) \($0.responsiblePhone)"
                } + [ProbeText.footer(result)]).joined(separator: "\n"))
            }
        }
    }

    struct Enterprises: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List enterprises.")
        @OptionGroup var options: ProbeOptions
        @OptionGroup var page: PageOptions
        @Option(help: "Grades, comma-separated (red,orange,yellow,blue).") var grade = ""
        @Option(help: "Sectors, comma-separated.") var sector = ""
        @Flag(help: "Only holders of a major hazard source.") var majorHazardSource = false

        func run() async throws {
            var query = try page.query()
            query.grades = try list(grade).map { try RiskGrade.parse($0) }
            query.sectors = try list(sector).map { try IndustrySector.parse($0) }
            query.majorOnly = majorHazardSource
            try await options.run { client in
                let result = try await client.call(HazardSurveyMethods.listEnterprises, query)
                try options.emit(result, text: (result.records.map {
                    "\($0.id)  \($0.name)  \($0.creditCode)  \($0.regionCode) \(ProbeText.regionName($0.regionCode))  \($0.sector.name)  \($0.grade.name)\($0.majorHazardSource ? "  major hazard source" : "")"
                } + [ProbeText.footer(result)]).joined(separator: "\n"))
            }
        }
    }

    struct Hidden: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List hidden hazards (e.g. --overdue).")
        @OptionGroup var options: ProbeOptions
        @OptionGroup var page: PageOptions
        @Option(help: "States, comma-separated (discovered,assigned,rectified,inspected,closed).") var state = ""
        @Flag(help: "Only open hazards past their deadline.") var overdue = false
        @Flag(help: "Only major hazards.") var major = false
        @Flag(help: "Only hazards listed for public supervision.") var listed = false
        @Option(help: "Only this enterprise's.") var enterprise = ""
        @Option(help: "Judge overdue as of this day (YYYY-MM-DD).") var asOf: String?

        func run() async throws {
            var query = try page.query()
            query.states = try list(state).map { try HiddenHazardState.parse($0) }
            query.overdueOnly = overdue
            query.majorOnly = major
            query.listedOnly = listed
            query.enterpriseID = enterprise
            query.asOf = try CivilDay.option(asOf, "--as-of")
            try await options.run { client in
                let result = try await client.call(HazardSurveyMethods.listHidden, query)
                try options.emit(result, text: (result.records.map(describe) + [ProbeText.footer(result)])
                    .joined(separator: "\n"))
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One record by id (a hidden hazard with its history).")
        @OptionGroup var options: ProbeOptions
        @Option(help: "points, enterprises or hidden-hazards.") var kind: String
        @Argument var id: String

        func run() async throws {
            let kind = try HazardRecordKind.parse(kind)
            try await options.run { client in
                switch kind {
                case .points:
                    let point = try await client.call(HazardSurveyMethods.getPoint, RecordID(id))
                    try options.emit(point, text: "\(point)")
                case .enterprises:
                    let enterprise = try await client.call(HazardSurveyMethods.getEnterprise, RecordID(id))
                    try options.emit(enterprise, text: ([describe(enterprise)] + enterprise.gradeHistory.map {
                        "  \($0.changedOn?.description ?? "?")  \($0.previous?.name ?? "—") → \($0.grade.name)  by \($0.changedBy)  \($0.reason)"
                    }).joined(separator: "\n"))
                case .hiddenHazards:
                    let hazard = try await client.call(HazardSurveyMethods.getHidden, RecordID(id))
                    try options.emit(hazard, text: ([describe(hazard)] + hazard.history.map {
                        "  #\($0.sequence) \($0.day?.description ?? "")  \($0.action.name): \($0.fromState?.name ?? "—") → \($0.toState.name)  by \($0.actor)\($0.note.isEmpty ? "" : "  “\($0.note)”")\($0.evidence.isEmpty ? "" : "  evidence \($0.evidence)")"
                    }).joined(separator: "\n"))
                }
            }
        }
    }

    struct Transition: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a hidden hazard one step: assign, rectify, inspect, reject, close, reopen or escalate.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "The action.") var action: String
        @Option(help: "Who did it.") var actor: String
        @Option(help: "A note.") var note = ""
        @Option(help: "An evidence reference (required for rectify and close).") var evidence = ""
        @Option(help: "The day it happened (YYYY-MM-DD, default today).") var day: String?
        @Argument(help: "Hidden hazard ids.") var ids: [String]

        func run() async throws {
            let action = try HiddenHazardAction.parse(action)
            let day = try CivilDay.option(day, "--day")
            try await options.run { client in
                for id in ids {
                    let hazard = try await client.call(HazardSurveyMethods.transitionHidden, TransitionRequest(
                        id: id, action: action, actor: actor, note: note, evidence: evidence, day: day))
                    try options.emit(hazard, text: describe(hazard))
                }
            }
        }
    }

    struct ImportOverWire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Send a CSV file to the node (up to its frame limit; use `hazard-survey import` for larger files).")
        @OptionGroup var options: ProbeOptions
        @Option(help: "points, enterprises or hidden-hazards.") var kind: String
        @Argument var file: String

        func run() async throws {
            let kind = try HazardRecordKind.parse(kind)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try await options.run { client in
                let report = try await client.call(HazardSurveyMethods.importCSV,
                                                   ImportRequest(kind: kind, csv: text, source: (file as NSString).lastPathComponent))
                try options.emit(report, text: report.summary)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a region's records as CSV to standard output.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "points, enterprises or hidden-hazards.") var kind: String
        @Option(help: "Region code (default: the node's region).") var region = ""

        func run() async throws {
            let kind = try HazardRecordKind.parse(kind)
            try await options.run { client in
                for try await chunk in try await client.stream(HazardSurveyMethods.exportCSV, ExportRequest(kind: kind, regionCode: region)) {
                    FileHandle.standardOutput.write(Data(chunk.text.utf8))
                }
            }
        }
    }
}

/// Paging flags shared by the list probes.
struct PageOptions: ParsableArguments {
    @Option(help: "Region subtree (default: the node's region).") var region = ""
    @Option(help: "Records per page (1…1000).") var limit: UInt32 = 20
    @Option(help: "The cursor printed by the previous page.") var cursor = ""

    func query() throws -> HazardQuery {
        HazardQuery(regionCode: region, cursor: cursor, limit: limit)
    }
}

private func list(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
}

func describe(_ hazard: HiddenHazard) -> String {
    let place = hazard.enterpriseID.isEmpty ? hazard.location : "enterprise \(hazard.enterpriseID)"
    let tier = Tier(rawValue: hazard.supervisingTier)?.name ?? "?"
    return "\(hazard.id)  \(hazard.regionCode) \(ProbeText.regionName(hazard.regionCode))  \(place)  \(hazard.major ? "major" : "general")  \(hazard.state.name)  \(tier) deadline \(hazard.deadline?.description ?? "?")\(hazard.overdue ? " OVERDUE" : "")\(hazard.listed ? "  挂牌督办" : "")  \(hazard.description)"
}

func describe(_ enterprise: Enterprise) -> String {
    "\(enterprise.id)  \(enterprise.name)  \(enterprise.creditCode)  \(enterprise.regionCode) \(ProbeText.regionName(enterprise.regionCode))  \(enterprise.sector.name)  \(enterprise.grade.name)"
}

func describe(_ stats: HazardStatistics) -> String {
    var lines = ["\(stats.regionCode) \(ProbeText.regionName(stats.regionCode)) as of \(stats.asOf?.description ?? "?")"]
    lines.append("hazard points: \(stats.hazardPoints); people at risk \(stats.populationAtRisk), registered for transfer \(stats.registeredForTransfer)")
    let byType = HazardType.allCases.map { ($0, stats.points(of: $0)) }.filter { $0.1 > 0 }
    if !byType.isEmpty { lines.append("  by type: " + byType.map { "\($0.0.name) \($0.1)" }.joined(separator: ", ")) }
    let bands = Set(stats.pointCells.map(\.band)).sorted()
    if !bands.isEmpty { lines.append("  by band: " + bands.map { "\($0): \(stats.points(inBand: $0))" }.joined(separator: ", ")) }
    lines.append("enterprises: \(stats.enterprises) (major hazard sources \(stats.majorHazardSources)); colour \(stats.colour?.name ?? "none")")
    let byGrade = RiskGrade.allCases.map { ($0, stats.enterprises(graded: $0)) }.filter { $0.1 > 0 }
    if !byGrade.isEmpty { lines.append("  by grade: " + byGrade.map { "\($0.0.name) \($0.1)" }.joined(separator: ", ")) }
    let h = stats.hiddenHazards
    lines.append("hidden hazards: open \(h.open) (overdue \(h.overdue), major \(h.majorOpen), listed \(h.listedOpen)); closed \(h.closed) (on time \(h.closedOnTime))")
    return lines.joined(separator: "\n")
}
