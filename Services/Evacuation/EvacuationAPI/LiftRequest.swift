import AnlanRecords
import AnlanWire

/// 解除预警: lifts a warning; people moved under it may return.
@WireMessage
public struct LiftRequest: Hashable, Codable, Sendable {
    @Field(1) public var warningID: String = ""
    /// The region of the tier lifting it: the issuer's, or one governing it.
    @Field(2) public var issuerRegion: String = ""
}
