import AnlanRecords

/// What makes a person vulnerable (重点人员): moved first, by someone named for it.
public enum PersonNeed: UInt8, WireEnum {
    /// 老人: 70 or older.
    case elderly = 1
    /// 残疾.
    case disabled = 2
    /// 卧床: cannot walk; needs a stretcher or vehicle.
    case bedridden = 3
    /// 留守儿童: a child with no adult at home.
    case childAlone = 4

    public static let kindName = "need"

    public var name: String {
        switch self {
        case .elderly: "elderly"
        case .disabled: "disabled"
        case .bedridden: "bedridden"
        case .childAlone: "child-alone"
        }
    }
}
