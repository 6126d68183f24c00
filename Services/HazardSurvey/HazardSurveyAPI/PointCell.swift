import AnlanRecords
import AnlanWire

/// Hazard points of one type in one risk band, and the people they concern.
@WireMessage
public struct PointCell: Hashable, Codable, Sendable {
    @Field(1) public var type: HazardType = .earthquake
    @Field(2) public var band: UInt8 = 0
    @Field(3) public var points: Int64 = 0
    @Field(4) public var populationAtRisk: Int64 = 0
    @Field(5) public var registeredForTransfer: Int64 = 0

    struct Key: Hashable, Comparable {
        let type: UInt8
        let band: UInt8
        static func < (a: Key, b: Key) -> Bool { (a.type, a.band) < (b.type, b.band) }
    }

    var key: Key { Key(type: type.rawValue, band: band) }

    mutating func add(_ other: PointCell) {
        points.addSaturating(other.points)
        populationAtRisk.addSaturating(other.populationAtRisk)
        registeredForTransfer.addSaturating(other.registeredForTransfer)
    }
}
