import AnlanRecords

/// What kind of force a rescue team is (救援队伍类别).
public enum TeamKind: UInt8, WireEnum {
    /// 综合性消防救援队伍: the fire and rescue service.
    case fireRescue = 1
    /// 专业救援队伍: a department's or an enterprise's professional team (flood, mine, power, chemicals…).
    case professional = 2
    /// 社会应急力量: a registered volunteer rescue team.
    case social = 3
    /// 航空救援队伍: helicopters and their crews.
    case aviation = 4

    public static let kindName = "team kind"

    public var name: String {
        switch self {
        case .fireRescue: "fire-rescue"
        case .professional: "professional"
        case .social: "social"
        case .aviation: "aviation"
        }
    }
}
