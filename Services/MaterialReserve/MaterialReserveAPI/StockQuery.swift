import AnlanRPC
import AnlanWire

/// Asks for the units held in a region subtree, optionally of one catalogue category.
@WireMessage
public struct StockQuery: Hashable, Codable, Sendable {
    /// "" means the node's own region.
    @Field(1) public var regionCode: String = ""
    /// A catalogue code prefix of 1, 3, 5 or 7 digits ("" for everything).
    @Field(2) public var itemPrefix: String = ""
}

extension StockQuery: RegionScopedRequest {
    /// A caller from inside the node's region may name only its own jurisdiction's regions.
    public var scopedRegions: [String] { [regionCode] }
}
