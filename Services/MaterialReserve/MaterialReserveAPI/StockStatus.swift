import AnlanRecords

/// The condition of stock. Only good, unexpired stock can be allocated to a dispatch.
public enum StockStatus: UInt8, WireEnum {
    case good = 1
    case damaged = 2
    case expired = 3

    public static let kindName = "stock status"

    public var name: String {
        switch self {
        case .good: "good"
        case .damaged: "damaged"
        case .expired: "expired"
        }
    }
}
