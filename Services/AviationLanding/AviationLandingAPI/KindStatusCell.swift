import AnlanRecords
import AnlanWire

/// Landing points of one kind and status, and how many of them pass every compliance rule.
public struct KindStatusCell: WireMessage, Hashable, Codable {
    public var kind: LandingPointKind  // 1
    public var status: LandingPointStatus  // 2
    public var points: Int64  // 3
    public var compliant: Int64  // 4

    public init(kind: LandingPointKind = .other, status: LandingPointStatus = .available, points: Int64 = 0,
                compliant: Int64 = 0) {
        self.kind = kind
        self.status = status
        self.points = points
        self.compliant = compliant
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: kind = try reader.readEnum(field)
            case 2: status = try reader.readEnum(field)
            case 3: points = try reader.readInt64(field)
            case 4: compliant = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: kind)
        writer.write(2, enum: status)
        writer.write(3, int: points)
        writer.write(4, int: compliant)
    }
}
