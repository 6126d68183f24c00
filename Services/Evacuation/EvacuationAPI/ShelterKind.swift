import AnlanRecords

/// What a shelter (避灾安置场所) is in ordinary times.
public enum ShelterKind: UInt8, WireEnum {
    /// 学校.
    case school = 1
    /// 体育馆.
    case gymnasium = 2
    /// 文化礼堂、村(社区)活动中心.
    case communityHall = 3
    /// 专用避灾安置场所: built for it.
    case purposeBuilt = 4
    /// 宾馆、其他: anything else requisitioned.
    case other = 5

    public static let kindName = "shelter kind"

    public var name: String {
        switch self {
        case .school: "school"
        case .gymnasium: "gymnasium"
        case .communityHall: "community-hall"
        case .purposeBuilt: "purpose-built"
        case .other: "other"
        }
    }
}
