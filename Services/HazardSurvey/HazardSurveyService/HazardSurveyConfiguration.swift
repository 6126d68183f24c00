import AnlanRecords
import AnlanRegions
import Foundation

/// How a hazard-survey node judges records: risk bands, deadlines per supervising tier, reopening, the clock.
public struct HazardSurveyConfiguration: Sendable {
    /// The names of the risk bands, band 1 (highest risk) first. The national survey's maps use five
    /// bands, I (high) … V (low); a province may use others, so the count is configurable.
    public var riskBands: [String]
    /// Days a supervising tier gives to rectify a hidden hazard, from discovery (or escalation).
    /// The defaults follow the province's rules (city 60, county 30); township and province are ours.
    public var deadlineDays: [Tier: Int]
    /// Whether a closed hidden hazard may be reopened (closed → assigned).
    public var reopenAllowed: Bool
    /// Today at the node, China Standard Time; tests inject a fixed day.
    public var today: @Sendable () -> CivilDay
    /// The wall clock, for the time stamps of history entries.
    public var now: @Sendable () -> Date

    public init(riskBands: [String] = ["I", "II", "III", "IV", "V"],
                deadlineDays: [Tier: Int] = [.province: 90, .city: 60, .county: 30, .township: 15],
                reopenAllowed: Bool = true,
                today: @escaping @Sendable () -> CivilDay = { CivilDay.today },
                now: @escaping @Sendable () -> Date = { Date() }) {
        precondition(!riskBands.isEmpty && riskBands.count < 256, "between 1 and 255 risk bands")
        precondition(Tier.allCases.allSatisfy { (deadlineDays[$0] ?? 0) > 0 }, "a positive deadline for every tier")
        self.riskBands = riskBands
        self.deadlineDays = deadlineDays
        self.reopenAllowed = reopenAllowed
        self.today = today
        self.now = now
    }

    public static var defaults: HazardSurveyConfiguration { HazardSurveyConfiguration() }

    /// The deadline a hidden hazard gets when `tier` supervises it from `day`.
    public func deadline(from day: CivilDay, supervisedBy tier: Tier) -> CivilDay {
        day.adding(days: deadlineDays[tier] ?? 30)
    }
}
