import AnlanRecords

/// What a cadre records for a person (a scan of their transfer code, or a tap on the phone page).
public enum TransferAction: UInt8, WireEnum {
    /// 叫应: the person confirmed they heard the warning.
    case confirm = 1
    /// 转移: moved out, to `shelterID` or (empty) to relatives.
    case move = 2
    /// 返回: back home.
    case `return` = 3
    /// 拒绝转移.
    case refuse = 4
    /// 联系不上.
    case unreachable = 5

    public static let kindName = "transfer action"

    public var name: String {
        switch self {
        case .confirm: "confirm"
        case .move: "move"
        case .return: "return"
        case .refuse: "refuse"
        case .unreachable: "unreachable"
        }
    }

    /// The state the action leads to.
    public var target: TransferState {
        switch self {
        case .confirm: .called
        case .move: .moved
        case .return: .returned
        case .refuse: .refused
        case .unreachable: .unreachable
        }
    }

    /// The states it may start from (see `TransferState`).
    public var allowedFrom: Set<TransferState> {
        switch self {
        case .confirm: [.toCall, .unreachable, .refused]
        case .move: [.toCall, .called, .unreachable, .refused]
        case .return: [.moved]
        case .refuse: [.toCall, .called, .unreachable]
        case .unreachable: [.toCall, .called]
        }
    }
}
