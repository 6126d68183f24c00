import AnlanNode
import ArgumentParser
import Foundation
import GatewayAPI

/// `gateway probe …`: ask a running gateway over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running gateway.",
        subcommands: [PingCommand.self, InfoCommand.self, Summary.self, Children.self])
}

struct Summary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's merged summary, with its coverage and each child's status.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the gateway's own).") var region = ""
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let summary = try await client.call(GatewayMethods.summary, SummaryRequest(regionCode: region, year: year))
            try options.emit(summary, text: describe(summary, detailed: true))
        }
    }
}

struct Children: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A region's summary and its children's, side by side.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the gateway's own).") var region = ""
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let drill = try await client.call(GatewayMethods.children, SummaryRequest(regionCode: region, year: year))
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
    guard detailed else { return line }
    let asOf = Date(timeIntervalSince1970: Double(summary.asOfMilliseconds) / 1000)
    line += "\nas of \(asOf)"
    line += "\ncoverage: " + (summary.coverage.isEmpty ? "no child nodes"
        : summary.coverage.map { "tier \($0.tier) \($0.reporting)/\($0.expected)" }.joined(separator: ", "))
    for child in summary.children {
        let age = child.asOfMilliseconds == 0 ? "" : String(format: ", %.1f s old", Double(summary.asOfMilliseconds - child.asOfMilliseconds) / 1000)
        line += "\n  child \(child.name): \(child.freshness.name)\(child.freshness == .fresh ? "" : age)\(child.reason.isEmpty ? "" : " — \(child.reason)")"
    }
    for service in summary.services {
        line += "\n  service \(service.name): \(service.freshness.name)\(service.reason.isEmpty ? "" : " — \(service.reason)")"
    }
    return line
}
