import AnlanRecords

/// Whether a landing point can be used now.
public enum LandingPointStatus: UInt8, WireEnum {
    case available = 1
    case restricted = 2
    case outOfService = 3

    public static let kindName = "landing point status"

    public var name: String {
        switch self {
        case .available: "available"
        case .restricted: "restricted"
        case .outOfService: "out-of-service"
        }
    }
}
