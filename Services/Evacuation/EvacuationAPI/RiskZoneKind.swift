import AnlanRecords

/// The kind of risk zone a coded person lives or works in, which decides the warnings that move them.
public enum RiskZoneKind: UInt8, WireEnum {
    /// 地质灾害隐患点: landslide, collapse, debris flow.
    case geological = 1
    /// 山洪危险区.
    case flashFlood = 2
    /// 城市内涝: low-lying urban areas, basements.
    case urbanFlooding = 3
    /// 海塘、沿海低洼地: the coast in a typhoon or storm surge.
    case coastal = 4
    /// 在建工地: construction workers (工棚).
    case worksite = 5
    /// 渔船: fishermen to bring back to port (渔船回港、人员上岸).
    case fishingVessel = 6

    public static let kindName = "risk kind"

    public var name: String {
        switch self {
        case .geological: "geological"
        case .flashFlood: "flash-flood"
        case .urbanFlooding: "urban-flooding"
        case .coastal: "coastal"
        case .worksite: "worksite"
        case .fishingVessel: "fishing-vessel"
        }
    }
}
