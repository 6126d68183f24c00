import AnlanNode
import AnlanRecords
import AnlanWire
import ArgumentParser
import AviationLandingAPI
import Foundation

/// `aviation-landing-points probe …`: ask a running node over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running aviation-landing-points node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self,
                      Get.self, Nearest.self, Coverage.self, Targets.self, Stats.self, Due.self])
}

/// One line for a point: id, name, status and the rules it fails.
func describe(_ point: LandingPoint) -> String {
    "\(point.id) \(point.name) [\(point.kind.name), \(point.status.name), up to \(point.largestClass.name)] "
        + (point.failedRules.isEmpty ? "compliant" : "fails: \(point.failedRules.joined(separator: ", "))")
}

struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A landing point with its inspections.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let point = try await client.call(AviationLandingMethods.getPoint, RecordID(id))
            let inspections = try await client.call(AviationLandingMethods.inspections, RecordID(id)).records
            var lines = [describe(point), "  \(point.regionCode) at \(point.latitude), \(point.longitude); source \(point.source)"]
            lines += inspections.map { "  inspected \($0.inspectedOn?.description ?? "?") by \($0.inspector): \($0.resultingStatus?.name ?? "?") \($0.findings)" }
            try options.emit(point, text: lines.joined(separator: "\n"))
        }
    }
}

struct Nearest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The nearest usable landing points to a place.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Latitude.") var lat: Double
    @Option(help: "Longitude.") var lon: Double
    @Option(help: "How many.") var count: UInt32 = 5
    @Option(help: "Only points accepting this class: light, medium, heavy.") var helicopter: String?
    @Option(help: "All within this many km instead of the nearest --count.") var radiusKm = 0.0
    @Flag(help: "Count restricted points as usable.") var includeRestricted = false

    func run() async throws {
        let minimumClass = try helicopter.map { try HelicopterClass.parse($0) }
        try await options.run { client in
            let nearby = try await client.call(AviationLandingMethods.nearest, NearestRequest(
                latitude: lat, longitude: lon, limit: count, minimumClass: minimumClass, includeRestricted: includeRestricted,
                radiusKilometres: radiusKm))
            try options.emit(nearby, text: nearby.points.map { String(format: "%7.2f km  ", $0.distanceKilometres) + describe($0.point) }
                .joined(separator: "\n") + (nearby.truncated ? "\n(more)" : ""))
        }
    }
}

struct Coverage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Each township's nearest usable landing point.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Coverage distance, km (default: the node's).") var withinKm = 0.0
    @Flag(help: "List only the townships not covered.") var uncoveredOnly = false

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(AviationLandingMethods.coverage, CoverageRequest(regionCode: region, withinKilometres: withinKm))
            var lines = ["\(report.covered) of \(report.total) townships have a usable point within \(report.withinKilometres) km"]
            lines += report.townships.filter { !uncoveredOnly || !$0.covered }.map {
                "  \($0.regionCode): " + ($0.nearestPointID.isEmpty ? "no usable point"
                    : String(format: "%.1f km to %@", $0.distanceKilometres, $0.nearestPointID)) + ($0.approximate ? " (approximate place)" : "")
            }
            try options.emit(report, text: lines.joined(separator: "\n"))
        }
    }
}

struct Targets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Points built in a year against the construction target.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Year (default: this year).") var year: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(AviationLandingMethods.targets, TargetRequest(regionCode: region, year: year))
            let lines = ["\(report.year), province target \(report.annualTarget)"] + ([report.region] + report.children).map {
                String(format: "  %@: built %lld of %.1f", $0.regionCode, $0.built, $0.target)
            }
            try options.emit(report, text: lines.joined(separator: "\n"))
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A subtree's mergeable figures.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""

    func run() async throws {
        try await options.run { client in
            let s = try await client.call(AviationLandingMethods.statistics, CoverageRequest(regionCode: region))
            var lines = ["\(s.regionCode) as of \(s.asOf?.description ?? "?"): \(s.points) points, \(s.compliantPoints) compliant",
                         "townships covered within \(s.withinKilometres) km: \(s.townshipsCovered) of \(s.townships)",
                         String(format: "built in %u: %lld of a target of %.1f", s.year, s.built, s.target)]
            lines += s.cells.map { "  \($0.kind.name) \($0.status.name): \($0.points) (\($0.compliant) compliant)" }
            try options.emit(s, text: lines.joined(separator: "\n"))
        }
    }
}

struct Due: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Points due for inspection.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Most points to list.") var limit: UInt32 = 100

    func run() async throws {
        try await options.run { client in
            let page = try await client.call(AviationLandingMethods.listPoints, LandingQuery(regionCode: region, limit: limit, inspectionDueOnly: true))
            try options.emit(page, text: page.records.map {
                describe($0) + " — last inspected " + ($0.lastInspectedOn?.description ?? "never")
            }.joined(separator: "\n"))
        }
    }
}
