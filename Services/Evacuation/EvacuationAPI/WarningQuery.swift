import AnlanRecords
import AnlanWire

/// Lists the warnings a node holds.
@WireMessage
public struct WarningQuery: Hashable, Codable, Sendable {
    /// Only warnings in force now.
    @Field(1, .omitDefault) public var activeOnly: Bool = false
    @Field(2, .omitDefault) public var limit: UInt32 = 0
    @Field(3, .omitDefault) public var cursor: String = ""
}
