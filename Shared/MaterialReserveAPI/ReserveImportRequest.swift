import AnlanWire

/// A CSV file of storage points or counted stock, whole, in one request (up to the frame limit).
public struct ReserveImportRequest: WireMessage, Hashable, Codable {
    public var kind: ReserveRecordKind  // 1
    public var csv: String              // 2
    public var source: String           // 3

    public init(kind: ReserveRecordKind = .storagePoints, csv: String = "", source: String = "") {
        self.kind = kind
        self.csv = csv
        self.source = source
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: kind = try reader.readEnum(field)
            case 2: csv = try reader.readString(field)
            case 3: source = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: kind)
        writer.write(2, string: csv)
        writer.write(3, string: source)
    }
}
