import AnlanRecords
import AnlanWire

/// Asks for usable landing points near a coordinate: the nearest `limit`, or (with `radiusKilometres`)
/// every one within that great-circle distance, nearest first. Usable: available, or restricted too
/// when `includeRestricted`; accepting `minimumClass` when it is given.
@WireMessage
public struct NearestRequest: Hashable, Codable, Sendable {
    @Field(1) public var latitude: Double = 0
    @Field(2) public var longitude: Double = 0
    /// 1…1000; 0 means 10.
    @Field(3) public var limit: UInt32 = 0
    @Field(4) public var minimumClass: HelicopterClass?
    @Field(5, .omitDefault) public var includeRestricted: Bool = false
    /// 0: the nearest `limit` points at any distance.
    @Field(6) public var radiusKilometres: Double = 0
}
