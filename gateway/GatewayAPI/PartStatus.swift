import AnlanRecords
import AnlanWire

/// One part of a gateway's answer — a child region's gateway or one of the node's own services —
/// and how it was obtained.
public struct PartStatus: WireMessage, Hashable, Codable {
    /// The child's region code, or the service's kind.
    public var name: String                 // 1
    public var freshness: Freshness         // 2
    /// When the figures used were produced (Unix ms); 0 when missing.
    public var asOfMilliseconds: Int64      // 3
    /// Why the part is not fresh (the error, or the deadline).
    public var reason: String               // 4

    public init(name: String, freshness: Freshness, asOfMilliseconds: Int64 = 0, reason: String = "") {
        self.name = name
        self.freshness = freshness
        self.asOfMilliseconds = asOfMilliseconds
        self.reason = reason
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(name: "", freshness: .missing)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: name = try reader.readString(field)
            case 2: freshness = try reader.readEnum(field)
            case 3: asOfMilliseconds = try reader.readInt64(field)
            case 4: reason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: name)
        writer.write(2, enum: freshness)
        writer.write(3, int: asOfMilliseconds)
        writer.write(4, string: reason)
    }
}
