import AnlanRecords

/// Where one person stands in one warning's transfer (一码转移).
///
/// | action       | from                                 | to          |
/// |--------------|--------------------------------------|-------------|
/// | confirm      | toCall, unreachable, refused         | called      |
/// | move         | toCall, called, unreachable, refused | moved       |
/// | return       | moved                                | returned    |
/// | refuse       | toCall, called, unreachable          | refused     |
/// | unreachable  | toCall, called                       | unreachable |
///
/// Refused and unreachable people stay on the lists until they are moved.
public enum TransferState: UInt8, WireEnum {
    /// 待叫应.
    case toCall = 1
    /// 已叫应: the person confirmed the warning (who called, when).
    case called = 2
    /// 已转移: to a shelter, or to relatives.
    case moved = 3
    /// 已返回: back home after the warning.
    case returned = 4
    /// 拒绝转移.
    case refused = 5
    /// 联系不上.
    case unreachable = 6

    public static let kindName = "transfer state"

    public var name: String {
        switch self {
        case .toCall: "to-call"
        case .called: "called"
        case .moved: "moved"
        case .returned: "returned"
        case .refused: "refused"
        case .unreachable: "unreachable"
        }
    }

    /// Still on the lists: not moved (and not returned).
    public var isUnresolved: Bool { self == .toCall || self == .called || self == .refused || self == .unreachable }
}
