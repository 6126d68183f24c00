import AnlanRecords

/// What a routed order request does at the owning node's material-reserve.
public enum OrderAction: UInt8, WireEnum {
    case create = 1
    case approve = 2
    case cancel = 3

    public static let kindName = "order action"

    public var name: String {
        switch self {
        case .create: "create"
        case .approve: "approve"
        case .cancel: "cancel"
        }
    }
}
