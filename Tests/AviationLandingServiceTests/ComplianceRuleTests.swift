import AviationLandingAPI
import AviationLandingService
import Testing

/// Each compliance rule on both sides of its threshold, from a point that passes every rule.
@Suite struct ComplianceRuleTests {
    static let compliant = LandingPoint(
        id: "P", name: "试验起降点", regionCode: "330106", latitude: 30.26, longitude: 120.12, kind: .temporaryField,
        lengthMetres: 30, widthMetres: 30, surface: .concrete, slopePercent: 1, obstacleHeightMetres: 0.3,
        powerLinesNear: false, groundMarking: true, nightLighting: .mobile, largestClass: .light)

    func failures(_ change: (inout LandingPoint) -> Void) -> [String] {
        var point = Self.compliant
        change(&point)
        return ComplianceRules.failures(of: point).map(\.id)
    }

    @Test func theBasePointPassesEveryRule() {
        #expect(failures { _ in } == [])
    }

    /// A point just inside the rule's limit and one just past it.
    static func sides(of rule: String) -> (passing: LandingPoint, failing: LandingPoint) {
        var passing = compliant, failing = compliant
        switch rule {
        case "obstacle-35m-circle":
            passing.obstacleHeightMetres = 0.5
            failing.obstacleHeightMetres = 0.51
        case "slope-prepared-surface":
            passing.slopePercent = 2
            failing.slopePercent = 2.01
        case "slope-field-site":  // 5° = 8.749 %
            passing.surface = .grass
            failing.surface = .grass
            passing.slopePercent = 8.74
            failing.slopePercent = 8.76
        case "touchdown-area-size":  // medium: 1.5 × 17 m = 25.5 m each side
            passing.largestClass = .medium
            failing.largestClass = .medium
            (passing.lengthMetres, passing.widthMetres) = (25.5, 40)
            (failing.lengthMetres, failing.widthMetres) = (40, 25.4)
        case "ground-marking":
            failing.groundMarking = false
        case "power-lines-100m":
            failing.powerLinesNear = true
        default:
            Issue.record("no test case for rule \(rule)")
        }
        return (passing, failing)
    }

    @Test(arguments: ComplianceRules.all.map(\.id))
    func eachRuleOnBothSidesOfItsThreshold(rule: String) {
        let (passing, failing) = Self.sides(of: rule)
        #expect(ComplianceRules.failures(of: passing).map(\.id) == [])
        #expect(ComplianceRules.failures(of: failing).map(\.id) == [rule])
    }

    @Test func theSlopeLimitDependsOnTheSurface() {
        // 3 % is too steep for concrete (2 %) but fine on a field (5° ≈ 8.75 %).
        #expect(failures { $0.slopePercent = 3 } == ["slope-prepared-surface"])
        #expect(failures { $0.slopePercent = 3; $0.surface = .compactedEarth } == [])
    }

    @Test func unmeasuredObstaclesAndSlopesFail() {
        #expect(failures { $0.obstacleHeightMetres = nil } == ["obstacle-35m-circle"])
        #expect(failures { $0.slopePercent = nil } == ["slope-prepared-surface"])
        #expect(failures { $0.slopePercent = nil; $0.surface = .grass } == ["slope-field-site"])
        #expect(failures { $0.obstacleHeightMetres = 0 } == [], "measured as nothing there")
    }

    @Test func anUnrecordedTouchdownAreaFailsAndSaysSo() {
        var point = Self.compliant
        point.widthMetres = 0
        let failure = ComplianceRules.failures(of: point)
        #expect(failure.map(\.id) == ["touchdown-area-size"])
        #expect(failure.first?.reason == "touchdown area not recorded")
    }

    @Test func everyRuleNamesItsSource() {
        #expect(ComplianceRules.all.count == 6)
        #expect(ComplianceRules.all.allSatisfy { !$0.source.isEmpty && !$0.requirement.isEmpty })
        #expect(Set(ComplianceRules.all.map(\.id)).count == ComplianceRules.all.count)
    }
}
