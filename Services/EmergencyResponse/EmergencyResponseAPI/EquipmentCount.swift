import AnlanRecords
import AnlanWire

/// How many of one catalogue kind a team has.
@WireMessage
public struct EquipmentCount: Hashable, Codable, Sendable {
    /// A code in the node's equipment catalogue.
    @Field(1) public var code: String = ""
    @Field(2) public var count: Int64 = 0
}
