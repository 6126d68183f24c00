import AnlanRecords

/// The three kinds of record the service keeps, for import and export.
public enum HazardRecordKind: UInt8, WireEnum {
    case points = 1
    case enterprises = 2
    case hiddenHazards = 3

    public static let kindName = "record kind"

    public var name: String {
        switch self {
        case .points: "points"
        case .enterprises: "enterprises"
        case .hiddenHazards: "hidden-hazards"
        }
    }
}
