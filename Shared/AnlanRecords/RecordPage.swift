import AnlanWire

/// One page of a list: the records in order and the cursor for the next page ("" when this is the last).
public struct RecordPage<Record: WireMessage & Codable & Hashable>: WireMessage, Hashable, Codable {
    public var records: [Record]   // 1 (repeated)
    public var nextCursor: String  // 2

    public init(records: [Record] = [], nextCursor: String = "") {
        self.records = records
        self.nextCursor = nextCursor
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: records.append(try reader.readMessage(field))
            case 2: nextCursor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, messages: records)
        writer.write(2, string: nextCursor)
    }
}
