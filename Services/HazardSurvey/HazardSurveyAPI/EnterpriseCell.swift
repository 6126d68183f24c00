import AnlanRecords
import AnlanWire

/// Enterprises of one grade in one sector, and how many of them hold a major hazard source.
@WireMessage
public struct EnterpriseCell: Hashable, Codable, Sendable {
    @Field(1) public var grade: RiskGrade = .blue
    @Field(2) public var sector: IndustrySector = .roadTransport
    @Field(3) public var enterprises: Int64 = 0
    @Field(4) public var majorHazardSources: Int64 = 0

    struct Key: Hashable, Comparable {
        let grade: UInt8
        let sector: UInt8
        static func < (a: Key, b: Key) -> Bool { (a.grade, a.sector) < (b.grade, b.sector) }
    }

    var key: Key { Key(grade: grade.rawValue, sector: sector.rawValue) }

    mutating func add(_ other: EnterpriseCell) {
        enterprises.addSaturating(other.enterprises)
        majorHazardSources.addSaturating(other.majorHazardSources)
    }
}
