import AnlanRegions

/// A circle around a region that holds every place in it the region tree knows, widened by a margin
/// for its edges (a county's places are its seat and its townships' centres, not its border): a search
/// within a radius can skip a region whose circle it cannot reach.
struct RegionReach: Sendable {
    /// Added to the farthest known place: townships and counties reach past their centres.
    static let marginKilometres = 25.0

    let centre: GeoCoordinate
    let radiusKilometres: Double

    init(_ region: Region, in tree: RegionTree) throws {
        centre = try tree.location(of: region.code).coordinate
        let centre = centre
        let farthest = try tree.descendants(of: region.code).compactMap { place -> Double? in
            guard let location = try? tree.location(of: place.code), location.source == .own else { return nil }
            return centre.distance(to: location.coordinate) / 1000
        }.max() ?? 0
        radiusKilometres = farthest + Self.marginKilometres
    }

    /// Whether a place within `kilometres` of `point` may lie in the region.
    func mayHold(within kilometres: Double, of point: GeoCoordinate) -> Bool {
        centre.distance(to: point) / 1000 - radiusKilometres <= kilometres
    }
}
