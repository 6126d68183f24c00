import AnlanRecords

/// Where a warning stands.
public enum WarningStatus: UInt8, WireEnum {
    /// 生效: in force between its valid-from and valid-to times.
    case active = 1
    /// 解除: lifted by its issuer.
    case lifted = 2
    /// 变更: replaced by a later warning (its `replacedBy`).
    case replaced = 3

    public static let kindName = "warning status"

    public var name: String {
        switch self {
        case .active: "active"
        case .lifted: "lifted"
        case .replaced: "replaced"
        }
    }
}
