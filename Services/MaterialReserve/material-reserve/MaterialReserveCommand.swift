import AnlanNode
import AnlanRecords
import AnlanRegions
import ArgumentParser
import Foundation
import Logging
import MaterialReserveAPI
import MaterialReserveService

/// `material-reserve`: storage points, the stock ledger, dispatch orders and local dispatch planning.
@main
struct MaterialReserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "material-reserve",
        abstract: "Anlan material-reserve: storage points, the stock ledger, dispatch orders, nearest-first planning.",
        subcommands: [Serve.self, Probe.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service for a region.")
        @OptionGroup var options: ServeOptions
        @Option(help: "Assumed road speed for ETAs, km/h.") var roadSpeed = 40.0
        @Option(help: "Loading time before leaving, hours.") var loadingHours = 0.5
        @Option(help: "Arrival target when a plan request gives none, hours.") var targetHours = 3.0

        func validate() throws {
            guard roadSpeed > 0, roadSpeed.isFinite else { throw ValidationError("--road-speed must be positive") }
            guard loadingHours >= 0, loadingHours.isFinite else { throw ValidationError("--loading-hours must be ≥ 0") }
            guard targetHours > 0, targetHours.isFinite else { throw ValidationError("--target-hours must be positive") }
        }

        func run() async throws {
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
            var logger = Logger(label: "anlan.material-reserve")
            logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
            let reserve = try MaterialReserve(databasePath: options.database ?? "material-reserve-\(options.region).sqlite",
                                              regionCode: options.region, logger: logger)
            let planner = DispatchPlanner(roadSpeedKilometresPerHour: roadSpeed, loadingHours: loadingHours, defaultTargetHours: targetHours)
            try await NodeServer.run(MaterialReserveNode(reserve: reserve, planner: planner), options: options, logger: logger)
        }
    }

    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask a running material-reserve node.",
            subcommands: [PingCommand.self, InfoCommand.self, Stock.self, Order.self, Plan.self])
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
            let needs = try need.split(separator: ",").map { pair -> DispatchLine in
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let quantity = Int64(parts[1]) else { throw ValidationError("--need: \"\(pair)\" is not item=quantity") }
                return DispatchLine(itemCode: String(parts[0]), quantity: quantity)
            }
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
}
