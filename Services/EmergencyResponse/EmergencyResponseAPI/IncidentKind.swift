import AnlanRecords

/// What happened (事件类型), and the specialties a response to it needs.
public enum IncidentKind: UInt8, WireEnum {
    /// 洪涝: flooding, waterlogging, a breached dike.
    case flood = 1
    /// 台风: a typhoon's landfall (wind, rain, surge together).
    case typhoon = 2
    /// 地质灾害: landslide, debris flow, collapse of a slope.
    case landslide = 3
    /// 森林火灾.
    case forestFire = 4
    /// 危化品事故.
    case hazardousChemicals = 5
    /// 建筑坍塌.
    case buildingCollapse = 6
    /// 矿山、隧道事故.
    case mineTunnel = 7
    /// 电力、通信中断 (三断).
    case outage = 8

    public static let kindName = "incident kind"

    public var name: String {
        switch self {
        case .flood: "flood"
        case .typhoon: "typhoon"
        case .landslide: "landslide"
        case .forestFire: "forest-fire"
        case .hazardousChemicals: "hazardous-chemicals"
        case .buildingCollapse: "building-collapse"
        case .mineTunnel: "mine-tunnel"
        case .outage: "outage"
        }
    }

    /// The name people read (Simplified Chinese).
    public var chineseName: String {
        switch self {
        case .flood: "洪涝"
        case .typhoon: "台风"
        case .landslide: "地质灾害"
        case .forestFire: "森林火灾"
        case .hazardousChemicals: "危化品事故"
        case .buildingCollapse: "建筑坍塌"
        case .mineTunnel: "矿山隧道事故"
        case .outage: "电力通信中断"
        }
    }

    /// The specialties a response needs, the first the one it cannot do without; a team matches
    /// when it has any of them.
    public var specialties: [Specialty] {
        switch self {
        case .flood: [.floodWater, .medical]
        case .typhoon: [.floodWater, .mountainCollapse, .powerCommunications, .medical]
        case .landslide: [.mountainCollapse, .medical]
        case .forestFire: [.forestFire, .medical]
        case .hazardousChemicals: [.hazardousChemicals, .medical]
        case .buildingCollapse: [.mountainCollapse, .medical]
        case .mineTunnel: [.mineTunnel, .medical]
        case .outage: [.powerCommunications]
        }
    }
}
