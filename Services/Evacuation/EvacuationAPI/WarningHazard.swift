import AnlanRecords

/// What a warning is about (the event of a CAP message), which decides the risk kinds it moves.
public enum WarningHazard: UInt8, WireEnum {
    /// 台风: every kind of risk zone.
    case typhoon = 1
    /// 暴雨: geological, flash flood, urban flooding, worksites.
    case rainstorm = 2
    /// 洪水: flash flood, urban flooding, worksites.
    case flood = 3
    /// 山洪: flash flood.
    case flashFlood = 4
    /// 地质灾害: geological.
    case geological = 5
    /// 风暴潮: coastal, fishing vessels.
    case stormSurge = 6

    public static let kindName = "warning hazard"

    public var name: String {
        switch self {
        case .typhoon: "typhoon"
        case .rainstorm: "rainstorm"
        case .flood: "flood"
        case .flashFlood: "flash-flood"
        case .geological: "geological"
        case .stormSurge: "storm-surge"
        }
    }

    /// The risk kinds whose people a warning of this hazard concerns.
    public var riskKinds: Set<RiskZoneKind> {
        switch self {
        case .typhoon: Set(RiskZoneKind.allCases)
        case .rainstorm: [.geological, .flashFlood, .urbanFlooding, .worksite]
        case .flood: [.flashFlood, .urbanFlooding, .worksite]
        case .flashFlood: [.flashFlood]
        case .geological: [.geological]
        case .stormSurge: [.coastal, .fishingVessel]
        }
    }
}
