import AnlanRecords
import AnlanWire

/// Lists the teams based in a subtree, by id.
@WireMessage
public struct TeamQuery: Hashable, Codable, Sendable {
    /// A region in the node's subtree (empty: the node's own).
    @Field(1) public var regionCode: String = ""
    @Field(2) public var kind: TeamKind?
    @Field(3) public var readiness: Readiness?
    @Field(4, .omitDefault) public var cursor: String = ""
    /// 1…1000; 0 means 100.
    @Field(5, .omitDefault) public var limit: UInt32 = 0
}
