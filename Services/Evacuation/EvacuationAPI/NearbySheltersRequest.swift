import AnlanRecords
import AnlanWire

/// Shelters near a point with free places, nearest first (for the phone page and the worklists).
@WireMessage
public struct NearbySheltersRequest: Hashable, Codable, Sendable {
    @Field(1) public var latitude: Double = 0
    @Field(2) public var longitude: Double = 0
    /// How many (0: 5).
    @Field(3, .omitDefault) public var count: UInt32 = 0
    /// Only shelters with at least this many free places (0: any not full or closed).
    @Field(4, .omitDefault) public var minimumFree: Int64 = 0
}
