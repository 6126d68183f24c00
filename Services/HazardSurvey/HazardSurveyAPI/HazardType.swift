import AnlanRecords

/// The natural hazard a hazard point is exposed to, from the classes of the national comprehensive
/// natural-disaster risk survey (第一次全国自然灾害综合风险普查). Raw values travel on the wire.
public enum HazardType: UInt8, WireEnum {
    case earthquake = 1          // 地震
    case landslide = 2           // 滑坡
    case collapse = 3            // 崩塌
    case debrisFlow = 4          // 泥石流
    case groundSubsidence = 5    // 地面塌陷
    case typhoon = 6             // 台风
    case rainstorm = 7           // 暴雨
    case snowAndIce = 8          // 冰雪 (低温雨雪冰冻)
    case riverFlood = 9          // 江河洪水
    case flashFlood = 10         // 山洪 (中小流域)
    case urbanWaterlogging = 11  // 城市内涝
    case stormSurge = 12         // 风暴潮
    case forestFire = 13         // 森林草原火灾

    public static let kindName = "hazard type"

    public var name: String {
        switch self {
        case .earthquake: "earthquake"
        case .landslide: "landslide"
        case .collapse: "collapse"
        case .debrisFlow: "debris-flow"
        case .groundSubsidence: "ground-subsidence"
        case .typhoon: "typhoon"
        case .rainstorm: "rainstorm"
        case .snowAndIce: "snow-ice"
        case .riverFlood: "river-flood"
        case .flashFlood: "flash-flood"
        case .urbanWaterlogging: "urban-waterlogging"
        case .stormSurge: "storm-surge"
        case .forestFire: "forest-fire"
        }
    }

    /// The survey's hazard family.
    public var category: HazardCategory {
        switch self {
        case .earthquake: .earthquake
        case .landslide, .collapse, .debrisFlow, .groundSubsidence: .geological
        case .typhoon, .rainstorm, .snowAndIce: .meteorological
        case .riverFlood, .flashFlood, .urbanWaterlogging: .flood
        case .stormSurge: .marine
        case .forestFire: .forestAndGrasslandFire
        }
    }
}

/// The hazard families of the national survey (地震、地质、气象、水旱、海洋、森林草原火灾).
public enum HazardCategory: String, Sendable, CaseIterable, Codable {
    case earthquake, geological, meteorological, flood, marine, forestAndGrasslandFire
}
