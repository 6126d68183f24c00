import AnlanRecords
import AnlanWire

/// Units held in one catalogue category (a level-1 or level-2 code: 1 or 3 digits), by condition.
@WireMessage
public struct CategoryTotal: Hashable, Codable, Sendable {
    /// a level-1 or level-2 category: 1 or 3 digits
    @Field(1) public var code: String = ""
    @Field(2) public var good: Int64 = 0
    @Field(3) public var damaged: Int64 = 0
    @Field(4) public var expired: Int64 = 0

    /// Adds `other`'s units (same code) to these.
    public mutating func add(_ other: CategoryTotal) {
        good.addSaturating(other.good)
        damaged.addSaturating(other.damaged)
        expired.addSaturating(other.expired)
    }
}
