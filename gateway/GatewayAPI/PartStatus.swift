import AnlanRecords
import AnlanWire

/// One part of a gateway's answer — a child region's gateway or one of the node's own services —
/// and how it was obtained.
@WireMessage
public struct PartStatus: Hashable, Codable, Sendable {
    /// The child's region code, or the service's kind.
    @Field(1) public var name: String = ""
    @Field(2) public var freshness: Freshness = .missing
    /// When the figures used were produced (Unix ms); 0 when missing.
    @Field(3) public var asOfMilliseconds: Int64 = 0
    /// Why the part is not fresh (the error, or the deadline).
    @Field(4) public var reason: String = ""
}
