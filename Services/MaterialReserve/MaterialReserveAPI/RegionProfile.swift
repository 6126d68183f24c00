import AnlanRecords
import AnlanWire

/// What the reserve norms of a region are counted against: its risk level and, usually at township
/// level, its flood-control responsible persons and villages in disaster-prone areas.
public struct RegionProfile: WireMessage, Hashable, Codable {
    public var regionCode: String           // 1
    /// Absent: the nearest ancestor's level applies (medium when none is set).
    public var riskLevel: RiskLevel?        // 2
    public var responsiblePersons: Int64    // 3
    public var disasterProneVillages: Int64 // 4

    public init(regionCode: String = "", riskLevel: RiskLevel? = nil, responsiblePersons: Int64 = 0, disasterProneVillages: Int64 = 0) {
        self.regionCode = regionCode
        self.riskLevel = riskLevel
        self.responsiblePersons = responsiblePersons
        self.disasterProneVillages = disasterProneVillages
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: riskLevel = try reader.readEnum(field)
            case 3: responsiblePersons = try reader.readInt64(field)
            case 4: disasterProneVillages = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        if let riskLevel { writer.write(2, enum: riskLevel) }
        writer.write(3, int: responsiblePersons)
        writer.write(4, int: disasterProneVillages)
    }
}
