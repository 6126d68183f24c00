import AnlanRecords
import AnlanWire

/// 储备库点: a place that holds emergency supplies.
@WireMessage
public struct StoragePoint: Hashable, Codable, Sendable {
    /// Required.
    @Field(1) public var id: String = ""
    @Field(2) public var regionCode: String = ""
    @Field(3) public var name: String = ""
    @Field(4) public var latitude: Double = 0
    @Field(5) public var longitude: Double = 0
    /// Capacity in units (0: not recorded).
    @Field(6) public var capacity: Int64 = 0
    @Field(7) public var contact: String = ""
    @Field(8) public var phone: String = ""
    /// The tier that owns it (1 province … 4 township).
    @Field(9) public var ownerTier: UInt8 = 0
}
