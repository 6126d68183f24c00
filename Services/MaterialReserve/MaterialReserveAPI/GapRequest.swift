import AnlanWire

/// Asks for the reserve gap report of a region and its children.
@WireMessage
public struct GapRequest: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// A catalogue code prefix of 1, 3, 5 or 7 digits ("" for every item with a norm).
    @Field(2) public var itemPrefix: String = ""
    /// List only the children with a shortfall somewhere in their subtree.
    @Field(3, .omitDefault) public var shortOnly: Bool = false
}
