import AnlanRecords

/// A deployment's state: active while the team is out; released when it comes back; undone when a
/// confirmation that made it failed elsewhere (the team never left).
public enum DeploymentState: UInt8, WireEnum {
    /// 出动中.
    case active = 1
    /// 已归建.
    case released = 2
    /// 已撤销.
    case undone = 3

    public static let kindName = "deployment state"

    public var name: String {
        switch self {
        case .active: "active"
        case .released: "released"
        case .undone: "undone"
        }
    }
}
