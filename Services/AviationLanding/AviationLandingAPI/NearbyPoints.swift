import AnlanRecords
import AnlanWire

/// Landing points, nearest first.
public struct NearbyPoints: WireMessage, Hashable, Codable {
    public var points: [NearbyPoint]  // 1 (repeated)
    /// More matched than the limit allowed.
    public var truncated: Bool  // 2

    public init(points: [NearbyPoint] = [], truncated: Bool = false) {
        self.points = points
        self.truncated = truncated
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: points.append(try reader.readMessage(field))
            case 2: truncated = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: points)
        if truncated { writer.write(2, bool: true) }
    }
}
