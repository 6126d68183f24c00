import AnlanWire

/// Names one record by its id: the request of every `get` and `delete`.
public struct RecordID: WireMessage, Hashable, Codable {
    public var id: String  // 1

    public init(_ id: String) {
        self.id = id
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init("")
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: id)
    }
}
