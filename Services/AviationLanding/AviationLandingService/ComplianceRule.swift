import AviationLandingAPI

/// One compliance rule for landing points: its id (what `LandingPoint.failedRules` lists), what it
/// requires, where the requirement comes from, its threshold, and the check. Rules are data: the
/// list is `ComplianceRules.all`.
public struct ComplianceRule: Sendable {
    public let id: String
    public let requirement: String
    public let source: String
    /// The limit the check compares against (nil for a yes/no rule).
    public let threshold: Double?
    /// Why `point` fails, or nil when it passes.
    public let failure: @Sendable (_ point: LandingPoint, _ threshold: Double) -> String?

    public init(id: String, requirement: String, source: String, threshold: Double? = nil,
                failure: @escaping @Sendable (_ point: LandingPoint, _ threshold: Double) -> String?) {
        self.id = id
        self.requirement = requirement
        self.source = source
        self.threshold = threshold
        self.failure = failure
    }
}
