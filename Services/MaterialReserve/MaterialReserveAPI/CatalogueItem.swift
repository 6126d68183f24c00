import AnlanRecords
import AnlanWire

/// An item of the reserve catalogue, by its GB/T 38565 code.
@WireMessage
public struct CatalogueItem: Hashable, Codable, Sendable {
    /// 7 digits
    @Field(1) public var code: String = ""
    @Field(2) public var name: String = ""
    /// E.g. 件, 台, 顶.
    @Field(3) public var unit: String = ""
    /// Shelf life in months (0: does not expire).
    @Field(4) public var shelfLifeMonths: UInt32 = 0
}
