import AnlanRecords
import AnlanWire

/// Asks for a page of the people in a region subtree, by region code then id.
@WireMessage
public struct PersonQuery: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// absent: all
    @Field(2) public var role: PersonRole?
    @Field(3) public var cursor: String = ""
    /// 1…1000; 0 means 100.
    @Field(4) public var limit: UInt32 = 0
}
