import AnlanRecords
import AnlanRegions
import AviationLandingAPI
import GRDB

/// Spatial search: the nearest usable points, those within a radius, those in a box — all from the
/// R*Tree, never a scan of the table.
extension AviationLanding {
    /// The nearest `limit` usable points to a coordinate, or (with a radius) all within it.
    public func nearest(_ request: NearestRequest) async throws -> NearbyPoints {
        let centre = try validating { try GeoCoordinate(latitude: request.latitude, longitude: request.longitude) }
        guard request.limit <= 1000 else { throw RecordServiceError.invalidArgument("limit \(request.limit) is over 1000") }
        guard request.radiusKilometres.isFinite, (0...20_100).contains(request.radiusKilometres) else {
            throw RecordServiceError.invalidArgument("radius \(request.radiusKilometres) km is not 0…20,100")
        }
        let limit = request.limit == 0 ? 10 : Int(request.limit)
        return try await core.store.pool.read { db in
            let search = try LandingPointStore.SpatialSearch(db, statuses: request.includeRestricted ? [.available, .restricted] : [.available],
                                           minimumClass: request.minimumClass)
            let hits = request.radiusKilometres > 0
                ? try search.within(request.radiusKilometres, of: centre)
                : try search.nearest(limit, to: centre)
            return NearbyPoints(points: try LandingPointStore.points(hits.prefix(limit), db), truncated: hits.count > limit)
        }
    }

    /// Every point (any status) inside a latitude/longitude box, nearest its centre first.
    public func inBox(_ request: BoxRequest) async throws -> NearbyPoints {
        guard request.limit <= 10_000 else { throw RecordServiceError.invalidArgument("limit \(request.limit) is over 10,000") }
        let limit = request.limit == 0 ? 1000 : Int(request.limit)
        let centre = try validating { () throws -> GeoCoordinate in
            _ = try GeoCoordinate(latitude: request.south, longitude: request.west)
            _ = try GeoCoordinate(latitude: request.north, longitude: request.east)
            guard request.south <= request.north, request.west <= request.east else {
                throw InvalidRecord("box: south must not be above north, nor west east of east")
            }
            return GeoCoordinate(uncheckedLatitude: (request.south + request.north) / 2, longitude: (request.west + request.east) / 2)
        }
        return try await core.store.pool.read { db in
            let hits = try LandingPointStore.SpatialSearch(db, statuses: LandingPointStatus.allCases, minimumClass: nil)
                .inside(south: request.south, north: request.north, west: request.west, east: request.east, nearest: centre)
            return NearbyPoints(points: try LandingPointStore.points(hits.prefix(limit), db), truncated: hits.count > limit)
        }
    }
}
