import AnlanRecords
import AnlanWire

/// Lists a subtree's incidents, newest first.
@WireMessage
public struct IncidentQuery: Hashable, Codable, Sendable {
    /// A region in the node's subtree (empty: the node's own).
    @Field(1) public var regionCode: String = ""
    /// Only those not closed.
    @Field(2, .omitDefault) public var openOnly: Bool = false
    @Field(3, .omitDefault) public var cursor: String = ""
    /// 1…1000; 0 means 100.
    @Field(4, .omitDefault) public var limit: UInt32 = 0
}
