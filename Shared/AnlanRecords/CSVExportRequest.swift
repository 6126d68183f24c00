import AnlanWire

/// Asks for a region subtree's records of one kind as CSV, streamed in `CSVChunk`s.
public struct CSVExportRequest<Kind: WireEnum>: WireMessage, Hashable, Codable {
    public var kind: Kind          // 1
    /// "" means the node's own region.
    public var regionCode: String  // 2

    public init(kind: Kind, regionCode: String = "") {
        self.kind = kind
        self.regionCode = regionCode
    }

    public init(from reader: inout WireReader) throws(WireError) {
        self.init(kind: Kind.allCases.first!)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: kind = try reader.readEnum(field)
            case 2: regionCode = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(1, enum: kind)
        writer.write(2, string: regionCode)
    }
}
