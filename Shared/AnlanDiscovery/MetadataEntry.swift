import AnlanWire

/// A free-form key and value attached to a registration (e.g. `build=1.0.0`, `zone=coastal`).
public struct MetadataEntry: WireMessage, Hashable, Codable {
    public var key: String    // 1
    public var value: String  // 2

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public init(from reader: inout WireReader) throws(WireError) {
        var key = "", value = ""
        while let field = try reader.nextField() {
            switch field.number {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
        self.init(key: key, value: value)
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: key)
        writer.write(2, string: value)
    }
}
