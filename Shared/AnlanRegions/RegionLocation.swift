/// Where a region is, as far as the data can say, and how much to trust it.
///
/// Returned by `RegionTree.location(of:)`, which always gives a point: a township without its own
/// point falls back to its county's.
public struct RegionLocation: Sendable, Hashable {
    /// Where the point came from.
    public enum Source: String, Sendable, Hashable {
        /// The region's own point from the data (seat for province/city/county, bounding-box centre for a township).
        case own
        /// The region has no point of its own; this is its county's point (县驻地).
        case countySeat
    }

    /// The point.
    public let coordinate: GeoCoordinate
    /// True when the point is only a rough stand-in for the place: every township (its own point is
    /// a bounding-box centre, a few km off) and every county-seat fallback.
    public let isApproximate: Bool
    /// Where the point came from.
    public let source: Source

    /// Creates a location.
    public init(coordinate: GeoCoordinate, isApproximate: Bool, source: Source) {
        self.coordinate = coordinate
        self.isApproximate = isApproximate
        self.source = source
    }
}
