import AnlanRecords

/// What a ledger movement does to a stock line. The sign of the quantity follows from the kind,
/// except for adjustments, which carry their own sign and a reason.
public enum MovementKind: UInt8, WireEnum {
    /// Stock arrives (入库): adds.
    case receive = 1
    /// Stock leaves for use or disposal (出库): takes away.
    case issue = 2
    /// A correction after a count, damage or expiry (调整): either sign, reason required.
    case adjust = 3
    /// Leaves for another storage point (调出): takes away.
    case transferOut = 4
    /// Arrives from another storage point (调入): adds.
    case transferIn = 5

    public static let kindName = "movement kind"

    public var name: String {
        switch self {
        case .receive: "receive"
        case .issue: "issue"
        case .adjust: "adjust"
        case .transferOut: "transfer-out"
        case .transferIn: "transfer-in"
        }
    }

    /// +1 for kinds that add, −1 for kinds that take away, 0 when the movement's own sign counts.
    public var sign: Int64 {
        switch self {
        case .receive, .transferIn: 1
        case .issue, .transferOut: -1
        case .adjust: 0
        }
    }
}
