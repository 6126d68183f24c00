import AnlanRecords
import AnlanWire

/// Who is still to call or move: a village's or a cadre's list, vulnerable people first.
@WireMessage
public struct WorklistRequest: Hashable, Codable, Sendable {
    /// A region in the node's subtree (empty: the node's own).
    @Field(1) public var regionCode: String = ""
    @Field(2, .omitDefault) public var village: String = ""
    @Field(3, .omitDefault) public var cadre: String = ""
    /// The warning ("" for every active one).
    @Field(4, .omitDefault) public var warningID: String = ""
    /// The states to list (empty: every unresolved state).
    @Field(5) public var states: [TransferState] = []
    @Field(6, .omitDefault) public var limit: UInt32 = 0
    @Field(7, .omitDefault) public var cursor: String = ""
}
