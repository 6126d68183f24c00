import AnlanWire

/// All registrations, optionally of one service and within one region's subtree.
@WireMessage
public struct ListRequest: Hashable, Sendable {
    /// empty: all
    @Field(1, .omitDefault) public var service: String = ""
    /// Empty: every region
    @Field(2, .omitDefault) public var subtreeOf: String = ""
}
