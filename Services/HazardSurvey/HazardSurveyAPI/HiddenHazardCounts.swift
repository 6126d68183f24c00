import AnlanRecords
import AnlanWire

/// Hidden hazards by where they stand, as of a day. Open + closed = all.
@WireMessage
public struct HiddenHazardCounts: Hashable, Codable, Sendable {
    @Field(1) public var open: Int64 = 0
    /// Open and past their deadline.
    @Field(2) public var overdue: Int64 = 0
    @Field(3) public var closed: Int64 = 0
    /// Closed on or before their deadline.
    @Field(4) public var closedOnTime: Int64 = 0
    /// Open major hazards (重大隐患).
    @Field(5) public var majorOpen: Int64 = 0
    /// Open hazards listed for public supervision (挂牌督办).
    @Field(6) public var listedOpen: Int64 = 0

    public mutating func merge(_ other: HiddenHazardCounts) {
        open.addSaturating(other.open)
        overdue.addSaturating(other.overdue)
        closed.addSaturating(other.closed)
        closedOnTime.addSaturating(other.closedOnTime)
        majorOpen.addSaturating(other.majorOpen)
        listedOpen.addSaturating(other.listedOpen)
    }
}
