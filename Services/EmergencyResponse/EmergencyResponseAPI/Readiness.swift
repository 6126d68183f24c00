import AnlanRecords

/// Whether a team can be sent (战备状态). Only a team on standby is proposed; a deployed team is
/// proposed again once it is released.
public enum Readiness: UInt8, WireEnum {
    /// 待命.
    case standby = 1
    /// 出动: deployed to an incident (set by a deployment only).
    case deployed = 2
    /// 休整.
    case resting = 3
    /// 不可用 (training away, equipment down…).
    case unavailable = 4

    public static let kindName = "readiness"

    public var name: String {
        switch self {
        case .standby: "standby"
        case .deployed: "deployed"
        case .resting: "resting"
        case .unavailable: "unavailable"
        }
    }
}
