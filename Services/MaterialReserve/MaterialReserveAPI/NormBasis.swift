import AnlanRecords

/// What a reserve norm's quantity is counted per.
public enum NormBasis: UInt8, WireEnum {
    /// A fixed quantity for each region of the norm's tier.
    case perRegion = 1
    /// Per flood-control responsible person (防汛责任人) in the region's subtree.
    case perResponsiblePerson = 2
    /// Per village in a disaster-prone area (灾害易发区行政村) in the region's subtree.
    case perDisasterProneVillage = 3

    public static let kindName = "norm basis"

    public var name: String {
        switch self {
        case .perRegion: "per-region"
        case .perResponsiblePerson: "per-responsible-person"
        case .perDisasterProneVillage: "per-disaster-prone-village"
        }
    }
}
