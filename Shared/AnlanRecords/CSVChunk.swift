import AnlanWire

/// A piece of a streamed CSV export: the first chunk starts with the header line, each ends at a row end.
public struct CSVChunk: WireMessage, Hashable, Codable {
    public var text: String  // 1
    public var rows: Int64   // 2: data rows in this chunk

    public init(text: String, rows: Int64) {
        self.text = text
        self.rows = rows
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(text: "", rows: 0)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            case 2: rows = try reader.readInt64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, string: text)
        writer.write(2, int: rows)
    }
}
