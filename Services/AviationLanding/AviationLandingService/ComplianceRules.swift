import AnlanRecords
import AviationLandingAPI
import Foundation

/// The compliance rules a landing point is checked against, derived from its record on every write
/// (never set by hand). A missing measurement (no obstacle height or slope, a touchdown side of 0)
/// fails its rule: a point is compliant only when it is known to be.
public enum ComplianceRules {
    /// Bumped whenever a rule or threshold changes, so stored results are derived again on start.
    public static let version = 2

    /// The most a field site's touchdown area may slope, 5°, in percent (tan 5° ≈ 8.75 %).
    static let fieldSlopePercent = tan(5 * Double.pi / 180) * 100

    public static let all: [ComplianceRule] = [
        ComplianceRule(
            id: "obstacle-35m-circle", requirement: "no fixed structure taller than 0.5 m within the 35 m diameter circle around the point",
            source: "Zhejiang's requirements for temporary helicopter landing points",
            threshold: 0.5
        ) { point, limit in
            guard let height = point.obstacleHeightMetres else { return "obstacle height within the 35 m circle not recorded" }
            return height > limit ? "a \(metres(height)) m structure within the 35 m circle (at most \(metres(limit)) m)" : nil
        },
        ComplianceRule(
            id: "slope-prepared-surface", requirement: "a concrete or asphalt touchdown area slopes at most 2 %",
            source: "heliport surface requirement: touchdown area slope at most 2 %",
            threshold: 2
        ) { point, limit in
            guard point.surface.isPrepared else { return nil }
            guard let slope = point.slopePercent else { return "slope not recorded" }
            return slope > limit ? "slope \(metres(slope)) % on a prepared surface (at most \(metres(limit)) %)" : nil
        },
        ComplianceRule(
            id: "slope-field-site", requirement: "a field site (earth, grass, other surface) slopes at most 5°",
            source: "forest-fire field landing sites: slope at most 5°",
            threshold: fieldSlopePercent
        ) { point, limit in
            guard !point.surface.isPrepared else { return nil }
            guard let slope = point.slopePercent else { return "slope not recorded" }
            return slope > limit ? "slope \(metres(slope)) % (\(metres(atan(slope / 100) * 180 / .pi))°) on a field site (at most 5°)" : nil
        },
        ComplianceRule(
            id: "touchdown-area-size", requirement: "both sides of the touchdown area at least 1.5 × D of the largest class accepted",
            source: "ICAO Annex 14, Volume II (Heliports): final approach and take-off area at least 1.5 D; D per HelicopterClass",
            threshold: 1.5
        ) { point, factor in
            let needed = factor * point.largestClass.overallLength
            if point.lengthMetres <= 0 || point.widthMetres <= 0 { return "touchdown area not recorded" }
            return min(point.lengthMetres, point.widthMetres) < needed
                ? "touchdown area \(metres(point.lengthMetres)) × \(metres(point.widthMetres)) m is too small for \(point.largestClass.name) helicopters (needs \(metres(needed)) m each side)"
                : nil
        },
        ComplianceRule(
            id: "ground-marking", requirement: "the uniform ground marking is present",
            source: "Zhejiang's requirements for temporary helicopter landing points: uniform ground marking"
        ) { point, _ in
            point.groundMarking ? nil : "no ground marking"
        },
        ComplianceRule(
            id: "power-lines-100m", requirement: "no power lines within 100 m of the point (on the approach)",
            source: "approach obstacle rule of this register (issue 6): power lines within 100 m fail"
        ) { point, _ in
            point.powerLinesNear ? "power lines within 100 m" : nil
        },
    ]

    /// The rules `point` fails: (id, why), in the order of `all`.
    public static func failures(of point: LandingPoint) -> [(id: String, reason: String)] {
        all.compactMap { rule in rule.failure(point, rule.threshold ?? 0).map { (rule.id, $0) } }
    }

    private static func metres(_ value: Double) -> String {
        String(format: "%g", (value * 100).rounded() / 100)
    }
}
