import AnlanRecords
import AnlanWire

/// A landing point and its great-circle distance from the asked place.
@WireMessage
public struct NearbyPoint: Hashable, Codable, Sendable {
    @Field(1) public var point: LandingPoint = LandingPoint()
    @Field(2) public var distanceKilometres: Double = 0
}
