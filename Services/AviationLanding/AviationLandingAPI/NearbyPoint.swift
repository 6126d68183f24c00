import AnlanRecords
import AnlanWire

/// A landing point and its great-circle distance from the asked place.
public struct NearbyPoint: WireMessage, Hashable, Codable {
    public var point: LandingPoint  // 1
    public var distanceKilometres: Double  // 2

    public init(point: LandingPoint = LandingPoint(), distanceKilometres: Double = 0) {
        self.point = point
        self.distanceKilometres = distanceKilometres
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: point = try reader.readMessage(field)
            case 2: distanceKilometres = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, message: point)
        writer.write(2, double: distanceKilometres)
    }
}
