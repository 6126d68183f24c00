import AnlanRecords
import AnlanRegions
import EmergencyResponseAPI

/// When a team can be at an incident (the rule `ProposedTeam` documents).
enum TeamArrival {
    /// Hours a ground team takes to muster, and its road speed: the material plan's figures.
    static let musterHours = 0.5
    static let roadKilometresPerHour = 40.0
    /// Hours an aviation team takes to get airborne.
    static let takeOffHours = 0.5
    /// How far from the incident a landing point may be and still serve it.
    static let landingReachKilometres = 30.0

    /// A ground team's ETA over `kilometres` of great-circle distance.
    static func byRoad(_ kilometres: Double) -> Double {
        musterHours + kilometres / roadKilometresPerHour
    }

    /// How far a ground team can be and still arrive within `hours`.
    static func groundReachKilometres(within hours: Double) -> Double {
        max(0, hours - musterHours) * roadKilometresPerHour
    }

    /// An aviation team's ETA: airborne, flown to the landing point, then the last leg by road.
    static func byAir(flownKilometres: Double, lastLegKilometres: Double, helicopter: HelicopterClass) -> Double {
        takeOffHours + flownKilometres / cruiseKilometresPerHour(helicopter) + lastLegKilometres / roadKilometresPerHour
    }

    /// A cautious cruise speed per class (AS350 ≈ 230, AW139 ≈ 290, Mi-171 ≈ 230 km/h book figures).
    static func cruiseKilometresPerHour(_ helicopter: HelicopterClass) -> Double {
        switch helicopter {
        case .light: 200
        case .medium: 250
        case .heavy: 220
        }
    }
}
