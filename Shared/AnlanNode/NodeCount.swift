import AnlanWire

/// A named count a service reports in `node.info` (e.g. `registrations`, `hazard points`).
public struct NodeCount: WireMessage, Hashable, Codable {
    public var name: String   // 1
    public var value: Int64   // 2 (sint)

    public init(_ name: String, _ value: Int64) {
        self.name = name
        self.value = value
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init("", 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: name = try reader.readString(field)
            case 2: value = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: name)
        writer.write(2, int: value)
    }
}
