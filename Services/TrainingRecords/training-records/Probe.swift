import AnlanNode
import AnlanRecords
import AnlanWire
import ArgumentParser
import Foundation
import TrainingRecordsAPI

/// `training-records probe …`: ask a running node over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running training-records node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self,
                      Coverage.self, Compliance.self, Expiring.self, Stats.self])
}

func describe(_ line: CoverageLine) -> String {
    let rate = line.rate.map { String(format: "%.1f %%", $0 * 100) } ?? "—"
    return "\(line.role.name)\(line.village ? " (village)" : ""): \(line.trained) of \(line.people) (\(rate)), target \(line.targetPercent) % — \(line.met ? "met" : "NOT met")"
}

struct Coverage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "People trained against the targets, per role.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Role (default: every role).") var role: String?
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        let role = try role.map { try PersonRole.parse($0) }
        try await options.run { client in
            let report = try await client.call(TrainingRecordsMethods.coverage, CoverageRequest(regionCode: region, role: role, year: year))
            try options.emit(report, text: (["\(report.regionCode), \(report.year)"] + report.lines.map(describe)).joined(separator: "\n"))
        }
    }
}

struct Compliance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A person's statutory hours, rule by rule.")
    @OptionGroup var options: ProbeOptions
    @Argument var person: String
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(TrainingRecordsMethods.compliance, ComplianceRequest(personID: person, year: year))
            let lines = ["\(report.personID), \(report.year): \(report.compliant ? "compliant" : "NOT compliant")"] + report.results.map {
                String(format: "  %@: %.1f of %.1f h%@", $0.ruleID, $0.attendedHours, $0.requiredHours,
                       $0.met ? "" : String(format: " — short by %.1f h (window ends %@)", $0.shortByHours, $0.windowEndsOn?.description ?? "?"))
            }
            try options.emit(report, text: lines.joined(separator: "\n"))
        }
    }
}

struct Expiring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Certificates expiring or due for review within N days (90, 60, 30, 7).")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Days ahead.") var within: UInt32 = 90

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(TrainingRecordsMethods.expiringCertificates, ExpiringRequest(regionCode: region, withinDays: within))
            try options.emit(report, text: report.certificates.map {
                "\($0.dueOn?.description ?? "?") (\($0.daysLeft) d) \($0.review ? "review" : "expiry"): \($0.certificate.kind) \($0.certificate.number), \($0.personName) \($0.regionCode)"
            }.joined(separator: "\n"))
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A subtree's mergeable figures: coverage per role, people meeting each rule.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let s = try await client.call(TrainingRecordsMethods.statistics, CoverageRequest(regionCode: region, year: year))
            let lines = ["\(s.regionCode), \(s.year), as of \(s.asOf?.description ?? "?")"] + s.coverage.map(describe)
                + s.rules.map { "  \($0.ruleID): \($0.met) of \($0.applicable)" }
            try options.emit(s, text: lines.joined(separator: "\n"))
        }
    }
}
