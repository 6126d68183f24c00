/// A landing-points node's rules, set by flags.
public struct LandingConfiguration: Sendable, Hashable {
    /// A point not inspected for this many months is due (default 12).
    public var inspectionIntervalMonths: Int
    /// A township is covered with a usable point within this distance (default 15 km).
    public var coverageKilometres: Double
    /// New landing points the province plans a year (default 80), shared out by townships.
    public var annualTarget: Int

    public init(inspectionIntervalMonths: Int = 12, coverageKilometres: Double = 15, annualTarget: Int = 80) {
        self.inspectionIntervalMonths = inspectionIntervalMonths
        self.coverageKilometres = coverageKilometres
        self.annualTarget = annualTarget
    }
}
