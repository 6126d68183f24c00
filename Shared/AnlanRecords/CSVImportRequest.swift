import AnlanWire

/// A CSV file of one kind of record (`Kind`, a service's `WireEnum` of record kinds), whole, in one
/// request — up to the frame limit; larger files go through a service's local `import` command.
public struct CSVImportRequest<Kind: WireEnum>: WireMessage, Hashable, Codable {
    public var kind: Kind      // 1
    public var csv: String     // 2: the file's text, header first
    /// Where it came from, for the logs (e.g. the file name).
    public var source: String  // 3

    public init(kind: Kind, csv: String = "", source: String = "") {
        self.kind = kind
        self.csv = csv
        self.source = source
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(kind: Kind.allCases.first!)
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
