import AnlanRecords
import AnlanWire

/// Asks for every landing point inside a latitude/longitude box (any status), nearest its centre first.
@WireMessage
public struct BoxRequest: Hashable, Codable, Sendable {
    @Field(1) public var south: Double = 0
    @Field(2) public var west: Double = 0
    @Field(3) public var north: Double = 0
    @Field(4) public var east: Double = 0
    /// 1…10000; 0 means 1000.
    @Field(5) public var limit: UInt32 = 0
}
