import AnlanNode
import AnlanRecords
import ArgumentParser
import EmergencyResponseAPI
import Foundation
import GatewayAPI
import MaterialReserveAPI

/// `gateway probe incident …`: incidents through the gateways, to the node that holds each.
struct IncidentProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Report, show, update and close incidents through the gateways.",
        subcommands: [Report.self, Show.self, Field.self, Arrive.self, Close.self])

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report an incident; it is kept by the node of its county.")
        @OptionGroup var options: ProbeOptions
        @Option(help: "Kind (flood, typhoon, landslide, forest-fire, hazardous-chemicals, building-collapse, mine-tunnel, outage).") var kind: String
        @Option(help: "Region (usually a township's 12-digit code).") var region: String
        @Option(help: "Title, e.g. 转塘街道山体滑坡.") var title: String
        @Option(help: "Latitude (default: the region's point).") var lat = 0.0
        @Option(help: "Longitude.") var lon = 0.0
        @Option(help: "Severity (extraordinary, major, large, ordinary).") var severity = "ordinary"
        @Option(help: "Response level (I, II, III, IV).") var level = "IV"
        @Option(help: "People affected.") var affected: Int64 = 0
        @Option(help: "Who reports.") var reporter = "probe"
        @Option(help: "A key that makes a repeated report return the first incident.") var key = ""

        func run() async throws {
            let incident: Incident
            do {
                incident = Incident(kind: try IncidentKind.parse(kind), title: title, latitude: lat, longitude: lon, regionCode: region,
                                    severity: try IncidentSeverity.parse(severity), responseLevel: try ResponseLevel.parse(level),
                                    affected: affected, reporter: reporter, reportKey: key)
            } catch { throw ValidationError(error.message) }
            try await options.run { client in
                let reported = try await client.call(GatewayMethods.reportIncident, incident)
                try options.emit(reported, text: describe(reported))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An incident and its timeline.")
        @OptionGroup var options: ProbeOptions
        @Argument(help: "Incident id (<node region>-<sequence>).") var id: String

        func run() async throws {
            try await options.run { client in
                let record = try await client.call(GatewayMethods.getIncident, RecordID(id))
                try options.emit(record, text: ([describe(record.incident)] + record.timeline.map { $0.text(time: time) }).joined(separator: "\n"))
            }
        }
    }

    struct Field: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "field-report", abstract: "A report from the field (码上报): counts as they stand now.")
        @OptionGroup var options: ProbeOptions
        @Argument(help: "Incident id.") var id: String
        @Option(help: "Who reports.") var reporter = "probe"
        @Option var affected: Int64?
        @Option var dead: Int64?
        @Option var injured: Int64?
        @Option var missing: Int64?
        @Option(help: "A new response level (I…IV).") var level: String?
        @Option var note = ""

        func run() async throws {
            let level: ResponseLevel?
            do { level = try self.level.map { try ResponseLevel.parse($0) } } catch { throw ValidationError("\(error)") }
            try await options.run { client in
                let incident = try await client.call(GatewayMethods.fieldReport, FieldReport(
                    incidentID: id, reporter: reporter, affected: affected, dead: dead, injured: injured, missing: missing, note: note,
                    responseLevel: level))
                try options.emit(incident, text: describe(incident))
            }
        }
    }

    struct Arrive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "arrival", abstract: "A team reached the scene.")
        @OptionGroup var options: ProbeOptions
        @Argument(help: "Incident id.") var id: String
        @Option(help: "Team id.") var team: String
        @Option var actor = "probe"

        func run() async throws {
            try await options.run { client in
                let incident = try await client.call(GatewayMethods.arrival, ArrivalReport(incidentID: id, teamID: team, actor: actor))
                try options.emit(incident, text: describe(incident))
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an incident.")
        @OptionGroup var options: ProbeOptions
        @Argument(help: "Incident id.") var id: String
        @Option var actor = "probe"
        @Option var note = ""

        func run() async throws {
            try await options.run { client in
                let incident = try await client.call(GatewayMethods.close, IncidentStep(incidentID: id, actor: actor, note: note))
                try options.emit(incident, text: describe(incident))
            }
        }
    }
}

/// `gateway probe propose`: one dispatch proposal for an incident, and with --confirm its confirmation.
struct Propose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Teams and materials for an incident across tiers; with --confirm, every team deployed and order approved, or none.")
    @OptionGroup var options: ProbeOptions
    @Argument(help: "Incident id.") var id: String
    @Option(help: "Teams to send (default: by the response level).") var teams: UInt32 = 0
    @Option(help: "Materials as item=quantity, comma-separated (default: the incident kind's kit).") var need = ""
    @Option(help: "Arrival target, hours (default 3).") var targetHours = 0.0
    @Flag(help: "Confirm the proposal.") var confirm = false
    @Option(help: "Who asks (recorded on the deployments and orders).") var requestedBy = "probe"

    func run() async throws {
        let needs: [DispatchLine]
        do { needs = need.isEmpty ? [] : try DispatchLine.needs(parsing: need) } catch { throw ValidationError("--need: \(error.message)") }
        try await options.run { client in
            let proposal = try await client.call(GatewayMethods.propose, ProposalRequest(incidentID: id, teams: teams, needs: needs, targetHours: targetHours))
            var lines = ["proposal \(proposal.proposalID) for \(describe(proposal.incident))"] + proposal.teams.map {
                "team \($0.team.id) \($0.team.name) (\($0.team.kind.name), \($0.team.headcount) people) at node \($0.node): "
                    + String(format: "%.1f km, ETA %.2f h", $0.distanceKilometres, $0.etaHours) + ($0.meetsTarget ? "" : " (late)")
                    + ($0.landingPointID.isEmpty ? "" : String(format: " landing at %@ %@, %.1f km from the scene", $0.landingPointID, $0.landingPointName,
                                                                $0.landingDistanceKilometres))
            }
            lines += proposal.uncovered.map { "no team on standby brings \($0.name)" }
            lines += proposal.materials.lines.map {
                "\($0.line.itemCode) × \($0.line.quantity) from \($0.line.storagePointID) at node \($0.node): "
                    + String(format: "ETA %.2f h", $0.line.etaHours)
            }
            lines += proposal.materials.unmet.map { "unmet: \($0.itemCode) × \($0.quantity)" }
            lines.append("target \(proposal.targetHours) h: \(proposal.targetMet ? "met" : "not met")")
            lines += (proposal.nodes + proposal.materials.nodes).filter { $0.freshness != .fresh }.map { "node \($0.name) not asked: \($0.reason)" }
            guard confirm else { return try options.emit(proposal, text: lines.joined(separator: "\n")) }
            let result = try await client.call(GatewayMethods.confirmProposal, ProposalConfirmRequest(proposal: proposal, requestedBy: requestedBy))
            lines.append(result.confirmed ? "confirmed:" : "NOT confirmed (deployments undone, orders cancelled):")
            lines += result.teams.map { "  team \($0.teamID) at node \($0.node): \($0.outcome.name)\($0.reason.isEmpty ? "" : " — \($0.reason)")" }
            lines += result.materials.orders.map { "  order at node \($0.node): \($0.outcome.name) \($0.orderID)\($0.reason.isEmpty ? "" : " — \($0.reason)")" }
            try options.emit(result, text: lines.joined(separator: "\n"))
        }
    }
}

/// `gateway probe release`: a team back from an incident (or a deployment undone).
struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "End a team's deployment at the node that commands it.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "The node that commands the team.") var node: String
    @Option(help: "The deployment's key (<proposal id>/<team id>).") var key: String
    @Flag(help: "The team never left: undo rather than release.") var undo = false
    @Option var actor = "probe"

    func run() async throws {
        try await options.run { client in
            let deployment = try await client.call(GatewayMethods.release, NodeRelease(
                node: node, release: ReleaseRequest(idempotencyKey: key, actor: actor, undo: undo)))
            try options.emit(deployment, text: "\(deployment.idempotencyKey): team \(deployment.teamID) \(deployment.state.name)")
        }
    }
}

func describe(_ incident: Incident) -> String {
    incident.text(regionName: ProbeText.regionName(incident.regionCode), time: time)
}

func time(_ milliseconds: Int64) -> String {
    ProbeText.time(milliseconds: milliseconds)
}
