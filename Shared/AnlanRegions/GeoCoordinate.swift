import Foundation

/// A point on the Earth in WGS-84 decimal degrees.
///
/// Used for region points and, by later services, for nearest-point search and dispatch ETAs.
/// A value built with the throwing initialiser (or decoded) is always in range and never NaN.
public struct GeoCoordinate: Sendable, Hashable, Codable {
    /// Latitude in degrees, -90...90 (north positive).
    public let latitude: Double
    /// Longitude in degrees, -180...180 (east positive).
    public let longitude: Double

    /// The mean Earth radius (IUGG R₁) used by `distance(to:)`, in metres.
    public static let meanEarthRadius: Double = 6_371_008.8

    /// Creates a coordinate, rejecting NaN, infinities and values out of range.
    ///
    /// - Throws: `RegionError` with code `.malformedData`.
    public init(latitude: Double, longitude: Double) throws {
        guard (-90.0...90.0).contains(latitude) else {
            throw RegionError(.malformedData, "latitude \(latitude) is not within -90...90")
        }
        guard (-180.0...180.0).contains(longitude) else {
            throw RegionError(.malformedData, "longitude \(longitude) is not within -180...180")
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Creates a coordinate without validation, for trusted data already known to be in range.
    ///
    /// Debug builds still assert the range.
    public init(uncheckedLatitude latitude: Double, longitude: Double) {
        assert((-90.0...90.0).contains(latitude) && (-180.0...180.0).contains(longitude),
               "GeoCoordinate out of range: \(latitude), \(longitude)")
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The great-circle distance to `other` in metres (haversine on a sphere of `meanEarthRadius`).
    ///
    /// Good to about 0.5 % against the ellipsoid, ample for ranking nearby points and ETAs.
    public func distance(to other: GeoCoordinate) -> Double {
        let radiansPerDegree = Double.pi / 180
        let phi1 = latitude * radiansPerDegree
        let phi2 = other.latitude * radiansPerDegree
        let halfDeltaPhi = (other.latitude - latitude) * radiansPerDegree / 2
        let halfDeltaLambda = (other.longitude - longitude) * radiansPerDegree / 2
        let sinPhi = sin(halfDeltaPhi)
        let sinLambda = sin(halfDeltaLambda)
        let h = sinPhi * sinPhi + cos(phi1) * cos(phi2) * sinLambda * sinLambda
        return 2 * Self.meanEarthRadius * asin(min(1, h.squareRoot()))
    }

    private enum CodingKeys: String, CodingKey {
        case latitude, longitude
    }

    /// Decodes `{"latitude": …, "longitude": …}`, applying the same validation as `init(latitude:longitude:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let latitude = try container.decode(Double.self, forKey: .latitude)
        let longitude = try container.decode(Double.self, forKey: .longitude)
        do {
            try self.init(latitude: latitude, longitude: longitude)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}
