import AnlanNode
import AnlanRegions
import ArgumentParser
import Foundation
import GatewayAPI

/// `gateway probe index`: a region's control-power indices and its children ranked (晾晒).
struct IndexProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index",
                                                    abstract: "A region's control-power indices (管控力指数) and its children ranked.")
    @OptionGroup var options: ProbeOptions
    @Option(help: "Region code (default: the gateway's own).") var region = ""
    @Option(help: "A published month, YYYY-MM (default: the live index).") var month = ""
    @Flag(help: "Every indicator of the region, with its numerator and denominator.") var indicators = false

    func run() async throws {
        try await options.run { client in
            let report = try await client.call(GatewayMethods.index, IndexRequest(regionCode: region, month: month))
            try options.emit(report, text: describe(report))
        }
    }

    func describe(_ report: IndexReport) -> String {
        var lines = ["\(report.month.isEmpty ? "live" : report.month)\(report.responseActive ? " (a warning or response is in force)" : "")"]
        for index in report.region {
            lines.append("\(index.kind.chineseName) \(regionName(index.regionCode)): \(Self.score(index.score)) — reliability \(index.reliability), "
                + "\(index.indicatorsWithData) of \(index.indicators) indicators with data, \(index.freshness.name), configuration \(index.configurationVersion)")
            guard indicators else { continue }
            for value in index.values {
                let figure = value.value.map { String(format: "%.3f", $0) } ?? "no data (\(value.missingReason))"
                lines.append(String(format: "  %@ %@ [%@]: %@ = %g / %g, score %@, weight %.2f", value.id, value.name, value.area, figure,
                                    value.numerator, value.denominator, Self.score(value.score), value.weight))
            }
        }
        for (kind, rows) in [(IndexKind.workSafety, report.workSafetyRanking), (.naturalDisaster, report.naturalDisasterRanking)] where !rows.isEmpty {
            lines.append("\(kind.chineseName), ranked:")
            for row in rows {
                var line = "  \(row.rank == 0 ? "-" : String(row.rank)). \(regionName(row.index.regionCode)) \(Self.score(row.index.score))"
                    + " (reliability \(row.index.reliability)\(row.index.freshness == .fresh ? "" : ", \(row.index.freshness.name)"))"
                if let change = row.change { line += String(format: ", %+.1f since the month before", change) }
                if !row.mostMovedIndicator.isEmpty { line += String(format: ", most moved by %@ (%+.1f)", row.mostMovedIndicator, row.mostMovedBy) }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    static func score(_ score: Double?) -> String {
        score.map { String(format: "%.1f", $0) } ?? "not scored"
    }
}

/// `gateway probe publish`: publishes a month's indices at the gateway and every node below it.
struct PublishProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish a month's control-power indices (月度发布).")
    @OptionGroup var options: ProbeOptions
    @Option(help: "The month, YYYY-MM (default: the previous one).") var month = ""

    func run() async throws {
        try await options.run { client in
            let result = try await client.call(GatewayMethods.publishIndices, PublishRequest(month: month))
            try options.emit(result, text: "\(result.month): \(result.published) regions published, \(result.alreadyPublished) already published "
                + "(kept as they were); configuration \(result.configurationVersion)")
        }
    }
}

/// `gateway probe indicator`: one indicator explained down to its records (指标下钻).
struct IndicatorProbe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "indicator",
                                                    abstract: "What stands behind one indicator: each child region's figures and the records counted.")
    @OptionGroup var options: ProbeOptions
    @Argument(help: "The indicator's id (docs/INDICES.md), e.g. hazards-overdue-listed.") var indicator: String
    @Option(help: "Region code (default: the gateway's own).") var region = ""
    @Option(help: "At most this many records (0: 100).") var limit: UInt32 = 0

    func run() async throws {
        try await options.run { client in
            let records = try await client.call(GatewayMethods.indicatorRecords, IndicatorRecordsRequest(regionCode: region, indicator: indicator, limit: limit))
            try options.emit(records, text: describe(records))
        }
    }

    func describe(_ records: IndicatorRecords) -> String {
        func figure(_ value: IndicatorValue) -> String {
            guard let raw = value.value else { return "no data (\(value.missingReason))" }
            return String(format: "%.3f (%g / %g), score %@", raw, value.numerator, value.denominator, IndexProbe.score(value.score))
        }
        var lines = ["\(records.value.name) \(records.value.id) in \(regionName(records.regionCode)): \(figure(records.value))"]
        for region in records.regions {
            lines.append("  \(regionName(region.regionCode))\(region.freshness == .fresh ? "" : " [\(region.freshness.name)]"): \(figure(region.value))")
        }
        for hazard in records.hiddenHazards {
            lines.append("  hidden hazard \(hazard.id) \(regionName(hazard.regionCode)) \(hazard.state.name), deadline \(hazard.deadline.map { "\($0)" } ?? "none")"
                + "\(hazard.overdue ? ", overdue" : "")\(hazard.listed ? ", listed" : "")\(hazard.major ? ", major" : ""): \(hazard.description)")
        }
        for short in records.trainingShortfalls {
            lines.append("  \(regionName(short.regionCode)) \(short.line.role.name)\(short.line.village ? " (village)" : ""): \(short.line.trained) of \(short.line.people) trained, "
                + String(format: "target %.0f %%, ", short.line.targetPercent) + "\(short.toTrain) to train")
        }
        return lines.joined(separator: "\n")
    }
}

/// `330106 西湖区`: a region's code with its Chinese name (the code alone when the tree does not know it).
func regionName(_ code: String) -> String {
    guard let region = try? RegionTree.zhejiang.region(code) else { return code }
    return "\(code) \(region.name)"
}
