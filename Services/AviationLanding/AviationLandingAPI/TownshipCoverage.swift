import AnlanRecords
import AnlanWire

/// One township's distance to its nearest usable landing point on this node.
public struct TownshipCoverage: WireMessage, Hashable, Codable {
    public var regionCode: String  // 1
    /// "" when the node has no usable point.
    public var nearestPointID: String  // 2
    public var distanceKilometres: Double  // 3
    /// Measured from an approximate place: the township's bounding-box centre, or its county seat when it has no point.
    public var approximate: Bool  // 4
    public var covered: Bool  // 5

    public init(regionCode: String = "", nearestPointID: String = "", distanceKilometres: Double = 0,
                approximate: Bool = false, covered: Bool = false) {
        self.regionCode = regionCode
        self.nearestPointID = nearestPointID
        self.distanceKilometres = distanceKilometres
        self.approximate = approximate
        self.covered = covered
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: regionCode = try reader.readString(field)
            case 2: nearestPointID = try reader.readString(field)
            case 3: distanceKilometres = try reader.readDouble(field)
            case 4: approximate = try reader.readBool(field)
            case 5: covered = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: regionCode)
        writer.write(2, string: nearestPointID)
        writer.write(3, double: distanceKilometres)
        if approximate { writer.write(4, bool: true) }
        if covered { writer.write(5, bool: true) }
    }
}
