import AnlanRecords

/// What a rescue team is trained and equipped for (专业方向). An incident's kind names the
/// specialties it needs (`IncidentKind.specialties`).
public enum Specialty: UInt8, WireEnum {
    /// 防汛抗洪、水域救援.
    case floodWater = 1
    /// 山地搜救、建筑坍塌搜救.
    case mountainCollapse = 2
    /// 危险化学品救援.
    case hazardousChemicals = 3
    /// 森林灭火.
    case forestFire = 4
    /// 医疗救护.
    case medical = 5
    /// 电力、通信抢修.
    case powerCommunications = 6
    /// 矿山、隧道救援.
    case mineTunnel = 7

    public static let kindName = "specialty"

    public var name: String {
        switch self {
        case .floodWater: "flood-water"
        case .mountainCollapse: "mountain-collapse"
        case .hazardousChemicals: "hazardous-chemicals"
        case .forestFire: "forest-fire"
        case .medical: "medical"
        case .powerCommunications: "power-communications"
        case .mineTunnel: "mine-tunnel"
        }
    }
}
