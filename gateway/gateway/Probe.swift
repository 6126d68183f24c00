import AnlanNode
import AnlanRecords
import ArgumentParser
import Foundation
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import GatewayAPI
import MaterialReserveAPI

/// `gateway probe …`: ask a running gateway over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running gateway.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self,
                      Summary.self, Children.self, Plan.self, Nearest.self, Warn.self, Lift.self,
                      IncidentProbe.self, Propose.self, Release.self, IndexProbe.self, IndicatorProbe.self, PublishProbe.self])
}

/// What `summary` and `children` ask about: the region, the year and the age of answer accepted.
struct SummaryQuery: ParsableArguments {
    @Option(help: "Region code (default: the gateway's own).") var region = ""
    @Option(help: "Year (default: this year).") var year: UInt32 = 0
    @Option(help: "Milliseconds old an answer may be (default: the gateway's --max-age; 0: ask every node now).")
    var maxAge: UInt32?

    var request: SummaryRequest { SummaryRequest(regionCode: region, year: year, maxAgeMilliseconds: maxAge) }
}

struct Summary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's merged summary, with its coverage and each child's status.")
    @OptionGroup var options: ProbeOptions
    @OptionGroup var query: SummaryQuery

    func run() async throws {
        try await options.run { client in
            let summary = try await client.call(GatewayMethods.summary, query.request)
            try options.emit(summary, text: describe(summary, detailed: true))
        }
    }
}

struct Children: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's summary and its children's, side by side.")
    @OptionGroup var options: ProbeOptions
    @OptionGroup var query: SummaryQuery

    func run() async throws {
        try await options.run { client in
            let drill = try await client.call(GatewayMethods.children, query.request)
            try options.emit(drill, text: ([describe(drill.region, detailed: false)] + drill.children.map { "  " + describe($0, detailed: false) })
                .joined(separator: "\n"))
        }
    }
}

/// The figures a duty officer looks at first, one summary per line (plus coverage and statuses when detailed).
func describe(_ summary: RegionSummary, detailed: Bool) -> String {
    let points = summary.hazard.pointCells.reduce(Int64(0)) { $0 + $1.points }
    let atRisk = summary.hazard.pointCells.reduce(Int64(0)) { $0 + $1.populationAtRisk }
    let hidden = summary.hazard.hiddenHazards
    let units = summary.reserve.categories.filter { $0.code.count == 1 }.reduce(Int64(0)) { $0 + $1.good }
    let trained = summary.training.coverage.reduce(Int64(0)) { $0 + $1.trained }
    let people = summary.training.coverage.reduce(Int64(0)) { $0 + $1.people }
    var line = "\(summary.regionCode) [\(summary.freshness.name)]: \(points) hazard points (\(atRisk) people at risk), "
        + "\(hidden.open) hidden hazards open (\(hidden.overdue) overdue); \(summary.reserve.storagePoints) storage points, \(units) good units; "
        + "\(summary.landing.points) landing points; \(trained) of \(people) people trained"
    let evacuation = summary.evacuation
    line += "; \(evacuation.coded) people coded, \(evacuation.toMove) to move under \(evacuation.activeWarnings) warnings "
        + "(\(evacuation.called) called, \(evacuation.moved) moved, \(evacuation.sheltered) sheltered, \(evacuation.unresolved) unresolved); "
        + "shelters \(evacuation.shelterOccupancy) of \(evacuation.shelterCapacity) places"
    let response = summary.response
    let standby = response.teams.filter { $0.readiness == .standby }.reduce(Int64(0)) { $0 + $1.teams }
    let deployed = response.teams.filter { $0.readiness == .deployed }.reduce(Int64(0)) { $0 + $1.teams }
    line += "; \(response.teamCount) rescue teams (\(response.headcount) people; \(standby) on standby, \(deployed) deployed), "
        + "\(response.openCount) incidents open" + (response.incidentsArrived == 0 ? ""
            : String(format: ", first team after %.0f min on average", Double(response.arrivalSeconds) / Double(response.incidentsArrived) / 60))
    guard detailed else { return line }
    let asOf = Date(timeIntervalSince1970: Double(summary.asOfMilliseconds) / 1000)
    line += "\nas of \(asOf)"
    line += "\ncoverage: " + (summary.coverage.isEmpty ? "no child nodes"
        : summary.coverage.text)
    for child in summary.children {
        let age = child.asOfMilliseconds == 0 ? "" : String(format: ", %.1f s old", Double(summary.asOfMilliseconds - child.asOfMilliseconds) / 1000)
        line += "\n  child \(child.name): \(child.freshness.name)\(child.freshness == .fresh ? "" : age)\(child.reason.isEmpty ? "" : " — \(child.reason)")"
    }
    for service in summary.services {
        line += "\n  service \(service.name): \(service.freshness.name)\(service.reason.isEmpty ? "" : " — \(service.reason)")"
    }
    return line
}

struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A nearest-first dispatch plan across tiers; with --confirm, the orders created and approved in every node.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Needs as item=quantity, comma-separated (e.g. 2030101=500,3010201=20).") var need: String
    @Option(help: "Destination region (default: the gateway's own).") var region = ""
    @Option(help: "Destination latitude (default: the region's point).") var lat = 0.0
    @Option(help: "Destination longitude.") var lon = 0.0
    @Option(help: "Arrival target, hours (default 3).") var targetHours = 0.0
    @Flag(help: "Confirm the plan: create and approve its orders, all or none.") var confirm = false
    @Option(help: "Who asks (recorded on the orders).") var requestedBy = "probe"

    func run() async throws {
        let needs: [DispatchLine]
        do { needs = try DispatchLine.needs(parsing: need) } catch { throw ValidationError("--need: \(error.message)") }
        try await options.run { client in
            let plan = try await client.call(GatewayMethods.plan, PlanRequest(
                needs: needs, destinationLatitude: lat, destinationLongitude: lon, destinationRegion: region, targetHours: targetHours))
            var lines = ["plan \(plan.planID) to \(plan.destinationRegion)"] + plan.lines.map {
                "\($0.line.itemCode) × \($0.line.quantity) from \($0.line.storagePointID) at node \($0.node): "
                    + String(format: "%.1f km, ETA %.2f h", $0.line.distanceKilometres, $0.line.etaHours) + ($0.line.meetsTarget ? "" : " (late)")
            }
            lines += plan.unmet.map { "unmet: \($0.itemCode) × \($0.quantity)" }
            lines.append("target \(plan.targetHours) h: \(plan.targetMet ? "met" : "not met"); latest ETA \(String(format: "%.2f", plan.latestEtaHours)) h")
            lines += plan.nodes.filter { $0.freshness != .fresh }.map { "node \($0.name) not asked: \($0.reason)" }
            guard confirm else { return try options.emit(plan, text: lines.joined(separator: "\n")) }
            let result = try await client.call(GatewayMethods.confirm, ConfirmRequest(plan: plan, requestedBy: requestedBy))
            lines.append(result.confirmed ? "confirmed:" : "NOT confirmed (orders created were cancelled):")
            lines += result.orders.map { "  node \($0.node): \($0.outcome.name) \($0.orderID)\($0.reason.isEmpty ? "" : " — \($0.reason)")" }
            try options.emit(result, text: lines.joined(separator: "\n"))
        }
    }
}

struct Nearest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The nearest usable landing points to a place, across node boundaries (this node's area, then its parent's).")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Latitude.") var lat: Double
    @Option(help: "Longitude.") var lon: Double
    @Option(help: "How many points (default 5).") var limit: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let found = try await client.call(GatewayMethods.nearest, NearestRequest(latitude: lat, longitude: lon, limit: limit))
            try options.emit(found, text: found.points.map {
                String(format: "%.1f km  ", $0.distanceKilometres) + "\($0.point.id) \($0.point.name) (\($0.point.regionCode))"
            }.joined(separator: "\n"))
        }
    }
}

struct Warn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue a warning through the gateway: to its node's evacuation service and every node below it covers.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "The warning's id (unique; issuing it again changes nothing).") var id: String
    @Option(help: "The issuing tier's region: the gateway's own or one above it.") var issuer: String
    @Option(help: "The regions it covers, comma-separated.") var regions: String
    @Option(help: "red, orange, yellow or blue.") var level = "red"
    @Option(help: "typhoon, rainstorm, flood, flash-flood, geological or storm-surge.") var hazard = "typhoon"
    @Option(help: "Hours before the expected impact: 3, 6, 24 or 48.") var leadTime: UInt32 = 24
    @Option(help: "The headline.") var headline = ""
    @Option(help: "Who issues it (e.g. 浙江省气象台).") var sender = "probe"

    func run() async throws {
        let warning: EvacuationAPI.Warning
        do throws(InvalidRecord) {
            warning = EvacuationAPI.Warning(id: id, issuerRegion: issuer, regionCodes: regions.split(separator: ",").map(String.init),
                                            hazard: try WarningHazard.parse(hazard), level: try WarningLevel.parse(level),
                                            leadTimeHours: leadTime, headline: headline, sender: sender)
        } catch {
            throw ValidationError("\(error.message)")
        }
        try await options.run { client in
            let delivery = try await client.call(GatewayMethods.issueWarning, warning)
            try options.emit(delivery, text: describe(delivery))
        }
    }
}

struct Lift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lift a warning wherever the gateway passed it on.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "The warning's id.") var id: String
    @Option(help: "The lifting tier's region (default: the gateway's own).") var issuer = ""

    func run() async throws {
        try await options.run { client in
            let delivery = try await client.call(GatewayMethods.liftWarning, LiftRequest(warningID: id, issuerRegion: issuer))
            try options.emit(delivery, text: describe(delivery))
        }
    }
}

/// Each part's outcome, one per line.
func describe(_ delivery: WarningDelivery) -> String {
    (["warning \(delivery.warningID): \(delivery.tasks) transfer tasks at the nodes reached, \(delivery.queued) deliveries queued"]
        + delivery.parts.map { part in
            "  \(part.name): \(part.outcome.name)" + (part.tasks == 0 ? "" : ", \(part.tasks) tasks")
                + (part.queued == 0 || part.outcome == .queued ? "" : ", \(part.queued) queued below")
                + (part.reason.isEmpty ? "" : " — \(part.reason)")
        }).joined(separator: "\n")
}
