import AnlanRecords
import AnlanWire

/// One item's requirement against what is held. Summed over several regions, `shortfall` is the sum of
/// each region's own shortfall: one township's surplus does not cover another's gap.
@WireMessage
public struct GapLine: Hashable, Codable, Sendable {
    @Field(1) public var itemCode: String = ""
    @Field(2) public var required: Int64 = 0
    /// Good, unexpired, unreserved units at the storage points the region's tier owns.
    @Field(3) public var held: Int64 = 0
    @Field(4) public var shortfall: Int64 = 0

    /// Adds `other`'s figures (same item) to these.
    public mutating func add(_ other: GapLine) {
        required.addSaturating(other.required)
        held.addSaturating(other.held)
        shortfall.addSaturating(other.shortfall)
    }
}
