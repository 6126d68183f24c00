import AnlanRecords
import AnlanWire

/// Enterprises of one grade in one sector, and how many of them hold a major hazard source.
public struct EnterpriseCell: WireMessage, Hashable, Codable {
    public var grade: RiskGrade          // 1
    public var sector: IndustrySector    // 2
    public var enterprises: Int64        // 3
    public var majorHazardSources: Int64 // 4

    public init(grade: RiskGrade, sector: IndustrySector, enterprises: Int64 = 0, majorHazardSources: Int64 = 0) {
        self.grade = grade
        self.sector = sector
        self.enterprises = enterprises
        self.majorHazardSources = majorHazardSources
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(grade: .blue, sector: .roadTransport)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: grade = try reader.readEnum(field)
            case 2: sector = try reader.readEnum(field)
            case 3: enterprises = try reader.readInt64(field)
            case 4: majorHazardSources = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: grade)
        writer.write(2, enum: sector)
        writer.write(3, int: enterprises)
        writer.write(4, int: majorHazardSources)
    }

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
