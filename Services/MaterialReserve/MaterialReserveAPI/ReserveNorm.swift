import AnlanRecords
import AnlanWire

/// A reserve norm: the least quantity of an item each region of `tier` must hold when its risk level
/// is `riskLevel`, counted per `basis`. Putting a norm with quantity 0 removes it.
@WireMessage
public struct ReserveNorm: Hashable, Codable, Sendable {
    /// 1 province … 4 township (absent: 0, refused).
    @Field(1) public var tier: UInt8 = 0
    @Field(2) public var riskLevel: RiskLevel = .medium
    @Field(3) public var itemCode: String = ""
    @Field(4) public var basis: NormBasis = .perRegion
    @Field(5) public var quantity: Int64 = 0
}
