import AnlanNode
import AnlanRecords
import AnlanWire
import ArgumentParser
import Foundation
import MaterialReserveAPI

/// `material-reserve probe …`: ask a running node over the wire.
struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a running material-reserve node.",
        subcommands: [PingCommand.self, InfoCommand.self, MetricsCommand.self, AuditCommand.self,
                      Stock.self, Order.self, Plan.self, Gaps.self, Stats.self, Norms.self])
}

struct Stock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Units held in a region subtree, optionally of one category.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Catalogue code prefix: 1, 3, 5 or 7 digits.") var item = ""

    func run() async throws {
        try await options.run { client in
            let totals = try await client.call(MaterialReserveMethods.stockTotals, StockQuery(regionCode: region, itemPrefix: item))
            try options.emit(totals, text: "good \(totals.good) (reserved \(totals.reserved)), damaged \(totals.damaged), expired \(totals.expired)")
        }
    }
}

struct Order: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A dispatch order with its lines and reservations.")
    @OptionGroup var options: ProbeOptions
    @Argument var id: String

    func run() async throws {
        try await options.run { client in
            let order = try await client.call(MaterialReserveMethods.getOrder, RecordID(id))
            var lines = ["\(order.id) \(order.state.name) → \(order.destinationRegion) (key \(order.idempotencyKey))"]
            lines += order.lines.map { "  \($0.itemCode) × \($0.quantity) (received \($0.received))" }
            lines += order.allocations.map { "  reserved \($0.quantity) × \($0.itemCode) at \($0.storagePointID), expires \($0.expiresOn?.description ?? "never")" }
            try options.emit(order, text: lines.joined(separator: "\n"))
        }
    }
}

struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A nearest-first plan for needs at a destination.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Needs as item=quantity, comma-separated (e.g. 2030101=500,3010201=20).") var need: String
    @Option(help: "Destination region (used when no coordinates are given).") var region = ""
    @Option(help: "Destination latitude.") var lat = 0.0
    @Option(help: "Destination longitude.") var lon = 0.0
    @Option(help: "Arrival target, hours (default: the node's).") var targetHours = 0.0

    func run() async throws {
        let needs: [DispatchLine]
        do { needs = try DispatchLine.needs(parsing: need) } catch { throw ValidationError("--need: \(error.message)") }
        try await options.run { client in
            let plan = try await client.call(MaterialReserveMethods.plan, PlanRequest(
                needs: needs, destinationLatitude: lat, destinationLongitude: lon, destinationRegion: region, targetHours: targetHours))
            var lines = plan.lines.map {
                "\($0.itemCode) × \($0.quantity) from \($0.storagePointID): \(String(format: "%.1f", $0.distanceKilometres)) km, ETA \(String(format: "%.2f", $0.etaHours)) h\($0.meetsTarget ? "" : " (late)")"
            }
            lines += plan.unmet.map { "unmet: \($0.itemCode) × \($0.quantity)" }
            lines.append("target \(plan.targetHours) h: \(plan.targetMet ? "met" : "not met"); latest ETA \(String(format: "%.2f", plan.latestEtaHours)) h")
            try options.emit(plan, text: lines.joined(separator: "\n"))
        }
    }
}

struct Gaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Holdings against the reserve norms, for a region and each of its children.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Catalogue code prefix: 1, 3, 5 or 7 digits.") var item = ""
    @Flag(help: "List only the children with a shortfall.") var shortOnly = false

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(MaterialReserveMethods.gaps, GapRequest(regionCode: region, itemPrefix: item, shortOnly: shortOnly))
            func describe(_ gap: RegionGap) -> [String] {
                ["\(gap.regionCode) (\(gap.riskLevel.name) risk): \(gap.shortRegions) of \(gap.assessedRegions) assessed regions short"]
                    + gap.subtree.map { "  \($0.itemCode): required \($0.required), held \($0.held), short \($0.shortfall)" }
            }
            var lines = ["as of \(report.asOf?.description ?? "?")"] + describe(report.region)
            for child in report.children where child.assessedRegions > 0 { lines += describe(child) }
            try options.emit(report, text: lines.joined(separator: "\n"))
        }
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A subtree's mergeable figures: points, units per category, norm lines short, expiring units.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the node's region).") var region = ""
    @Option(help: "Catalogue code prefix: 1, 3, 5 or 7 digits.") var item = ""

    func run() async throws {
        try await options.run { client in
            let statistics = try await client.call(MaterialReserveMethods.statistics, StockQuery(regionCode: region, itemPrefix: item))
            var lines = ["\(statistics.regionCode) as of \(statistics.asOf?.description ?? "?"): \(statistics.storagePoints) storage points",
                         "norm lines short: \(statistics.shortLines) of \(statistics.normLines)",
                         "good units expiring within 30 days: \(statistics.expiringUnits) in \(statistics.expiringLots) lots"]
            lines += statistics.categories.map { "  \($0.code): good \($0.good), damaged \($0.damaged), expired \($0.expired)" }
            try options.emit(statistics, text: lines.joined(separator: "\n"))
        }
    }
}

struct Norms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The node's reserve norms.")
    @OptionGroup var options: ProbeOptions

    func run() async throws {
        try await options.run { client in
            let list = try await client.call(MaterialReserveMethods.listNorms, EmptyMessage())
            try options.emit(list, text: list.norms.map {
                "tier \($0.tier) \($0.riskLevel.name): \($0.itemCode) × \($0.quantity) \($0.basis.name)"
            }.joined(separator: "\n"))
        }
    }
}
