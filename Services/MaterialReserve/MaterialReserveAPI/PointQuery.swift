import AnlanWire

/// Asks for a page of the storage points in a region subtree, ordered by region code then id.
@WireMessage
public struct PointQuery: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// The `nextCursor` of the previous page; "" for the first page.
    @Field(2) public var cursor: String = ""
    /// Points per page: 1…1000, 0 means 100.
    @Field(3) public var limit: UInt32 = 0
}
