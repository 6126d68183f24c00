import GatewayAPI

/// Turns a region's merged summary into its control-power indices (管控力指数), as docs/INDICES.md
/// states: each indicator's raw value scored 0–100 linearly between its goalposts (held at them beyond);
/// the index the weighted mean of the indicators with data, their weights renormalised — missing data
/// is left out, never counted as zero; no score when those carry less than the minimum share of the
/// weight; the reliability the share of weight with data times the share of nodes reporting fresh.
public struct IndexCalculator: Sendable {
    public let configuration: IndexConfiguration

    public init(configuration: IndexConfiguration) {
        self.configuration = configuration
    }

    /// Both indices of the configuration for `summary`'s region.
    public func indices(_ summary: RegionSummary) -> [ControlIndex] {
        IndexKind.allCases.compactMap { kind in
            let entries = configuration.entries(kind)
            return entries.isEmpty ? nil : index(kind, entries, summary)
        }
    }

    func index(_ kind: IndexKind, _ entries: [IndexConfiguration.Entry], _ summary: RegionSummary) -> ControlIndex {
        var index = ControlIndex(regionCode: summary.regionCode, kind: kind)
        index.configurationVersion = configuration.version
        index.asOfMilliseconds = summary.asOfMilliseconds
        index.freshness = summary.freshness
        index.indicators = UInt32(entries.count)
        let totalWeight = entries.reduce(0) { $0 + $1.weight }
        var weightWithData = 0.0
        var weighted = 0.0
        var reporting = 1.0
        for entry in entries {
            guard let indicator = Indicator(rawValue: entry.id) else { continue }
            let value = Self.value(of: indicator, entry, weight: entry.weight / totalWeight, summary)
            if let score = value.score {
                weightWithData += entry.weight
                weighted += entry.weight * score
                index.indicatorsWithData += 1
            }
            if indicator == .meshReporting, value.denominator > 0 { reporting = value.numerator / value.denominator }
            index.values.append(value)
        }
        let share = totalWeight > 0 ? weightWithData / totalWeight : 0
        if weightWithData > 0, share >= configuration.minimumWeightShare {
            index.score = (weighted / weightWithData * 10).rounded() / 10
        }
        index.reliability = ((share * (summary.freshness == .missing ? 0 : reporting)) * 1000).rounded() / 1000
        return index
    }

    /// `indicator` in `summary`'s region, scored on the goalposts it has in the configuration (the first
    /// index that weighs it; unscored, with weight 0, when none does).
    public func value(of indicator: Indicator, _ summary: RegionSummary) -> IndicatorValue {
        for index in configuration.indices {
            let total = index.indicators.reduce(0) { $0 + $1.weight }
            if let entry = index.indicators.first(where: { $0.id == indicator.rawValue }) {
                return Self.value(of: indicator, entry, weight: entry.weight / total, summary)
            }
        }
        var value = Self.value(of: indicator, IndexConfiguration.Entry(id: indicator.rawValue, weight: 0, worst: 0, best: 1), weight: 0, summary)
        value.score = nil
        return value
    }

    /// One indicator's value and score in `summary`, on `entry`'s goalposts; missing with its reason when
    /// its denominator is zero.
    static func value(of indicator: Indicator, _ entry: IndexConfiguration.Entry, weight: Double, _ summary: RegionSummary) -> IndicatorValue {
        let measured = indicator.measure(summary)
        var value = IndicatorValue(id: indicator.rawValue, name: indicator.chineseName, area: indicator.area, numerator: measured.numerator,
                                   denominator: measured.denominator, weight: weight)
        if measured.denominator > 0 {
            let raw = measured.numerator / measured.denominator * measured.unit
            value.value = raw
            value.score = score(raw, worst: entry.worst, best: entry.best)
        } else {
            value.missingReason = measured.missing.isEmpty ? "no data" : measured.missing
        }
        return value
    }

    /// `raw` on the 0–100 scale from `worst` to `best` (either order), held at the ends.
    static func score(_ raw: Double, worst: Double, best: Double) -> Double {
        let position = (raw - worst) / (best - worst)
        return (min(1, max(0, position)) * 1000).rounded() / 10
    }
}
