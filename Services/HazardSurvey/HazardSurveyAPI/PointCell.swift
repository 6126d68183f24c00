import AnlanRecords
import AnlanWire

/// Hazard points of one type in one risk band, and the people they concern.
public struct PointCell: WireMessage, Hashable, Codable {
    public var type: HazardType             // 1
    public var band: UInt8                  // 2
    public var points: Int64                // 3
    public var populationAtRisk: Int64      // 4
    public var registeredForTransfer: Int64 // 5

    public init(type: HazardType, band: UInt8, points: Int64 = 0, populationAtRisk: Int64 = 0, registeredForTransfer: Int64 = 0) {
        self.type = type
        self.band = band
        self.points = points
        self.populationAtRisk = populationAtRisk
        self.registeredForTransfer = registeredForTransfer
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(type: .earthquake, band: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: type = try reader.readEnum(field)
            case 2: band = try reader.readUInt(field)
            case 3: points = try reader.readInt64(field)
            case 4: populationAtRisk = try reader.readInt64(field)
            case 5: registeredForTransfer = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: type)
        writer.write(2, uint: band)
        writer.write(3, int: points)
        writer.write(4, int: populationAtRisk)
        writer.write(5, int: registeredForTransfer)
    }

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
